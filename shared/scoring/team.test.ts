import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_SCORE_RULES } from './rules';
import { changedRuleRows, effectiveLeadScoreBands, effectiveLeadScoreRules, ruleSettingId } from './team';

const catA = (points: number) => ({ ...DEFAULT_LEAD_SCORE_RULES[0]!, points });

describe('lead-score team settings', () => {
  it('reads the defaults in order, each replaced by its stored choice, extra rules after them by id', () => {
    const extra = { id: 'aa-webinar', kind: 'engagement', params: { types: ['webinar'], days: 30 }, points: 7 };
    const rows = [
      { id: ruleSettingId('cat-a'), value: catA(44) },
      { id: ruleSettingId('aa-webinar'), value: extra },
      // A row whose value names another rule, and one that is no rule at all, are ignored.
      { id: ruleSettingId('cat-b'), value: catA(99) },
      { id: ruleSettingId('cat-c'), value: { id: 'cat-c', kind: 'category', points: 'viel' } },
      { id: 'leadScoreBands', value: { hot: 70, warm: 10 } },
    ];
    const rules = effectiveLeadScoreRules(rows);
    expect(rules.map((r) => r.id)).toEqual([...DEFAULT_LEAD_SCORE_RULES.map((r) => r.id), 'aa-webinar']);
    expect(rules.map((r) => r.points).slice(0, 3)).toEqual([44, 20, 10]);
  });

  it('reads an old local list below the team rows', () => {
    const legacy = [catA(50), { ...DEFAULT_LEAD_SCORE_RULES[1]!, points: 1 }];
    const rules = effectiveLeadScoreRules([{ id: ruleSettingId('cat-a'), value: catA(35) }], legacy);
    expect(rules.map((r) => r.points).slice(0, 3)).toEqual([35, 1, 10]);
  });

  it('bands: the team row when usable, else the old local value, else the defaults', () => {
    expect(effectiveLeadScoreBands({ hot: 70, warm: 10 }, { hot: 40, warm: 20 })).toEqual({ hot: 70, warm: 10 });
    expect(effectiveLeadScoreBands({ hot: 10, warm: 70 }, { hot: 40, warm: 20 })).toEqual({ hot: 40, warm: 20 });
    expect(effectiveLeadScoreBands(undefined, 'heiß')).toEqual({ hot: 50, warm: 25 });
  });

  it('a save writes only the rules that differ from what is in effect', () => {
    expect(changedRuleRows(DEFAULT_LEAD_SCORE_RULES, DEFAULT_LEAD_SCORE_RULES)).toEqual([]);
    expect(changedRuleRows([catA(30), catA(31)], DEFAULT_LEAD_SCORE_RULES)).toEqual([{ id: 'leadScoreRule.cat-a', value: catA(31) }]);
  });
});
