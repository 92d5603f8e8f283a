import { describe, expect, it } from 'vitest';
import { account, deal, interaction } from '../kpi/test-fixtures';
import type { LeadScoreRule } from './rules';
import { DEFAULT_LEAD_SCORE_RULES, parseLeadScoreRules } from './rules';
import { scoreLead, scoreLeads, sortByScore } from './score';
import { asIsoDate } from '../time';

// Days are UTC days here unless a test says otherwise (tz: 'UTC' in every context).
const TODAY = asIsoDate('2026-04-15');
const sources = new Map([['s-ref', { id: 's-ref', updatedAt: 0, name: 'Empfehlung', kind: 'referral' as const, cost: 0 }]]);

// Hot lead: category A, Expand, two product lines, 2 visits in the last 90 days, an open offer
// sent 10 days ago, from a referral source, 80 000 € annual revenue.
const hot = account('hot', {
  name: 'Ärztehaus Süd', category: 'A', accountType: 'expand', productLines: ['Heizung', 'Solar'], leadSourceId: 's-ref', annualRevenue: 80_000,
  createdAt: Date.UTC(2025, 0, 1),
});
const hotRows = {
  interactions: [
    interaction('v1', { accountId: 'hot', type: 'visit', at: '2026-03-01T09:00:00.000Z' }),
    interaction('v2', { accountId: 'hot', type: 'visit', at: '2026-04-14T09:00:00.000Z' }),
    interaction('v3', { accountId: 'hot', type: 'visit', at: '2026-04-20T09:00:00.000Z', status: 'planned' }),
  ],
  deals: [deal('o1', { accountId: 'hot', stage: 'offer_sent', value: 9000, createdAt: '2026-03-20T09:00:00.000Z', offerSentAt: '2026-04-05T09:00:00.000Z' })],
};
// Cold lead: category D, Maintain, created 2025-01-01, never contacted.
const cold = account('cold', { name: 'Bäckerei Alt', category: 'D', accountType: 'maintain', createdAt: Date.UTC(2025, 0, 1) });

describe('scoreLead with the default rules', () => {
  it('adds the points of every matching rule, in rule order', () => {
    const s = scoreLead(hot, { today: TODAY, tz: 'UTC', ...hotRows, leadSources: sources }, DEFAULT_LEAD_SCORE_RULES);
    // cat-a 30, expand 10, product-lines 5 × 2 lines = 10, visits-90 (≥ 1 done visit) 15 — only 2 done,
    // so visits-90-3 does not match —, open-offer (sent 04-05, within 60 days) 20, referral source 15,
    // revenue-50k 10. Not referred by an account, no webinars/e-mails, not cold.
    expect(s.parts).toEqual([
      { ruleId: 'cat-a', points: 30 },
      { ruleId: 'expand', points: 10 },
      { ruleId: 'product-lines', points: 10 },
      { ruleId: 'visits-90', points: 15 },
      { ruleId: 'open-offer', points: 20 },
      { ruleId: 'referral', points: 15 },
      { ruleId: 'revenue-50k', points: 10 },
    ]);
    expect(s.total).toBe(110);
  });
  it('pushes cold leads down', () => {
    // Category D and Maintain give nothing; no human contact for 180 days while older than that → −20.
    expect(scoreLead(cold, { today: TODAY, tz: 'UTC', interactions: [], deals: [] }, DEFAULT_LEAD_SCORE_RULES)).toEqual({
      total: -20,
      parts: [{ ruleId: 'cold-180', points: -20 }],
    });
  });
  it('a brand-new lead is not cold yet', () => {
    const fresh = account('fresh', { category: 'D', accountType: 'maintain', createdAt: Date.UTC(2026, 3, 1) });
    expect(scoreLead(fresh, { today: TODAY, tz: 'UTC', interactions: [], deals: [] }, DEFAULT_LEAD_SCORE_RULES).total).toBe(0);
  });
});

describe('configurable rules', () => {
  it('windows of N days end today, today included', () => {
    const rule: LeadScoreRule = { id: 'r', kind: 'recent_visits', params: { days: 45 }, points: 7 };
    // v1 on 03-01 is 45 days before 04-15 → outside a 45-day window (03-02 … 04-15); v2 is inside.
    const onlyOld = { today: TODAY, tz: 'UTC', interactions: [hotRows.interactions[0]!], deals: [] };
    expect(scoreLead(hot, onlyOld, [rule]).total).toBe(0);
    expect(scoreLead(hot, { ...onlyOld, interactions: hotRows.interactions }, [rule]).total).toBe(7);
  });
  it('product lines score once or per match', () => {
    const once: LeadScoreRule = { id: 'p', kind: 'product_line', params: { productLines: ['Solar', 'Lüftung'] }, points: 4 };
    const each: LeadScoreRule = { ...once, params: { productLines: ['Solar', 'Heizung'], perMatch: true } };
    const ctx = { today: TODAY, tz: 'UTC', interactions: [], deals: [] };
    expect(scoreLead(hot, ctx, [once]).total).toBe(4);
    expect(scoreLead(hot, ctx, [each]).total).toBe(8);
  });
  it('scores and sorts many leads; ties in German name order', () => {
    const tie = account('tie', { name: 'Äpfel GmbH', category: 'D', accountType: 'maintain', createdAt: Date.UTC(2025, 0, 1) });
    const scores = scoreLeads([cold, hot, tie], { interactions: hotRows.interactions, deals: hotRows.deals, leadSources: [...sources.values()] }, DEFAULT_LEAD_SCORE_RULES, TODAY, 'UTC');
    expect(scores.get('hot')?.total).toBe(110);
    // cold and tie both −20: "Äpfel" sorts before "Bäckerei" (Ä next to A).
    expect(sortByScore([cold, tie, hot], scores).map((a) => a.id)).toEqual(['hot', 'tie', 'cold']);
  });
  it('windows are local days of the zone', () => {
    // 2026-11-22 23:30 UTC is 00:30 on 11-23 in Berlin: a visit "today" there, yesterday in UTC.
    const today: LeadScoreRule = { id: 't', kind: 'recent_visits', params: { days: 1 }, points: 7 };
    const visit = interaction('v', { accountId: 'hot', type: 'visit', at: '2026-11-22T23:30:00.000Z' });
    const ctx = { today: asIsoDate('2026-11-23'), interactions: [visit], deals: [] };
    expect(scoreLead(hot, { ...ctx, tz: 'Europe/Berlin' }, [today]).total).toBe(7);
    expect(scoreLead(hot, { ...ctx, tz: 'UTC' }, [today]).total).toBe(0);
    // Summer: an offer sent 2026-07-06 00:30 in Berlin is opened today, within a 1-day window.
    const offer: LeadScoreRule = { id: 'o', kind: 'offer_opened', params: { days: 1 }, points: 5 };
    const sent = deal('o', { accountId: 'hot', stage: 'offer_sent', value: 1, createdAt: '2026-07-01T09:00:00.000Z', offerSentAt: '2026-07-05T22:30:00.000Z' });
    const summer = { today: asIsoDate('2026-07-06'), interactions: [], deals: [sent] };
    expect(scoreLead(hot, { ...summer, tz: 'Europe/Berlin' }, [offer]).total).toBe(5);
    expect(scoreLead(hot, { ...summer, tz: 'UTC' }, [offer]).total).toBe(0);
    // Created 2026-07-06 00:30 in Berlin: 29 days old on 08-04, too young for a 30-day "cold" rule.
    const cold30: LeadScoreRule = { id: 'c', kind: 'no_contact', params: { days: 30 }, points: -9 };
    const young = account('y', { createdAt: Date.UTC(2026, 6, 5, 22, 30) });
    const none = { today: asIsoDate('2026-08-04'), interactions: [], deals: [] };
    expect(scoreLead(young, { ...none, tz: 'Europe/Berlin' }, [cold30]).total).toBe(0);
    expect(scoreLead(young, { ...none, tz: 'UTC' }, [cold30]).total).toBe(-9);
    expect(scoreLeads([young], { interactions: [], deals: [] }, [cold30], asIsoDate('2026-08-04'), 'Europe/Berlin').get('y')?.total).toBe(0);
  });
  it('parses stored rules and drops invalid ones', () => {
    const { rules, errors } = parseLeadScoreRules([
      { id: 'ok', kind: 'category', params: { categories: ['A'] }, points: 5 },
      { id: 'bad', kind: 'category', params: { categories: ['Z'] }, points: 5 },
      { id: 'unknown', kind: 'astrology', params: {}, points: 1 },
    ]);
    expect(rules.map((r) => r.id)).toEqual(['ok']);
    expect(errors.map((e) => e.index)).toEqual([1, 2]);
    expect(parseLeadScoreRules(DEFAULT_LEAD_SCORE_RULES).errors).toEqual([]);
    expect(parseLeadScoreRules('nope').rules).toEqual([]);
  });
});
