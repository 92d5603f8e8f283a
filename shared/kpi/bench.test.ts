import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo';
import { benchReports } from './bench';
import { asIsoDate } from '../time';

// Smoke test only: timings are asserted nowhere (see tests/bench for the real runs).
describe('benchReports', () => {
  it('runs on the demo generator and reports row counts', () => {
    const data = generateDemoData({ seed: 7, accounts: 200, today: asIsoDate('2026-11-23'), selfName: 'Bench' });
    const r = benchReports(data, { runs: 1 });
    expect(r.rows).toEqual({ accounts: 200, interactions: data.interactions.length, deals: data.deals.length, sales: data.sales.length });
    expect(r.rows.interactions).toBeGreaterThan(1000);
    expect(r.reportMs).toBeGreaterThanOrEqual(0);
  });
});
