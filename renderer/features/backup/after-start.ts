import { firstScreenPainted } from '../../core/first-screen';

/** How long the first screen gets to itself after it is painted (loading lists, first scrolls). */
const SETTLE_MS = 3000;
/** Longest wait for an idle moment once settled: a busy user still gets their daily backup. */
const IDLE_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const whenIdle = () =>
  new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });

/**
 * Runs `fn` once the first screen is painted, has had a few seconds, and the browser is idle, so
 * start-up work such as the daily backup does not compete with it. Returns a cancel function.
 */
export function afterStartSettles(fn: () => void): () => void {
  let cancelled = false;
  void firstScreenPainted()
    .then(() => sleep(SETTLE_MS))
    .then(whenIdle)
    .then(() => {
      if (!cancelled) fn();
    });
  return () => {
    cancelled = true;
  };
}
