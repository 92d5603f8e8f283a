// Charts are drawn a few per frame instead of all in one commit, and only once they are on screen
// (or about to be): the reports page has eight chart.js charts, building one costs 10–50 ms on the
// page thread, and at 1366×800 only the first two or three are in view. Opening Reports or changing
// the period draws those; the others are drawn as they scroll into view, or all at once for paper.

/** Milliseconds of chart work per frame, leaving the rest of a 60 Hz frame to React and input. */
const BUDGET_MS = 10;

/** Charts this far below the window are drawn already, so a scrolling user rarely sees an empty box. */
const AHEAD = '200px 0px';

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

/** The boxes of mounted charts. */
const watched = new Set<Element>();
/** Whether each watched box is in (or near) the window; absent until the observer has said. */
const inView = new Map<Element, boolean>();
/** The newest job of each box that waits to come into view. */
const parked = new Map<Element, () => void>();
/** undefined: not made yet; null: no IntersectionObserver here (unit tests), every box counts as in view. */
let observer: IntersectionObserver | null | undefined;

function sighted(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    if (!watched.has(entry.target)) continue; // unmounted meanwhile
    inView.set(entry.target, entry.isIntersecting);
    const job = parked.get(entry.target);
    if (!job) continue;
    if (entry.isIntersecting) {
      parked.delete(entry.target);
      release(entry.target, job);
    } else mark(entry.target, 'deferred');
  }
}

function watcher(): IntersectionObserver | null {
  if (observer === undefined) {
    observer = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver(sighted, { rootMargin: AHEAD });
    // Paper shows every chart: draw the waiting ones before the page is laid out for printing
    // (registered before any chart's own beforeprint handler, which then redraws it for paper).
    if (typeof window !== 'undefined') {
      window.addEventListener('beforeprint', drawAllNow);
      // Print media without a print dialog (emulated print media, a PDF rendered by the shell).
      window.matchMedia?.('print').addEventListener?.('change', (e) => {
        if (e.matches) drawAllNow();
      });
    }
  }
  return observer;
}

/**
 * The box's state for the bench and the e2e specs: `data-pending` while its chart waits for a frame
 * (or for the observer to say where it is), `data-deferred` while it waits off screen, neither once drawn.
 */
function mark(el: Element, state: 'pending' | 'deferred' | 'drawn'): void {
  el.toggleAttribute('data-pending', state === 'pending');
  el.toggleAttribute('data-deferred', state === 'deferred');
}

/** A box's queued job: drawn in an upcoming frame unless a newer job for the box came first. */
const queued = new Map<Element, () => void>();

function release(el: Element, job: () => void): void {
  mark(el, 'pending');
  queued.set(el, job);
  drawSoon(() => {
    if (queued.get(el) !== job) return;
    queued.delete(el);
    job();
    mark(el, 'drawn');
  });
}

/** Starts watching where `el` is; the returned function stops (the chart unmounted). */
export function watchChart(el: Element): () => void {
  const io = watcher();
  watched.add(el);
  io?.observe(el);
  return () => {
    io?.unobserve(el);
    watched.delete(el);
    inView.delete(el);
    parked.delete(el);
    queued.delete(el);
  };
}

/**
 * Draws with `job` once `el` (watched) is in view, a few charts per frame; a newer job for the same
 * box replaces this one. The returned function cancels it.
 */
export function drawWhenShown(el: Element, job: () => void): () => void {
  const seen = watcher() === null ? true : inView.get(el);
  if (seen === true) release(el, job);
  else {
    // Off screen, or not known yet (the observer reports every new box after its first layout).
    parked.set(el, job);
    queued.delete(el);
    mark(el, seen === false ? 'deferred' : 'pending');
  }
  return () => {
    if (parked.get(el) === job) parked.delete(el);
    if (queued.get(el) === job) queued.delete(el);
  };
}

/** The box's chart already shows what it should (its data came back to what was drawn): nothing waits. */
export function nothingToDraw(el: Element): void {
  parked.delete(el);
  queued.delete(el);
  mark(el, 'drawn');
}

/** Draws every waiting chart now, in view or not: for printing and the PDF export. */
export function drawAllNow(): void {
  const jobs = [...parked, ...queued];
  parked.clear();
  queued.clear();
  for (const [el, job] of jobs) {
    job();
    mark(el, 'drawn');
  }
}
