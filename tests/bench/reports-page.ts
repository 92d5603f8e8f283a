// Reports page figures in Chromium: from a click (open Reports, change the period) to every KPI
// rendered, with the computation in the app's worker; floors measured on the bench page in the
// same run. The Node-only figures of computeReport stay in reports.ts.
import type { Page, Worker } from 'playwright-core';
import { todayIso } from '../../shared/time/today';
import { presetPeriod, type PeriodPreset } from '../../renderer/features/reports/periods';
import { rounds } from './rounds';
import { longestTaskCpu } from './trace-tasks';

export type ReportPageFigure = { figure: string; ms: number; baseline: string; baseMs: number; unit?: 'ms' | 'count' };

/**
 * Installed in the reports worker: counts every IndexedDB request it makes from then on (opening a
 * database, and every get, getAll, cursor and count on a store or an index), whoever makes it (Dexie).
 */
const COUNT_IDB_REQUESTS = `(() => {
  if (globalThis.__idbRequests !== undefined) return;
  globalThis.__idbRequests = 0;
  const count = (proto, names) => {
    for (const name of names) {
      const real = proto[name];
      if (typeof real !== 'function') continue;
      proto[name] = function (...args) { globalThis.__idbRequests += 1; return real.apply(this, args); };
    }
  };
  const reads = ['get', 'getAll', 'getAllKeys', 'getKey', 'openCursor', 'openKeyCursor', 'count'];
  count(IDBFactory.prototype, ['open']);
  count(IDBObjectStore.prototype, reads);
  count(IDBIndex.prototype, reads);
})()`;

function reportWorker(page: Page): Worker {
  const worker = page.workers().find((w) => w.url().includes('report.worker'));
  if (!worker) throw new Error('Reports bench: the page has no reports worker');
  return worker;
}

const idbRequests = (worker: Worker): Promise<number> => worker.evaluate('globalThis.__idbRequests') as Promise<number>;

/** The worker's own milliseconds for the report on screen, from the status line ("… berechnet (1.234 ms)."). */
async function workerMs(page: Page): Promise<number> {
  const text = (await page.locator('.report-status [role=status]').textContent()) ?? '';
  const m = /\(([\d.]+) ms\)/.exec(text);
  return m ? Number(m[1]!.replaceAll('.', '')) : NaN;
}

/** Preset buttons clicked in turn (German labels), each with the period it stands for today. */
function presets(): Array<[label: string, period: string]> {
  const labels: Array<[PeriodPreset, string]> = [['lastQuarter', 'Letztes Quartal'], ['thisMonth', 'Dieser Monat'], ['last12Months', 'Letzte 12 Monate'], ['thisYear', 'Dieses Jahr']];
  return labels.map(([preset, label]) => {
    const p = presetPeriod(preset, todayIso());
    return [label, `${p.from}..${p.to}`];
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1] ?? NaN;
}

/**
 * In the page: clicks `selector`, then waits until the sections show `period` (or any, when
 * undefined), are no longer stale and every chart in view is drawn. Returns [ms to rendered, longest frame gap meanwhile].
 */
async function clickAndWait(page: Page, selector: string, period: string | undefined): Promise<number[]> {
  // tsx keeps function names through an `__name` helper that the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    async ([sel, want]) => {
      const gaps: number[] = [];
      let last = performance.now();
      let watching = true;
      const watch = () => {
        const now = performance.now();
        gaps.push(now - last);
        last = now;
        if (watching) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      const t0 = performance.now();
      const target = [...document.querySelectorAll<HTMLElement>(sel)].find((el) => want === undefined || el.textContent === want.split('|')[0]);
      if (!target) throw new Error(`nothing to click: ${sel}`);
      target.click();
      const period = want?.split('|')[1];
      const deadline = t0 + 600_000;
      for (;;) {
        const sections = document.querySelector<HTMLElement>('.report-sections');
        // Charts are drawn in the frames after the cards, once in view (chart-queue): done once no chart in
        // view waits; those below the window wait for a scroll (data-deferred), as the reader sees them.
        const done = sections && !sections.classList.contains('is-stale') && sections.getAttribute('aria-busy') === 'false' && document.querySelector('[data-kpi]') && !document.querySelector('.chart-box[data-pending]');
        if (done && (period === undefined || sections.dataset.period === period)) break;
        if (performance.now() > deadline) throw new Error('reports not rendered');
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const ms = performance.now() - t0;
      watching = false;
      return [ms, Math.max(...gaps)];
    },
    [selector, period] as const,
  );
}

async function openToday(page: Page, port: number): Promise<void> {
  await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
  // The app opens on its first-run screen (no navigation) when the database has no team member: say so
  // instead of waiting for a link that never comes.
  await page.locator('a[href="#/reports"], main.first-run').first().waitFor({ timeout: 120_000 });
  if (await page.locator('main.first-run').count()) throw new Error('Reports bench: the app shows its first-run screen; the database holds no demo data (did a group before replace it?)');
  await page.waitForTimeout(1500);
}

/**
 * One more round under a light Chrome trace (so the wall-clock rounds stay untraced): the page thread's
 * longest task in CPU time while opening and while recomputing, which a loaded machine does not inflate
 * as it does frame gaps; the IndexedDB requests the worker makes for the period changes (it keeps the
 * rows it read, so none) against those of "Daten neu laden" (a re-read, which shows the count works);
 * and the worker's own milliseconds per period change.
 */
async function tracedRound(page: Page, port: number): Promise<{ openCpu: number; changeCpu: number; requests: number; reloadRequests: number; worker: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  await openToday(page, port);
  const openCpu = await longestTaskCpu(cdp, async () => void (await clickAndWait(page, 'a[href="#/reports"]', undefined)));
  const worker = reportWorker(page);
  await worker.evaluate(COUNT_IDB_REQUESTS);
  let changeCpu = 0;
  const ms: number[] = [];
  let last = '';
  for (const [label, period] of presets()) {
    changeCpu = Math.max(changeCpu, await longestTaskCpu(cdp, async () => void (await clickAndWait(page, '.preset-buttons button', `${label}|${period}`))));
    ms.push(await workerMs(page));
    last = period;
  }
  const requests = await idbRequests(worker);
  await clickAndWait(page, '.report-actions button', `Daten neu laden|${last}`);
  // The click's first frames may still show the old, finished report: wait for the re-read and its result.
  const t0 = Date.now();
  while ((await idbRequests(worker)) === requests && Date.now() - t0 < 120_000) await page.waitForTimeout(50);
  await page.waitForFunction(() => {
    const s = document.querySelector('.report-sections');
    return s && !s.classList.contains('is-stale') && s.getAttribute('aria-busy') === 'false';
  }, undefined, { timeout: 120_000, polling: 20 });
  const reloadRequests = (await idbRequests(worker)) - requests;
  await cdp.detach();
  return { openCpu, changeCpu, requests, reloadRequests, worker: ms };
}

/** Runs with the app's database holding `n` demo accounts; `floor` is [raw read ms, one pass ms] from the bench page. */
export async function reportPageFigures(page: Page, port: number, n: number, floor: number[]): Promise<ReportPageFigure[]> {
  const [readMs = NaN, passMs = NaN] = floor;
  const open: number[] = [];
  const openGap: number[] = [];
  const change: number[] = [];
  const changeGap: number[] = [];
  for (let r = 0; r < rounds(n <= 20_000 ? 3 : 1); r += 1) {
    await openToday(page, port);
    const [ms = NaN, gap = NaN] = await clickAndWait(page, 'a[href="#/reports"]', undefined);
    open.push(ms);
    openGap.push(gap);
    for (const [label, period] of presets()) {
      const [cms = NaN, cgap = NaN] = await clickAndWait(page, '.preset-buttons button', `${label}|${period}`);
      change.push(cms);
      changeGap.push(cgap);
    }
  }
  const traced = await tracedRound(page, port);
  const label = `${n} accounts (Chromium, worker)`;
  const changes = presets().length;
  return [
    { figure: `open Reports → all KPIs rendered (read + compute), ${label}`, ms: median(open), baseline: 'raw getAll of the 5 tables + one in-memory pass', baseMs: readMs + passMs },
    { figure: `  change the period → all KPIs rendered, p50, ${label}`, ms: median(change), baseline: 'one in-memory pass over the same rows (floor)', baseMs: passMs },
    { figure: `    of which the worker's computation from the rows it kept, p50`, ms: median(traced.worker), baseline: 'one in-memory pass over the same rows (floor)', baseMs: passMs },
    { figure: `    IndexedDB requests of the worker per period change (rows kept, no re-read)`, ms: traced.requests / changes, baseline: 'requests of one "Daten neu laden" (a re-read)', baseMs: traced.reloadRequests, unit: 'count' },
    { figure: `  longest frame on the page while opening, ${label}`, ms: median(openGap), baseline: 'one frame at 60 Hz', baseMs: 1000 / 60 },
    { figure: `  longest frame on the page while recomputing, worst, ${label}`, ms: Math.max(...changeGap), baseline: 'one frame at 60 Hz', baseMs: 1000 / 60 },
    { figure: `  longest page-thread task while opening, CPU time (traced round), ${label}`, ms: traced.openCpu, baseline: 'the 50 ms frame limit', baseMs: 50 },
    { figure: `  longest page-thread task while recomputing, CPU time, worst of ${changes} (traced round), ${label}`, ms: traced.changeCpu, baseline: 'the 50 ms frame limit', baseMs: 50 },
  ];
}
