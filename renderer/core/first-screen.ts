import { useEffect } from 'react';

/**
 * How long start-up work waits for a page that never says its first screen is painted (pages
 * other than Today and Customers): long enough for their first reads, short enough not to matter.
 */
const CAP_MS = 3000;
/** A hidden window paints no frames: "after the next frame" is then at most this late. */
const HIDDEN_FRAME_MS = 1000;

let markPainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => (markPainted = resolve));
let capped = false;

/**
 * Resolves once the page the app opened on has painted what the user came for (Customers: its
 * first rows), or CAP_MS after the first caller asked. Start-up work that screen does not need —
 * the customer index, the reminder notification, the sync count, the daily backup — waits for it:
 * at 100k accounts each of those reads takes the IndexedDB backend for hundreds of milliseconds,
 * and the first screen's few small reads would queue behind them.
 */
export function firstScreenPainted(): Promise<void> {
  if (!capped) {
    capped = true;
    setTimeout(markPainted, CAP_MS);
  }
  return painted;
}

/** Runs `fn` after the next frame is painted; returns a cancel function. */
export function afterNextPaint(fn: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  const fallback = setTimeout(run, HIDDEN_FRAME_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/** A page's part: once `shown` (its first content is rendered) and that frame is painted, the first screen is there. */
export function useFirstScreen(shown: boolean): void {
  useEffect(() => (shown ? afterNextPaint(markPainted) : undefined), [shown]);
}
