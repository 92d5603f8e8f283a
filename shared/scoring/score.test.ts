import { describe, expect, it } from 'vitest';
import { account, deal, interaction } from '../kpi/test-fixtures';
import type { LeadScoreRule } from './rules';
import { DEFAULT_LEAD_SCORE_RULES, parseLeadScoreRules } from './rules';
import { scoreLead, scoreLeads, sortByScore } from './score';

const TODAY = '2026-04-15';
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
    const s = scoreLead(hot, { today: TODAY, ...hotRows, leadSources: sources }, DEFAULT_LEAD_SCORE_RULES);
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
    expect(scoreLead(cold, { today: TODAY, interactions: [], deals: [] }, DEFAULT_LEAD_SCORE_RULES)).toEqual({
      total: -20,
      parts: [{ ruleId: 'cold-180', points: -20 }],
    });
  });
  it('a brand-new lead is not cold yet', () => {
    const fresh = account('fresh', { category: 'D', accountType: 'maintain', createdAt: Date.UTC(2026, 3, 1) });
    expect(scoreLead(fresh, { today: TODAY, interactions: [], deals: [] }, DEFAULT_LEAD_SCORE_RULES).total).toBe(0);
  });
});

describe('configurable rules', () => {
  it('windows of N days end today, today included', () => {
    const rule: LeadScoreRule = { id: 'r', kind: 'recent_visits', params: { days: 45 }, points: 7 };
    // v1 on 03-01 is 45 days before 04-15 → outside a 45-day window (03-02 … 04-15); v2 is inside.
    const onlyOld = { today: TODAY, interactions: [hotRows.interactions[0]!], deals: [] };
    expect(scoreLead(hot, onlyOld, [rule]).total).toBe(0);
    expect(scoreLead(hot, { ...onlyOld, interactions: hotRows.interactions }, [rule]).total).toBe(7);
  });
  it('product lines score once or per match', () => {
    const once: LeadScoreRule = { id: 'p', kind: 'product_line', params: { productLines: ['Solar', 'Lüftung'] }, points: 4 };
    const each: LeadScoreRule = { ...once, params: { productLines: ['Solar', 'Heizung'], perMatch: true } };
    const ctx = { today: TODAY, interactions: [], deals: [] };
    expect(scoreLead(hot, ctx, [once]).total).toBe(4);
    expect(scoreLead(hot, ctx, [each]).total).toBe(8);
  });
  it('scores and sorts many leads; ties in German name order', () => {
    const tie = account('tie', { name: 'Äpfel GmbH', category: 'D', accountType: 'maintain', createdAt: Date.UTC(2025, 0, 1) });
    const scores = scoreLeads([cold, hot, tie], { interactions: hotRows.interactions, deals: hotRows.deals, leadSources: [...sources.values()] }, DEFAULT_LEAD_SCORE_RULES, TODAY);
    expect(scores.get('hot')?.total).toBe(110);
    // cold and tie both −20: "Äpfel" sorts before "Bäckerei" (Ä next to A).
    expect(sortByScore([cold, tie, hot], scores).map((a) => a.id)).toEqual(['hot', 'tie', 'cold']);
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
