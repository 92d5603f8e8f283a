/** A labelled progress bar for long work; `value` is a share from 0 to 1. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <span className="progress-label">{label}</span>
      <progress max={100} value={percent} aria-label={label}>
        {percent} %
      </progress>
    </div>
  );
}
