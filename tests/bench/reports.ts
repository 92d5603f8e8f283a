// Reports in the benchmark table. computeReport is pure TypeScript (shared/kpi), so it runs here in
// Node via tsx on the committed demo generator's rows (not in the bench page); the labels say so.
import { generateDemoData } from '../../shared/demo';
import { benchReports } from '../../shared/kpi/bench';
import { asIsoDate } from '../../shared/time';

export type ReportRow = { figure: string; ms: number; baseline: string; baseMs: number };

const TODAY = asIsoDate('2026-11-23');

/**
 * Every KPI of the reports page (one computeReport) against the floor — one plain pass over the
 * same rows — per size, and the growth from the smallest to the largest size against linear.
 */
export function reportRows(sizes: readonly number[]): ReportRow[] {
  const rows: ReportRow[] = [];
  const floor = 'one in-memory pass over the same rows (floor)';
  let first: { n: number; rowsTotal: number; ms: number } | undefined;
  for (const n of sizes) {
    const data = generateDemoData({ seed: 7, accounts: n, today: TODAY, selfName: 'Bench' });
    const b = benchReports(data, { today: TODAY, runs: n >= 50_000 ? 3 : 7 });
    const r = b.rows;
    const label = `${r.accounts} accounts / ${r.interactions} interactions / ${r.sales} sales / ${r.deals} deals`;
    rows.push({ figure: `all reports (computeReport), ${label} (Node/tsx)`, ms: b.reportMs, baseline: floor, baseMs: b.floorMs });
    rows.push({ figure: `  same with rep + country filter (Node/tsx)`, ms: b.filteredMs, baseline: floor, baseMs: b.floorMs });
    const rowsTotal = r.accounts + r.interactions + r.sales + r.deals;
    if (first === undefined) first = { n, rowsTotal, ms: b.reportMs };
    else {
      const linear = first.ms * (rowsTotal / first.rowsTotal);
      rows.push({ figure: `  growth ${first.n} → ${n} accounts (Node/tsx)`, ms: b.reportMs, baseline: `${first.n}-account time × row ratio (linear)`, baseMs: linear });
    }
  }
  return rows;
}
