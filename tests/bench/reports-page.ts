// Reports page figures in Chromium: from a click (open Reports, change the period) to every KPI
// rendered, with the computation in the app's worker; floors measured on the bench page in the
// same run. The Node-only figures of computeReport stay in reports.ts.
import type { Page } from 'playwright-core';
import { todayIso } from '../../shared/time/today';
import { presetPeriod, type PeriodPreset } from '../../renderer/features/reports/periods';
import { rounds } from './rounds';

export type ReportPageFigure = { figure: string; ms: number; baseline: string; baseMs: number };

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
 * undefined), are no longer stale and every chart is drawn. Returns [ms to rendered, longest frame gap meanwhile].
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
        // Charts are drawn in the frames after the cards (ChartCanvas): done once none waits.
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

/** Runs with the app's database holding `n` demo accounts; `floor` is [raw read ms, one pass ms] from the bench page. */
export async function reportPageFigures(page: Page, port: number, n: number, floor: number[]): Promise<ReportPageFigure[]> {
  const [readMs = NaN, passMs = NaN] = floor;
  const open: number[] = [];
  const openGap: number[] = [];
  const change: number[] = [];
  const changeGap: number[] = [];
  for (let r = 0; r < rounds(n <= 20_000 ? 3 : 1); r += 1) {
    await page.goto(`http://127.0.0.1:${port}/renderer/index.html#/today`);
    // The app opens on its first-run screen (no navigation) when the database has no team member: say so
    // instead of waiting for a link that never comes.
    await page.locator('a[href="#/reports"], main.first-run').first().waitFor({ timeout: 120_000 });
    if (await page.locator('main.first-run').count()) throw new Error('Reports bench: the app shows its first-run screen; the database holds no demo data (did a group before replace it?)');
    await page.waitForTimeout(1500);
    const [ms = NaN, gap = NaN] = await clickAndWait(page, 'a[href="#/reports"]', undefined);
    open.push(ms);
    openGap.push(gap);
    for (const [label, period] of presets()) {
      const [cms = NaN, cgap = NaN] = await clickAndWait(page, '.preset-buttons button', `${label}|${period}`);
      change.push(cms);
      changeGap.push(cgap);
    }
  }
  const label = `${n} accounts (Chromium, worker)`;
  return [
    { figure: `open Reports → all KPIs rendered (read + compute), ${label}`, ms: median(open), baseline: 'raw getAll of the 5 tables + one in-memory pass', baseMs: readMs + passMs },
    { figure: `  change the period → all KPIs rendered, p50, ${label}`, ms: median(change), baseline: 'one in-memory pass over the same rows (floor)', baseMs: passMs },
    { figure: `  longest frame on the page while opening, ${label}`, ms: median(openGap), baseline: 'one frame at 60 Hz', baseMs: 1000 / 60 },
    { figure: `  longest frame on the page while recomputing, worst, ${label}`, ms: Math.max(...changeGap), baseline: 'one frame at 60 Hz', baseMs: 1000 / 60 },
  ];
}
