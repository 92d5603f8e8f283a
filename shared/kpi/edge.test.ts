import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../domain/deal';
import type { ReportFilter } from './common';
import { DEAL_STAGES } from '../domain/deal';
import { ratio } from './common';
import { customerKpis } from './customers';
import { callsPerLead, leadKpis } from './leads';
import { buildSalesIndex } from './lifecycle';
import { helpedAccumulator, npsKpis } from './loyalty';
import { pipelineKpis } from './pipeline';
import { referralKpis } from './referrals';
import { computeReport } from './report';
import { sourceKpis } from './sources';
import { account, EMPTY, FIXTURE, interaction, Q1, sale, TODAY } from './test-fixtures';
import { asIsoDate, dayNumberOfYmd, fromDayNumber } from '../time';

/** Every number anywhere in the result is finite (null is allowed, NaN/Infinity never). */
function assertNoNaN(value: unknown, path = 'report'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
}

const always = (): boolean => true;

describe('division by zero and empty data', () => {
  it('an empty database gives zero counts and null rates, never NaN', () => {
    const r = computeReport(EMPTY, { ...Q1 }, TODAY, { isWithinRhythm: always });
    assertNoNaN(r);
    expect(r.leads.conversion).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(r.callsPerLead.perLead.value).toBeNull();
    expect(r.customers.churn.value).toBeNull();
    expect(r.customers.retention.value).toBeNull();
    expect(r.customers.clv.value).toBeNull();
    expect(r.revenue).toEqual({ revenue: 0, newRevenue: 0, newRevenueShare: null, salesCount: 0 });
    expect(r.nps.nps).toBeNull();
    expect(r.ror.ror.value).toBeNull();
    expect(r.pipeline.salesCycle).toEqual({ average: { value: null, numerator: 0, denominator: 0 }, medianDays: null });
    expect(r.pipeline.openDeals).toEqual({ count: 0, value: 0, weightedValue: 0 });
    expect(r.meetings.team.successful.value).toBeNull();
    expect(r.coverage?.total.value).toBeNull();
    expect(r.sources.rows).toEqual([]);
    expect(r.trends.revenue.values).toEqual([0, 0, 0]);
  });
  it('a period before any data: no customers at the start, so churn is null, not 0', () => {
    const r = computeReport(FIXTURE, { from: asIsoDate('2020-01-01'), to: asIsoDate('2020-03-31'), tz: 'UTC' }, TODAY, { isWithinRhythm: always });
    assertNoNaN(r);
    expect(r.customers.customersAtStart).toBe(0);
    expect(r.customers.churn.value).toBeNull();
    expect(r.leads.newLeads).toBe(0);
    expect(r.pipeline.lostWithoutFollowUp.value).toBeNull();
  });
  it('a quiet later period: customers exist but nobody is lost → churn 0, retention 1', () => {
    const r = computeReport(FIXTURE, { from: asIsoDate('2030-01-01'), to: asIsoDate('2030-01-31'), tz: 'UTC' }, asIsoDate('2030-02-01'));
    assertNoNaN(r);
    // Customers on 2029-12-31: A1, A2, A4, A9.
    expect(r.customers.churn).toEqual({ value: 0, numerator: 0, denominator: 4 });
    expect(r.customers.retention.value).toBe(1);
    expect(r.trends.revenue.labels).toEqual(['2030-01']);
  });
  it('ratio() maps a zero denominator to null', () => {
    expect(ratio(0, 0).value).toBeNull();
    expect(ratio(5, 0).value).toBeNull();
    expect(ratio(1, 4).value).toBe(0.25);
  });
});

describe('lifecycle fallbacks for imported data', () => {
  it('a lead without dates counts from its creation day; a customer without dates from its first purchase', () => {
    const lead = account('L', { lifecycle: 'lead', createdAt: Date.UTC(2026, 1, 3, 12) });
    const cust = account('C', { lifecycle: 'customer' });
    const idx = buildSalesIndex([sale('C', asIsoDate('2025-06-01'), 100), sale('C', asIsoDate('2026-02-01'), 100)], Q1.to);
    expect(leadKpis([lead, cust], idx, Q1).newLeads).toBe(1);
    // C's customer day = first purchase 2025-06-01 → customer at the start of Q1.
    expect(customerKpis([lead, cust], idx, Q1).customersAtStart).toBe(1);
  });
  it('creation days are local days: an account created at 00:30 on 1 January in Berlin is a Q1 account', () => {
    // 2025-12-31 23:30 UTC = 2026-01-01 00:30 in Berlin.
    const at = Date.UTC(2025, 11, 31, 23, 30);
    const lead = account('L', { lifecycle: 'lead', createdAt: at, referredByAccountId: 'A1' });
    const cust = account('C', { lifecycle: 'customer', createdAt: at });
    const idx = buildSalesIndex([], Q1.to);
    const berlin = { ...Q1, tz: 'Europe/Berlin' };
    expect([leadKpis([lead], idx, berlin).newLeads, leadKpis([lead], idx, Q1).newLeads]).toEqual([1, 0]);
    expect([referralKpis([lead], idx, berlin).referrals, referralKpis([lead], idx, Q1).referrals]).toEqual([1, 0]);
    expect(customerKpis([cust], idx, berlin)).toMatchObject({ customersAtStart: 0, newCustomers: 1 });
    expect(customerKpis([cust], idx, Q1)).toMatchObject({ customersAtStart: 1, newCustomers: 0 });
    // Created 2026-04-01 00:30 in Berlin (summer time): not yet arrived by the end of Q1.
    const late = account('S', { lifecycle: 'lead', createdAt: Date.UTC(2026, 2, 31, 22, 30), leadSourceId: 's2' });
    const leadsOfS2 = (f: ReportFilter) => sourceKpis([late], FIXTURE.leadSources, idx, f).rows.find((r) => r.sourceId === 's2')?.leads;
    expect([leadsOfS2(berlin), leadsOfS2({ ...Q1 })]).toEqual([0, 1]);
  });
  it('calls, lead windows and the ROR window use local days', () => {
    const lead = account('L', { lifecycle: 'lead', lifecycleDates: { lead: asIsoDate('2026-02-10') } });
    // 00:30 on the lead day in Berlin, 23:30 the day before in UTC.
    const call = interaction('c', { accountId: 'L', type: 'call', at: '2026-02-09T23:30:00.000Z' });
    const perLead = (tz: string) => callsPerLead([call], new Map([['L', lead]]), new Map(), { ...Q1, tz }).perLead.numerator;
    expect([perLead('Europe/Berlin'), perLead('UTC')]).toEqual([1, 0]);
    // The ROR window (to − 12 months, to] starts on 2025-04-01: 00:30 that day in Berlin is in it.
    const visit = interaction('v', { accountId: 'L', type: 'visit', at: '2025-03-31T22:30:00.000Z' });
    const helped = (tz: string) => {
      const acc = helpedAccumulator(Q1.to, tz);
      acc.add(visit);
      return acc.result().size;
    };
    expect([helped('Europe/Berlin'), helped('UTC')]).toEqual([1, 0]);
  });
  it('credit notes reduce revenue but are not purchases', () => {
    const idx = buildSalesIndex([sale('C', asIsoDate('2026-01-05'), 500), { ...sale('C', asIsoDate('2026-01-06'), -200), id: 'cn' }], Q1.to);
    expect(idx.get('C')).toMatchObject({ purchases: 1, revenue: 300, firstDay: asIsoDate('2026-01-05'), newUntil: asIsoDate('2026-07-05') });
  });
});

describe('properties', () => {
  const dealArb = fc.record({
    value: fc.double({ min: 0, max: 1e7, noNaN: true }),
    probability: fc.double({ min: -50, max: 150, noNaN: true }),
    stage: fc.constantFrom(...DEAL_STAGES),
  });
  it('weighted pipeline value never exceeds the open value', () => {
    fc.assert(
      fc.property(fc.array(dealArb, { maxLength: 40 }), (specs) => {
        const deals: Deal[] = specs.map((s, i) => ({
          id: `d${i}`, updatedAt: 0, accountId: 'a', title: '', ownerId: 'r', lostReason: '', createdAt: '2026-01-01T00:00:00.000Z', ...s,
        }));
        const { openDeals } = pipelineKpis(deals, new Map(), Q1, TODAY);
        expect(openDeals.weightedValue).toBeGreaterThanOrEqual(0);
        expect(openDeals.weightedValue).toBeLessThanOrEqual(openDeals.value * (1 + 1e-12));
      }),
    );
  });
  const day = fc.integer({ min: 0, max: 1500 }).map((n) => fromDayNumber(dayNumberOfYmd(2024, 1, 1) + n));
  const acc = fc.record({
    lifecycle: fc.constantFrom('lead', 'prospect', 'customer', 'former' as const),
    lead: fc.option(day, { nil: undefined }),
    customer: fc.option(day, { nil: undefined }),
    former: fc.option(day, { nil: undefined }),
  });
  it('conversion, churn and retention stay in [0, 1] and churn + retention = 1', () => {
    fc.assert(
      fc.property(fc.array(acc, { maxLength: 30 }), day, day, (specs, d1, d2) => {
        const period = d1 <= d2 ? { from: d1, to: d2, tz: 'UTC' } : { from: d2, to: d1, tz: 'UTC' };
        const accounts = specs.map((s, i) =>
          account(`a${i}`, { lifecycle: s.lifecycle, lifecycleDates: { lead: s.lead, customer: s.customer, former: s.former } }),
        );
        const idx = buildSalesIndex([], period.to);
        const conv = leadKpis(accounts, idx, period).conversion.value;
        if (conv !== null) expect(conv >= 0 && conv <= 1).toBe(true);
        const c = customerKpis(accounts, idx, period);
        if (c.churn.value !== null) {
          expect(c.churn.value >= 0 && c.churn.value <= 1).toBe(true);
          expect((c.churn.value ?? 0) + (c.retention.value ?? 0)).toBeCloseTo(1, 12);
        } else expect(c.retention.value).toBeNull();
      }),
    );
  });
  it('NPS lies in [−100, 100]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 12 }), { maxLength: 50 }), (scores) => {
        const rows = scores.map((s, i) => interaction(`n${i}`, { accountId: 'a', type: 'note', at: '2026-02-01T00:00:00.000Z', npsScore: s }));
        const { nps } = npsKpis(rows, Q1);
        if (nps !== null) expect(nps >= -100 && nps <= 100).toBe(true);
      }),
    );
  });
});
