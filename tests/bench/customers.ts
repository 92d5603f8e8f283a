// Customer-list figures: first rows, search latency per keystroke against a plain Array.filter
// floor, frames while scrolling the whole list, and the heap with the list open.
import type { Page } from 'playwright-core';
import { rounds } from './rounds';

export type Figure = { figure: string; ms: number; baseline: string; baseMs: number; unit?: 'ms' | 'MB' | 'count' };

/** Keystrokes typed into the global search: three words letter by letter, cleared in between. */
const WORDS = ['mueller', 'berlin', 'schmidt gmbh'];
export const KEYSTROKES = WORDS.flatMap((w) => [...[...w].map((_, i) => w.slice(0, i + 1)), '']);

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? NaN;
}

/** ms from a click on the Customers link to the frame after the first list row is in the DOM. */
function clickToFirstRows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    document.querySelector<HTMLAnchorElement>('a[href="#/customers"]')?.click();
    while (!document.querySelector('table tbody tr')) await frame();
    await frame();
    return performance.now() - t0;
  });
}

/**
 * Starts the app afresh on Today (via about:blank: a goto that changes only the hash would stay in
 * the same document, with the index of the last open still in memory), waits until Today has
 * loaded its reminders (at 100k they are seconds of reads of their own, which a click would queue
 * behind) and 1.5 s more, then opens the Customers page; returns ms from the click to painted rows
 * and to the full index.
 */
async function openCustomers(page: Page, port: number): Promise<{ firstRows: number; indexReady: number }> {
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
  await page.locator('a[href="#/customers"]').waitFor({ timeout: 120_000 });
  await page.locator('.reminder-inbox[aria-busy="false"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1500);
  const firstRows = await clickToFirstRows(page);
  return page.evaluate(async (firstRows) => {
    const t0 = performance.now() - firstRows;
    const status = () => document.querySelector('.customers [role=status]')?.textContent ?? '';
    const deadline = performance.now() + 300_000;
    while (!/^[\d.]+ Kunden?$/.test(status())) {
      if (performance.now() > deadline) throw new Error(`index not ready: "${status()}"`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { firstRows, indexReady: performance.now() - t0 };
  }, firstRows);
}

/** With the index in memory: to Today and back to Customers (the page mounts on 100k loaded rows). */
async function reopenCustomers(page: Page): Promise<number> {
  await page.locator('a[href="#/today"]').click();
  await page.locator('.reminder-inbox[aria-busy="false"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  return clickToFirstRows(page);
}

type Typed = { rendered: number[]; painted: number[]; counts: number[] };

/**
 * Types the keystrokes into the search field, twice over (the first pass with a cold JIT, as a
 * user's first search is). Per keystroke: ms until the list has committed the rows for exactly
 * this text (the results' `data-query` turns to it; a MutationObserver sees the commit), and
 * until the frame after that commit (the user sees the rows). `counts` are the result counts shown.
 */
async function typeAndMeasure(page: Page): Promise<Typed> {
  return page.evaluate(async (queries) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]');
    const status = document.querySelector<HTMLElement>('.customers p.count[data-query]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!input || !status || !setter) throw new Error('no search field or result count');
    const out: Typed = { rendered: [], painted: [], counts: [] };
    for (let pass = 0; pass < 2; pass++) {
      for (const q of queries) {
        await new Promise((r) => setTimeout(r, 40));
        let committed = 0;
        let done: () => void = () => undefined;
        const commit = new Promise<void>((resolve) => (done = resolve));
        const observer = new MutationObserver(() => {
          if (!committed && status.dataset.query === q) {
            committed = performance.now();
            done();
          }
        });
        observer.observe(status, { attributes: true, attributeFilter: ['data-query'] });
        const t0 = performance.now();
        setter.call(input, q);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const timeout = setTimeout(() => done(), 10_000);
        await commit;
        clearTimeout(timeout);
        observer.disconnect();
        if (!committed) throw new Error(`the list never showed results for "${q}"`);
        out.rendered.push(committed - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        out.painted.push(performance.now() - t0);
        out.counts.push(Number((status.textContent ?? '').replace(/\D/g, '')));
      }
    }
    return out;
  }, KEYSTROKES);
}

type Scroll = { frames: number; dropped: number; p95: number };

/**
 * Scrolls the list by `step` px per frame (0: the whole list in about 600 frames, at least a
 * screen per frame) and times each frame. Dropped frames count missed 60 Hz vsyncs: a 50 ms
 * frame is 2 dropped, whatever the other frames did.
 */
export async function scrollList(page: Page, step: number, maxFrames: number): Promise<Scroll> {
  return page.evaluate(async ([fixed, limit]) => {
    const el = document.querySelector<HTMLElement>('.table-scroll');
    if (!el) throw new Error('no list');
    const total = el.scrollHeight - el.clientHeight;
    const by = fixed || Math.max(el.clientHeight, total / 600);
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(r));
    const deltas: number[] = [];
    let last = performance.now();
    for (let i = 0; el.scrollTop < total - 1 && i < limit; i++) {
      el.scrollTop = Math.min(total, el.scrollTop + by);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      deltas.push(now - last);
      last = now;
    }
    const sorted = [...deltas].sort((a, b) => a - b);
    const dropped = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / (1000 / 60)) - 1), 0);
    return { frames: deltas.length, dropped, p95: sorted[Math.floor((sorted.length - 1) * 0.95)] ?? NaN };
  }, [step, maxFrames] as const);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

type Floor = { filterMs: number[]; paintedMs: number[]; hits: number[] };

/** Figures of the 700-account run that the larger sizes of the same run are compared with. */
export type At700 = { firstRows?: number; todayMs?: number; todayHeap?: number };

/**
 * Starts the app afresh on Today and waits until the reminder inbox and the coverage lines are
 * computed (the page's work that reads the rep's accounts); returns ms from navigation start to that
 * frame, and the renderer heap after GC with Today open.
 */
async function openToday(page: Page, port: number): Promise<{ ms: number; heap: number }> {
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
  await page.waitForFunction(
    () => document.querySelector('.reminder-inbox[aria-busy="false"]') !== null && document.querySelector('[aria-labelledby="coverage-summary-title"] ul[aria-busy="false"]') !== null,
    null,
    { timeout: 300_000, polling: 'raf' },
  );
  const ms = await page.evaluate(() => performance.now());
  return { ms, heap: await heapMb(page) };
}

/** Figures of one size, with the bench page open; `at700` holds the 700-account figures of this run (filled in when n is 700). */
export async function customerFigures(page: Page, port: number, n: number, at700: At700 = {}): Promise<Figure[]> {
  const floor = await page.evaluate((qs) => (window as unknown as { bench: { searchFloor: (q: string[]) => Promise<Floor> } }).bench.searchFloor(qs), KEYSTROKES);
  // tsx (esbuild keepNames) wraps named functions inside page.evaluate with `__name`, unknown to the page.
  await page.context().addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const opens: Array<{ firstRows: number; indexReady: number }> = [];
  const log = (what: string) => console.error(`[bench ${n}] ${what}`);
  const reopens: number[] = [];
  for (let i = 0; i < rounds(3); i++) {
    opens.push(await openCustomers(page, port));
    reopens.push(await reopenCustomers(page));
  }
  log(`opened: ${JSON.stringify(opens)}; reopened: ${JSON.stringify(reopens)}`);
  const reopened = pct(reopens, 0.5);
  const firstRows = pct(opens.map((o) => o.firstRows), 0.5);
  const indexReady = pct(opens.map((o) => o.indexReady), 0.5);
  const todays: Array<{ ms: number; heap: number }> = [];
  for (let i = 0; i < rounds(3); i++) todays.push(await openToday(page, port));
  log(`Today: ${JSON.stringify(todays)}`);
  const todayMs = pct(todays.map((x) => x.ms), 0.5);
  const heapToday = pct(todays.map((x) => x.heap), 0.5);
  await openCustomers(page, port);
  await page.locator('#cf-owner').selectOption('all');
  const heapList = await heapMb(page);
  log(`heap ${heapToday.toFixed(0)} → ${heapList.toFixed(0)} MB`);
  const typed = await typeAndMeasure(page);
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
  log(`search rendered ${fmt(typed.rendered)}`);
  log(`search painted ${fmt(typed.painted)}`);
  log(`floor filter ${fmt(floor.filterMs)}; floor painted ${fmt(floor.paintedMs)}`);
  // The list must have found what the floor found, or the comparison means nothing.
  const wrong = typed.counts.map((c, i) => [KEYSTROKES[i % KEYSTROKES.length], c, floor.hits[i % KEYSTROKES.length]] as const).filter(([, c, h]) => c !== h);
  if (wrong.length > 0) throw new Error(`list count differs from the floor: ${JSON.stringify(wrong.slice(0, 5))}`);
  const fling = await scrollList(page, 0, 2000);
  log(`scroll whole list ${JSON.stringify(fling)}`);
  const wheel = await scrollList(page, 100, 300);
  log(`scroll 100 px/frame ${JSON.stringify(wheel)}`);
  if (n === 700) Object.assign(at700, { firstRows, todayMs, todayHeap: heapToday });
  const vs700 = (value: number, base: number | undefined, what = 'same at 700 accounts') =>
    base === undefined || n === 700 ? { baseline: 'itself (no 700 run before it in this run)', baseMs: value } : { baseline: what, baseMs: base };
  return [
    { figure: `Customers page: click to first painted rows, ${n} accounts`, ms: firstRows, ...vs700(firstRows, at700.firstRows) },
    { figure: `Today page: start to reminders and coverage computed, ${n} accounts`, ms: todayMs, ...vs700(todayMs, at700.todayMs) },
    { figure: `  renderer JS heap on Today (after GC), ${n}`, ms: heapToday, unit: 'MB', ...vs700(heapToday, at700.todayHeap, 'same at 700 accounts') },
    { figure: `  full in-memory index ready (background), ${n}`, ms: indexReady, baseline: 'first painted rows', baseMs: firstRows },
    { figure: `  Customers page again (index in memory): click to first painted rows, ${n}`, ms: reopened, baseline: 'first open', baseMs: firstRows },
    { figure: `search per keystroke p50, keystroke to rows committed (${KEYSTROKES.length}×2 keys, all owners), ${n}`, ms: pct(typed.rendered, 0.5), baseline: 'Array.filter floor p50', baseMs: pct(floor.filterMs, 0.5) },
    { figure: `search per keystroke p95, keystroke to rows committed, ${n}`, ms: pct(typed.rendered, 0.95), baseline: 'Array.filter floor p95', baseMs: pct(floor.filterMs, 0.95) },
    { figure: `search per keystroke p50, keystroke to rows painted, ${n}`, ms: pct(typed.painted, 0.5), baseline: 'Array.filter + plain list, painted, p50', baseMs: pct(floor.paintedMs, 0.5) },
    { figure: `search per keystroke p95, keystroke to rows painted, ${n}`, ms: pct(typed.painted, 0.95), baseline: 'Array.filter + plain list, painted, p95', baseMs: pct(floor.paintedMs, 0.95) },
    { figure: `scroll whole list (≥ 1 screen per frame): frames dropped (missed vsyncs), ${n}`, ms: fling.dropped, baseline: 'frames', baseMs: fling.frames, unit: 'count' },
    { figure: `  scroll whole list frame time p95, ${n}`, ms: fling.p95, baseline: '60 Hz frame', baseMs: 1000 / 60 },
    { figure: `scroll 100 px per frame: frames dropped (missed vsyncs), ${n}`, ms: wheel.dropped, baseline: 'frames', baseMs: wheel.frames, unit: 'count' },
    { figure: `  scroll 100 px per frame, frame time p95, ${n}`, ms: wheel.p95, baseline: '60 Hz frame', baseMs: 1000 / 60 },
    { figure: `renderer JS heap with the list open (after GC), ${n}`, ms: heapList, baseline: 'heap on Today page', baseMs: heapToday, unit: 'MB' },
  ];
}
