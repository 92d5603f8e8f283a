// Charts are drawn a few per frame instead of all in one commit: the reports page builds eight
// chart.js charts, and at 700 accounts doing that in one go made an 89 ms frame on opening and
// 119 ms on every period change. Each frame draws queued charts until its budget is spent.

/** Milliseconds of chart work per frame, leaving the rest of a 60 Hz frame to React and input. */
const BUDGET_MS = 10;

const queue: Array<() => void> = [];
let scheduled = false;

function run(): void {
  const t0 = performance.now();
  // At least one job per frame, so a chart slower than the budget still gets drawn.
  do queue.shift()?.();
  while (queue.length > 0 && performance.now() - t0 < BUDGET_MS);
  if (queue.length > 0) requestAnimationFrame(run);
  else scheduled = false;
}

/** Runs `job` in an upcoming frame, after the jobs queued before it; the returned function cancels it. */
export function drawSoon(job: () => void): () => void {
  let live = true;
  queue.push(() => {
    if (live) job();
  });
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(run);
  }
  return () => {
    live = false;
  };
}
