import { describe, expect, it } from 'vitest';
import { benchReports } from './bench';
import { makeReportData } from './bench-data';

// Smoke test only: timings are asserted nowhere (see tests/bench for the real runs).
describe('benchReports', () => {
  it('runs on generated data and reports row counts', () => {
    const data = makeReportData(200);
    expect(data.interactions).toHaveLength(2000);
    expect(data.sales).toHaveLength(600);
    const r = benchReports(data, { runs: 1 });
    expect(r.rows).toEqual({ accounts: 200, interactions: 2000, deals: 200, sales: 600 });
    expect(r.reportMs).toBeGreaterThanOrEqual(0);
  });
  it('generates the same data for the same seed', () => {
    expect(makeReportData(20, 7)).toEqual(makeReportData(20, 7));
  });
});
