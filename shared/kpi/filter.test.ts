import { describe, expect, it } from 'vitest';
import type { ReportFilter } from './common';
import { customerKpis, revenueKpis } from './customers';
import { filterRows } from './filter';
import { callsPerLead, leadKpis } from './leads';
import { buildSalesIndex } from './lifecycle';
import { npsKpis, rorFromRows } from './loyalty';
import { meetingStats } from './meetings';
import { dealTouches, pipelineKpis } from './pipeline';
import { referralKpis } from './referrals';
import { computeReport } from './report';
import { sourceKpis } from './sources';
import { FIXTURE, Q1, TODAY } from './test-fixtures';

describe('filterRows', () => {
  it('matches accounts and sales by owner, deals by owner, interactions by who had them', () => {
    const r2 = filterRows(FIXTURE, { ...Q1, repId: 'r2' });
    expect(r2.accounts.map((a) => a.id)).toEqual(['A3', 'A4', 'A6', 'A9']);
    expect(new Set(r2.sales.map((s) => s.accountId))).toEqual(new Set(['A3', 'A4', 'A9']));
    expect(r2.deals.map((d) => d.id)).toEqual(['D3', 'D5', 'D6', 'D7']); // D10 is trashed
    // I21 is r2's call on r1's account A2: it belongs to r2.
    expect(r2.interactions.map((i) => i.id)).toContain('I21');
    expect(r2.interactions.every((i) => i.userId === 'r2')).toBe(true);
  });
  it('drops trashed accounts and everything on them', () => {
    const all = filterRows(FIXTURE, { ...Q1 });
    expect(all.accounts.some((a) => a.id === 'A11')).toBe(false);
    expect(all.sales.some((s) => s.accountId === 'A11')).toBe(false);
    expect(all.interactions.some((i) => i.accountId === 'A11')).toBe(false);
  });
  it('combines segment and country', () => {
    const none = filterRows(FIXTURE, { ...Q1, segment: 'A-maintain', country: 'DE' });
    expect(none.accounts).toEqual([]);
    const a3 = filterRows(FIXTURE, { ...Q1, segment: 'A-maintain', country: 'AT' });
    expect(a3.accounts.map((a) => a.id)).toEqual(['A3']);
  });
});

describe('the single KPI functions agree with computeReport', () => {
  // Berlin too: every single function must read the zone from the filter as computeReport does.
  const filters: ReportFilter[] = [{ ...Q1 }, { ...Q1, repId: 'r1' }, { ...Q1, country: 'AT' }, { ...Q1, segment: 'B-maintain' }, { ...Q1, tz: 'Europe/Berlin' }];
  for (const filter of filters) {
    it(JSON.stringify(filter), () => {
      const report = computeReport(FIXTURE, filter, TODAY);
      const rows = filterRows(FIXTURE, filter);
      const idx = buildSalesIndex(rows.sales, filter.to);
      expect(leadKpis(rows.accounts, idx, filter)).toEqual(report.leads);
      expect(callsPerLead(rows.interactions, rows.scope.accounts, idx, filter)).toEqual(report.callsPerLead);
      expect(customerKpis(rows.accounts, idx, filter)).toEqual(report.customers);
      expect(revenueKpis(rows.sales, idx, filter)).toEqual(report.revenue);
      expect(sourceKpis(rows.accounts, rows.leadSources, idx, filter)).toEqual(report.sources);
      expect(meetingStats(rows.interactions, filter, TODAY)).toEqual(report.meetings);
      expect(npsKpis(rows.interactions, filter)).toEqual(report.nps);
      // "Helped" counts every interaction on the rep's customers, also a colleague's.
      expect(rorFromRows(rows.accounts, FIXTURE.interactions, idx, filter.to, filter.tz)).toEqual(report.ror);
      expect(referralKpis(rows.accounts, idx, filter)).toEqual(report.referrals);
      // Deal touches come from every interaction (a colleague's follow-up counts), not only the rep's.
      expect(pipelineKpis(rows.deals, dealTouches(FIXTURE.interactions), filter, TODAY)).toEqual(report.pipeline);
    });
  }
});
