import { useEffect, useRef, useState, type ReactNode } from 'react';
import './popover.css';

type Props = {
  /** What the button says (the summary); keep it short, it sits in a toolbar row. */
  label: ReactNode;
  className?: string;
  /** Rendered only while open, so the fields inside are not found (nor labelled) while hidden. */
  children: () => ReactNode;
};

/**
 * A toolbar button that opens a panel below it (a `<details>`, so it works by keyboard and screen
 * reader as a disclosure); a click outside or Escape closes it. Used for what a row has no room
 * for, like the customer list's less-used filters.
 */
export function Popover({ label, className, children }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !ref.current) return;
      ref.current.open = false;
      ref.current.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  return (
    <details ref={ref} className={`popover ${className ?? ''}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{label}</summary>
      {open && <div className="popover-panel">{children()}</div>}
    </details>
  );
}
