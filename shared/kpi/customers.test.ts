import { describe, expect, it } from 'vitest';
import { computeReport } from './report';
import { FIXTURE, Q1, TODAY } from './test-fixtures';

// Every number below is worked out by hand from shared/kpi/test-fixtures.ts (Q1 2026, today
// 2026-04-15). A11 is trashed: its 9 999 € sale and its visit must never show up.
const report = computeReport(FIXTURE, { ...Q1 }, TODAY);

describe('leads and conversion', () => {
  it('counts new leads by lead day, both period ends included', () => {
    // Lead days: A4 2026-01-05, A5 2026-01-01 (= from), A6 2026-03-31 (= to) are in Q1;
    // A2 (2025-09-15), A9 (2025-12-01) before, A7 (2026-04-01) after; A1, A3, A8, A10 never were leads.
    expect(report.leads.newLeads).toBe(3);
    // Current lifecycle lead/prospect: A5, A6, A7 (archived accounts still count).
    expect(report.leads.openLeads).toBe(3);
  });
  it('conversion = new leads that became customers ÷ new leads', () => {
    // Of A4, A5, A6 only A4 became a customer (2026-02-20).
    expect(report.leads.conversion).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
  });
  it('calls per lead counts done calls/visits/meetings while the account was a lead', () => {
    // I1 (A4 call 01-10) and I2 (A4 visit 02-01) fall in A4's lead window [01-05, 02-20);
    // I3 (A4 call 02-20) is on its customer day → not a lead call; I4 (A5 call) counts;
    // I5 is an e-mail; I6 (A7) is before A7's lead day; I7 is only planned.
    // 3 calls with 2 distinct leads → 1.5.
    expect(report.callsPerLead.perLead).toEqual({ value: 1.5, numerator: 3, denominator: 2 });
  });
});

describe('customers', () => {
  const c = report.customers;
  it('repeat (≥ 2) and loyal (≥ 5) among buyers up to the period end', () => {
    // Buyers: A1 (3 purchases), A2 (3), A3 (5), A4 (1), A8 (1), A9 (1), A10 (2) = 7.
    expect(c.buyers).toBe(7);
    // ≥ 2: A1, A2, A3, A10 = 4; ≥ 5: A3 = 1.
    expect(c.repeat).toEqual({ value: 4 / 7, numerator: 4, denominator: 7 });
    expect(c.loyal).toEqual({ value: 1 / 7, numerator: 1, denominator: 7 });
  });
  it('churn = customers lost in the period ÷ customers at its start', () => {
    // Customers at the end of 2025-12-31: A1, A2, A3 (lost later), A9 (customer since 12-31), A10 (lost 03-31) = 5.
    // A8 was lost on 2025-12-31 itself → not a customer at the start. A4 became one in Q1.
    expect(c.customersAtStart).toBe(5);
    // Lost in Q1: A3 (02-01) and A10 (03-31 = to, included) → 2 of 5.
    expect(c.churn).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    // Retention = 1 − churn = (5 − 2) ÷ 5.
    expect(c.retention).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
    // New: A4; end: A1, A2, A4, A9 → 5 − 2 + 1 = 4.
    expect(c.newCustomers).toBe(1);
    expect(c.customersAtEnd).toBe(4);
  });
  it('CLV = revenue of all buyers up to the period end ÷ buyers', () => {
    // 6 000 (A1) + 2 700 (A2) + 20 000 (A3) + 800 (A4) + 1 000 (A8) + 1 200 (A9) + 600 (A10) = 32 300; ÷ 7.
    expect(c.clv.numerator).toBe(32_300);
    expect(c.clv.value).toBeCloseTo(4614.2857, 3);
  });
});

describe('revenue and new revenue', () => {
  it('sums sales in the period and the part within 6 months of the first purchase', () => {
    // Q1 sales: A1 3 000 (first purchase 2024 → not new), A2 1 500 + 700 on 03-31 (first 2025-11-25,
    // new until 2026-05-25 → new), A4 800 (first purchase itself → new), A9 1 200 (first → new).
    expect(report.revenue.revenue).toBe(7200);
    expect(report.revenue.salesCount).toBe(5);
    expect(report.revenue.newRevenue).toBe(4200);
    expect(report.revenue.newRevenueShare).toBeCloseTo(4200 / 7200, 10);
  });
});

describe('lead sources', () => {
  const s = report.sources;
  it('shows campaigns overlapping the period, cumulative to its end', () => {
    // s3 ended 2025-06-30 → not shown. Sorted by revenue: s2 (A1 6 000) before s1 (A2 2 700 + A4 800).
    expect(s.rows.map((r) => r.sourceId)).toEqual(['s2', 's1']);
    const [web, fair] = s.rows;
    // s1: A2 and A4 had arrived by 03-31 (A7 arrives 04-01) and both are customers; 3 000 € ÷ 2.
    expect(fair).toMatchObject({ leads: 2, customers: 2, revenue: 3500, cost: 3000 });
    expect(fair?.cac).toEqual({ value: 1500, numerator: 3000, denominator: 2 });
    expect(fair?.costPerLead.value).toBe(1500);
    // s2: A1 (customer) and A5 (lead) → 1 000 € ÷ 1 customer.
    expect(web).toMatchObject({ leads: 2, customers: 1, revenue: 6000 });
    expect(web?.cac.value).toBe(1000);
    expect(web?.costPerLead.value).toBe(500);
  });
  it('ranks by customers, revenue and cost per customer', () => {
    const bySource = new Map(s.rows.map((r) => [r.sourceId, r.rank]));
    expect(bySource.get('s1')).toEqual({ customers: 1, revenue: 2, cac: 2 });
    expect(bySource.get('s2')).toEqual({ customers: 2, revenue: 1, cac: 1 });
    expect(s.chart.labels).toEqual(['Website', 'SHK-Messe Essen']);
    expect(s.chart.cac).toEqual([1000, 1500]);
  });
  it('keeps accounts without a source apart and flags shared costs under filters', () => {
    // No source: A3 (20 000), A6 (lead), A9 (1 200), A10 (600). A8 belongs to the hidden s3.
    expect(s.withoutSource).toEqual({ leads: 4, customers: 3, revenue: 21_800 });
    expect(s.costShared).toBe(false);
    expect(computeReport(FIXTURE, { ...Q1, country: 'AT' }, TODAY).sources.costShared).toBe(true);
  });
});

describe('referrals and return on relationship', () => {
  it('counts referred accounts arriving in the period', () => {
    // A4 (by A9, 01-05, customer), A5 (by A1, 01-01), A6 (by A1, 03-31); A9 (by A3) arrived 2025-12-01.
    expect(report.referrals.referrals).toBe(3);
    expect(report.referrals.converted).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(report.referrals.topReferrers).toEqual([
      { accountId: 'A1', referrals: 2 },
      { accountId: 'A9', referrals: 1 },
    ]);
  });
  it('ROR = helped buyers that are repeat or referral customers ÷ helped buyers', () => {
    // Help window (2025-03-31, 2026-03-31]. Helped buyers: A1 (I8), A2 (I9), A3 (I17), A4 (I1…),
    // A8 (I19 on 2025-04-01), A9 (I16) = 6. A10: I20 on 2025-03-31 is outside, I15 was cancelled.
    expect(report.ror.buyers).toBe(7);
    expect(report.ror.helped).toEqual({ value: 6 / 7, numerator: 6, denominator: 7 });
    // Repeat or referral among them: A1, A2, A3 (repeat), A4, A9 (referred) = 5; A8 is neither.
    expect(report.ror.ror).toEqual({ value: 5 / 6, numerator: 5, denominator: 6 });
  });
  it('NPS = % promoters − % detractors over valid answers in the period', () => {
    // I8 9 and I9 10 (promoters), I16 7 (passive), I2 6 (detractor); I17 is 2025, I18 = 11 is invalid.
    expect(report.nps).toEqual({ nps: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 });
  });
});
