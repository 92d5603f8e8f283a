import { describe, expect, it } from 'vitest';
import type { Account } from '../domain/account';
import { zoneClock } from '../planning/calendar';
import { dayOfInstant, daysBetween } from './dates';
import { missedVisits } from './coverage';
import { meetingStats } from './meetings';
import { pipelineKpis } from './pipeline';
import { computeReport } from './report';
import { deal, FIXTURE, interaction, Q1, TODAY } from './test-fixtures';
import { wonDealsByMonth } from './trends';
import { asIsoDate, type IsoDate } from '../time';

// Hand-worked from shared/kpi/test-fixtures.ts: Q1 2026, today 2026-04-15, N = 14 days.
// Rhythm stub: category D has no rhythm; others need a human contact within 90 (UTC) days.
const utc = zoneClock('UTC');
const rhythm = (a: Account, today: IsoDate): boolean | null =>
  a.category === 'D' ? null : a.lastHumanContactAt !== undefined && daysBetween(dayOfInstant(a.lastHumanContactAt, utc), today) <= 90;
const report = computeReport(FIXTURE, { ...Q1 }, TODAY, { isWithinRhythm: rhythm });

describe('pipeline', () => {
  const p = report.pipeline;
  it('open deals: count, value and weighted value today', () => {
    // Open: D1 20 000 × 50 %, D2 8 000 × 25 %, D3 5 000 × 60 %, D4 3 000 × 10 %, D11 2 000 × 20 %
    // (D10 is trashed). Weighted: 10 000 + 2 000 + 3 000 + 300 + 400 = 15 700.
    expect(p.openDeals).toEqual({ count: 5, value: 38_000, weightedValue: 15_700 });
  });
  it('flags open offers without follow-up for ≥ 14 days, longest first', () => {
    // D1: followed up 04-05 (10 days). D2: colleague r2 called on 04-10 about it (I21) → 5 days.
    // D3: sent 04-01 → exactly 14 days → flagged. D11: no offer date, created 03-31 → 15 days.
    // D4 is not an offer yet.
    expect(p.staleOffers.deals.map((d) => [d.dealId, d.daysWithoutFollowUp, d.lastTouchDay])).toEqual([
      ['D11', 15, asIsoDate('2026-03-31')],
      ['D3', 14, asIsoDate('2026-04-01')],
    ]);
    expect(p.staleOffers).toMatchObject({ days: 14, count: 2, value: 7000 });
  });
  it('share of lost offers without follow-up', () => {
    // Lost in Q1 with an offer: D5 (never followed up) and D6 (followed up 12-20 after sending 12-10).
    expect(p.lostWithoutFollowUp).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('sales cycle over deals won in the period', () => {
    // D7: 01-06 → 02-20 = 45 days; D8: 2025-12-15 → 2026-01-14 = 30 days; D9 was won in April.
    expect(p.salesCycle.average).toEqual({ value: 37.5, numerator: 75, denominator: 2 });
    expect(p.salesCycle.medianDays).toBe(37.5);
  });
  it('funnel: deals created in the period by current stage', () => {
    // Created in Q1: D4 lead; D2, D3, D11 (23:00 UTC on 03-31) offer_sent; D1 negotiation; D7, D9 won.
    expect(p.funnel.stages).toEqual(['lead', 'qualified', 'offer_sent', 'negotiation', 'won', 'lost']);
    expect(p.funnel.counts).toEqual([1, 0, 3, 1, 2, 0]);
    expect(p.funnel.values).toEqual([3000, 0, 15_000, 20_000, 3800, 0]);
  });
});

describe('meetings', () => {
  const m = report.meetings;
  it('team: held in the window, share successful, follow-ups, next month', () => {
    // Held visits/meetings in Q1: I2 (r2, successful, follow-up), I8 (r1, neutral), I9 (r1, 03-31 22:30 UTC,
    // successful, follow-up). I10 is 2025, I15 was cancelled, I22 belongs to the trashed A11.
    // Upcoming [04-15, 05-15): I11 (today), I13 (05-14); I12 on 05-15 is outside, I14 is in the past.
    expect(m.team).toEqual({
      held: 3,
      successful: { value: 2 / 3, numerator: 2, denominator: 3 },
      followUpBooked: { value: 2 / 3, numerator: 2, denominator: 3 },
      upcoming: 2,
    });
  });
  it('per person', () => {
    expect(m.byPerson.map((p) => [p.userId, p.held, p.successful.numerator, p.followUpBooked.numerator, p.upcoming])).toEqual([
      ['r1', 2, 1, 1, 1],
      ['r2', 1, 1, 1, 1],
    ]);
  });
  it('uses a chosen week when given', () => {
    // Week 2026-03-30 … 04-05 holds only I9.
    const week = computeReport(FIXTURE, { ...Q1 }, TODAY, { meetingWindow: { from: asIsoDate('2026-03-30'), to: asIsoDate('2026-04-05') } });
    expect(week.meetings.team.held).toBe(1);
  });
});

describe('visit coverage and overdue per rep', () => {
  const cov = report.coverage;
  it('covers segments with the rhythm rule; archived, former and rule-less accounts are left out', () => {
    // Considered: A1 (A-expand ✓ 03-10), A2 (B-maintain ✓), A4 (C-expand ✓ 02-01 = 73 days),
    // A6 (B-expand, never visited ✗), A9 (B-maintain, 2025-10-01 ✗); A5 is D (no rhythm).
    // A7 is archived; A3, A8, A10 are former customers.
    const seg = new Map(cov?.bySegment.map((s) => [s.segment, s]));
    expect(seg.get('A-expand')?.covered).toEqual({ value: 1, numerator: 1, denominator: 1 });
    expect(seg.get('B-maintain')?.covered).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(seg.get('B-expand')?.covered.value).toBe(0);
    expect(seg.get('A-maintain')?.covered.value).toBeNull();
    expect(seg.get('D-maintain')?.noRhythm).toBe(1);
    expect(cov?.bySegment).toHaveLength(8);
    expect(cov?.total).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
  });
  it('per rep: accounts outside the rhythm and planned visits left in the past', () => {
    // r1 owns A1 ✓, A2 ✓ and missed I14 (planned 04-10); r2 owns A4 ✓, A6 ✗, A9 ✗.
    expect(cov?.byRep).toEqual([
      { repId: 'r1', accounts: 2, overdueAccounts: 0, missedVisits: 1 },
      { repId: 'r2', accounts: 3, overdueAccounts: 2, missedVisits: 0 },
    ]);
  });
  it('is null without a rhythm rule', () => {
    expect(computeReport(FIXTURE, { ...Q1 }, TODAY).coverage).toBeNull();
  });
});

describe('trends', () => {
  it('monthly series cover every month of the period', () => {
    // Revenue: Jan A2 1 500 + A9 1 200; Feb A1 3 000 + A4 800; Mar A2 700.
    expect(report.trends.revenue).toEqual({ labels: ['2026-01', '2026-02', '2026-03'], values: [2700, 3800, 700] });
    // Leads: A5 and A4 in January, A6 in March.
    expect(report.trends.leads.values).toEqual([2, 0, 1]);
    // Won: D8 (Jan, 1 500), D7 (Feb, 800).
    expect(report.trends.won).toEqual({ labels: ['2026-01', '2026-02', '2026-03'], counts: [1, 1, 0], values: [1500, 800, 0] });
  });
});

describe('filters', () => {
  it('rep r1: own accounts and sales, own deals, own interactions; a colleague’s follow-up still counts', () => {
    const r1 = computeReport(FIXTURE, { ...Q1, repId: 'r1' }, TODAY);
    // r1 owns A1, A2, A5, A7, A8, A10. New leads: A5 only; it has not converted.
    expect(r1.leads.conversion).toEqual({ value: 0, numerator: 0, denominator: 1 });
    // Q1 revenue of r1's accounts: A1 3 000 + A2 1 500 + 700.
    expect(r1.revenue.revenue).toBe(5200);
    // At start: A1, A2, A10; lost: A10.
    expect(r1.customers.churn).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(r1.meetings.team.held).toBe(2);
    // ROR for r1's buyers A1, A2, A8, A10: helped A1, A2, A8 (A10 not) → 3 of 4; repeat A1, A2 → 2 of 3.
    expect(r1.ror.helped).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    expect(r1.ror.ror).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // r1's open deals: D1, D2, D4, D11. D2 stays fresh through r2's call on 04-10.
    expect(r1.pipeline.openDeals.count).toBe(4);
    expect(r1.pipeline.openDeals.value).toBe(33_000);
    expect(r1.pipeline.staleOffers.deals.map((d) => d.dealId)).toEqual(['D11']);
  });
  it('country AT: A3 and A9 only', () => {
    const at = computeReport(FIXTURE, { ...Q1, country: 'AT' }, TODAY);
    // At start: A3, A9; A3 lost on 02-01.
    expect(at.customers.churn).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(at.revenue.revenue).toBe(1200);
    // D5 and D6 are AT deals; both lost, one without follow-up.
    expect(at.pipeline.lostWithoutFollowUp.value).toBe(0.5);
    expect(at.pipeline.openDeals.count).toBe(0);
  });
  it('segment B-maintain: A2 and A9', () => {
    const seg = computeReport(FIXTURE, { ...Q1, segment: 'B-maintain' }, TODAY);
    // Q1: A2 1 500 + 700 (new), A9 1 200 (new).
    expect(seg.revenue).toMatchObject({ revenue: 3400, newRevenue: 3400, newRevenueShare: 1 });
    expect(seg.customers.buyers).toBe(2);
  });
});

describe('local days (Europe/Berlin)', () => {
  const tz = 'Europe/Berlin';
  it('reads the fixture in Berlin: rows just before UTC midnight on 03-31 belong to 1 April', () => {
    const berlin = computeReport(FIXTURE, { ...Q1, tz }, TODAY);
    // I9 (22:30 UTC = 00:30 on 04-01) leaves Q1: held I2 and I8; its NPS 10 goes too (6, 9, 7 → 0).
    expect(berlin.meetings.team.held).toBe(2);
    expect(report.nps.nps).toBe(25);
    expect(berlin.nps).toMatchObject({ nps: 0, promoters: 1, passives: 1, detractors: 1 });
    // D11 (23:00 UTC = 01:00 on 04-01) was created after Q1 and is 14 days without follow-up, not 15.
    expect(berlin.pipeline.funnel.counts).toEqual([1, 0, 2, 1, 2, 0]);
    expect(berlin.pipeline.staleOffers.deals.map((d) => [d.dealId, d.daysWithoutFollowUp, d.lastTouchDay])).toEqual([
      ['D3', 14, asIsoDate('2026-04-01')],
      ['D11', 14, asIsoDate('2026-04-01')],
    ]);
  });
  it('an offer sent at 00:30 local has waited the local days since then', () => {
    // Sent 2026-11-03 00:30 in Berlin (23:30 UTC the day before): 20 days on 11-23, not 21.
    const d = deal('late', { accountId: 'A1', stage: 'offer_sent', value: 1, createdAt: '2026-11-01T09:00:00.000Z', offerSentAt: '2026-11-02T23:30:00.000Z' });
    const stale = (zone: string) => pipelineKpis([d], new Map(), { from: asIsoDate('2026-11-01'), to: asIsoDate('2026-11-23'), tz: zone }, asIsoDate('2026-11-23')).staleOffers.deals[0];
    expect(stale('Europe/Berlin')).toMatchObject({ daysWithoutFollowUp: 20, lastTouchDay: asIsoDate('2026-11-03') });
    expect(stale('UTC')).toMatchObject({ daysWithoutFollowUp: 21, lastTouchDay: asIsoDate('2026-11-02') });
  });
  const meeting = (id: string, at: string, status: 'done' | 'planned' = 'done') => interaction(id, { accountId: 'A1', type: 'meeting', at, status });
  const held = (at: string, from: IsoDate, to: IsoDate) => meetingStats([meeting('m', at)], { from, to, tz }, asIsoDate('2027-01-01')).team.held;
  it('a meeting at 00:30 on Monday counts in that week, winter and summer', () => {
    // 2026-11-23 and 2026-07-06 are Mondays.
    expect(held('2026-11-22T23:30:00.000Z', asIsoDate('2026-11-23'), asIsoDate('2026-11-29'))).toBe(1);
    expect(held('2026-11-22T23:30:00.000Z', asIsoDate('2026-11-16'), asIsoDate('2026-11-22'))).toBe(0);
    expect(held('2026-07-05T22:30:00.000Z', asIsoDate('2026-07-06'), asIsoDate('2026-07-12'))).toBe(1);
    expect(held('2026-07-05T22:30:00.000Z', asIsoDate('2026-06-29'), asIsoDate('2026-07-05'))).toBe(0);
  });
  it('weeks with a DST change end at local midnight', () => {
    // Spring week 03-23 … 03-29 (167 h): Monday 00:30 CET is in, Monday 00:30 CEST after it is out.
    expect(held('2026-03-22T23:30:00.000Z', asIsoDate('2026-03-23'), asIsoDate('2026-03-29'))).toBe(1);
    expect(held('2026-03-29T22:30:00.000Z', asIsoDate('2026-03-23'), asIsoDate('2026-03-29'))).toBe(0);
    expect(held('2026-03-29T22:30:00.000Z', asIsoDate('2026-03-30'), asIsoDate('2026-04-05'))).toBe(1);
    // Autumn week 10-19 … 10-25 (169 h): Sunday 23:59 CET is in, Monday 00:00 CET is out.
    expect(held('2026-10-18T22:00:00.000Z', asIsoDate('2026-10-19'), asIsoDate('2026-10-25'))).toBe(1);
    expect(held('2026-10-25T22:59:59.999Z', asIsoDate('2026-10-19'), asIsoDate('2026-10-25'))).toBe(1);
    expect(held('2026-10-25T23:00:00.000Z', asIsoDate('2026-10-19'), asIsoDate('2026-10-25'))).toBe(0);
  });
  it('a visit planned for 00:30 today is upcoming, not missed', () => {
    const rows = [meeting('p', '2026-11-22T23:30:00.000Z', 'planned')];
    expect(meetingStats(rows, { from: asIsoDate('2026-11-23'), to: asIsoDate('2026-11-29'), tz }, asIsoDate('2026-11-23')).team.upcoming).toBe(1);
    expect(missedVisits(rows, asIsoDate('2026-11-23'), tz).get('r1')).toBeUndefined();
    expect(missedVisits(rows, asIsoDate('2026-11-23'), 'UTC').get('r1')).toBe(1);
  });
  it('a deal won at 00:30 on 1 February is February’s', () => {
    const won = deal('w', { accountId: 'A1', stage: 'won', value: 7, createdAt: '2026-01-10T09:00:00.000Z', closedAt: '2026-01-31T23:30:00.000Z' });
    expect(wonDealsByMonth([won], { from: asIsoDate('2026-01-01'), to: asIsoDate('2026-02-28'), tz }).counts).toEqual([0, 1]);
    expect(wonDealsByMonth([won], { from: asIsoDate('2026-01-01'), to: asIsoDate('2026-02-28'), tz: 'UTC' }).counts).toEqual([1, 0]);
  });
});
