// Customer-list figures: first rows, search latency per keystroke against a plain Array.filter
// floor, frames while scrolling the whole list, and the heap with the list open.
import type { Page } from 'playwright-core';

export type Figure = { figure: string; ms: number; baseline: string; baseMs: number; unit?: 'ms' | 'MB' | 'count' };

/** Keystrokes typed into the global search: three words letter by letter, cleared in between. */
const WORDS = ['mueller', 'berlin', 'schmidt gmbh'];
export const KEYSTROKES = WORDS.flatMap((w) => [...[...w].map((_, i) => w.slice(0, i + 1)), '']);

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? NaN;
}

/** Opens the app on Today, then the Customers page; returns ms from the click to painted rows and to the full index. */
async function openCustomers(page: Page, port: number): Promise<{ firstRows: number; indexReady: number }> {
  await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
  await page.locator('a[href="#/customers"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1500);
  return page.evaluate(async () => {
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    document.querySelector<HTMLAnchorElement>('a[href="#/customers"]')?.click();
    while (!document.querySelector('table tbody tr')) await frame();
    await frame();
    const firstRows = performance.now() - t0;
    const status = () => document.querySelector('.customers [role=status]')?.textContent ?? '';
    const deadline = performance.now() + 300_000;
    while (!/^[\d.]+ Kunden?$/.test(status())) {
      if (performance.now() > deadline) throw new Error(`index not ready: "${status()}"`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { firstRows, indexReady: performance.now() - t0 };
  });
}

/** Per keystroke: ms until React has rendered the new rows (JS), and until the next frame (painted). */
async function typeAndMeasure(page: Page): Promise<{ js: number[]; painted: number[] }> {
  return page.evaluate(async (queries) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (!input || !setter) throw new Error('no search field');
    const js: number[] = [];
    const painted: number[] = [];
    for (const q of queries) {
      await new Promise((r) => setTimeout(r, 40));
      const t0 = performance.now();
      setter.call(input, q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The store update renders synchronously (useSyncExternalStore); a microtask later it is committed.
      await Promise.resolve();
      js.push(performance.now() - t0);
      // Until the next frame is painted: the user sees the new rows.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      painted.push(performance.now() - t0);
    }
    return { js, painted };
  }, KEYSTROKES);
}

async function scrollWholeList(page: Page): Promise<{ frames: number; dropped: number; p95: number }> {
  return page.evaluate(async () => {
    const el = document.querySelector<HTMLElement>('.table-scroll');
    if (!el) throw new Error('no list');
    const total = el.scrollHeight - el.clientHeight;
    const step = Math.max(el.clientHeight, total / 600);
    const deltas: number[] = [];
    el.scrollTop = 0;
    let last = performance.now();
    for (let guard = 0; el.scrollTop < total - 1 && guard < 2000; guard++) {
      el.scrollTop = Math.min(total, el.scrollTop + step);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      deltas.push(now - last);
      last = now;
    }
    const sorted = [...deltas].sort((a, b) => a - b);
    const frame = sorted[Math.floor(sorted.length / 2)] ?? 16.7;
    return { frames: deltas.length, dropped: deltas.filter((d) => d > frame * 1.5).length, p95: sorted[Math.floor((sorted.length - 1) * 0.95)] ?? NaN };
  });
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** Figures of one size; `first700` is the 700-account first-rows time of this run when measured. */
export async function customerFigures(page: Page, port: number, n: number, floorMs: number[], first700?: number): Promise<Figure[]> {
  // tsx (esbuild keepNames) wraps named functions inside page.evaluate with `__name`, unknown to the page.
  await page.context().addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const opens: Array<{ firstRows: number; indexReady: number }> = [];
  const log = (what: string) => console.error(`[bench ${n}] ${what}`);
  for (let i = 0; i < 3; i++) opens.push(await openCustomers(page, port));
  log(`opened: ${JSON.stringify(opens)}`);
  const firstRows = pct(opens.map((o) => o.firstRows), 0.5);
  const indexReady = pct(opens.map((o) => o.indexReady), 0.5);
  const heapToday = await (async () => {
    await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
    await page.locator('a[href="#/customers"]').waitFor();
    return heapMb(page);
  })();
  await openCustomers(page, port);
  await page.locator('#cf-owner').selectOption('all');
  const heapList = await heapMb(page);
  log(`heap ${heapToday.toFixed(0)} → ${heapList.toFixed(0)} MB`);
  const search = await typeAndMeasure(page);
  log(`search js ${search.js.map((x) => x.toFixed(0)).join(' ')}; painted ${search.painted.map((x) => x.toFixed(0)).join(' ')}; floor ${floorMs.map((x) => x.toFixed(1)).join(' ')}`);
  const scroll = await scrollWholeList(page);
  log(`scroll ${JSON.stringify(scroll)}`);
  return [
    { figure: `Customers page: click to first painted rows, ${n} accounts`, ms: firstRows, baseline: first700 === undefined ? 'itself (no 700 run in this run)' : 'same at 700 accounts', baseMs: first700 ?? firstRows },
    { figure: `  full in-memory index ready (background), ${n}`, ms: indexReady, baseline: 'first painted rows', baseMs: firstRows },
    { figure: `search per keystroke p50, rows rendered (${KEYSTROKES.length} keys, all owners), ${n}`, ms: pct(search.js, 0.5), baseline: 'Array.filter floor p50', baseMs: pct(floorMs, 0.5) },
    { figure: `search per keystroke p95, rows rendered, ${n}`, ms: pct(search.js, 0.95), baseline: 'Array.filter floor p95', baseMs: pct(floorMs, 0.95) },
    { figure: `search per keystroke p50, until next frame painted, ${n}`, ms: pct(search.painted, 0.5), baseline: 'Array.filter floor p50', baseMs: pct(floorMs, 0.5) },
    { figure: `search per keystroke p95, until next frame painted, ${n}`, ms: pct(search.painted, 0.95), baseline: 'Array.filter floor p95', baseMs: pct(floorMs, 0.95) },
    { figure: `scroll whole list: dropped frames of ${scroll.frames}, ${n}`, ms: scroll.dropped, baseline: 'frames', baseMs: scroll.frames, unit: 'count' },
    { figure: `  scroll frame time p95, ${n}`, ms: scroll.p95, baseline: '60 Hz frame', baseMs: 16.7 },
    { figure: `renderer JS heap with the list open (after GC), ${n}`, ms: heapList, baseline: 'heap on Today page', baseMs: heapToday, unit: 'MB' },
  ];
}
