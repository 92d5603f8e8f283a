import { describe, expect, it } from 'vitest';
import type { Interaction } from '../domain/interaction';
import { appendLog, dailyRunDue, logEntriesFor, parseLog, ruleOfSourceKey, rulesForWrite, type AutomationLogEntry } from './log';
import { asIsoDate } from '../time';

const task = (id: string, sourceKey: string | undefined, accountId = 'acc'): Interaction => ({
  id, updatedAt: 1, accountId, type: 'call', mode: 'human', status: 'planned', at: '2026-11-29T08:00:00.000Z', userId: 'u1',
  contactIds: [], subject: 'Anruf: Wartungsvertrag', summary: '', nextStep: '', createdAt: 1, ...(sourceKey ? { sourceKey } : {}),
});

describe('automation log', () => {
  it('names the rule of each generated task, and only of tasks the rules made', () => {
    expect(ruleOfSourceKey('auto:deal_value_call:d1')).toBe('deal_value_call');
    expect(ruleOfSourceKey('auto:won_followup:d1')).toBe('won_deal_followup');
    expect(ruleOfSourceKey('auto:birthday:c1:2026')).toBe('birthday_greeting');
    expect(ruleOfSourceKey('plan:p1:step2')).toBeUndefined();
    expect(ruleOfSourceKey(undefined)).toBeUndefined();
    const names = new Map([['acc', 'Bäckerei Weiß']]);
    const entries = logEntriesFor([task('i1', 'auto:deal_value_call:d1'), task('i2', 'plan:x'), task('i3', 'auto:birthday:c1:2026', 'gone')], (id) => names.get(id), 'write', 1_796_000_000_000);
    expect(entries).toEqual([
      { at: 1_796_000_000_000, kind: 'deal_value_call', trigger: 'write', interactionId: 'i1', accountId: 'acc', accountName: 'Bäckerei Weiß', subject: 'Anruf: Wartungsvertrag' },
      { at: 1_796_000_000_000, kind: 'birthday_greeting', trigger: 'write', interactionId: 'i3', accountId: 'gone', accountName: '', subject: 'Anruf: Wartungsvertrag' },
    ]);
  });

  it('keeps the newest entries first, capped, and reads a damaged stored value as far as it is sound', () => {
    const e = (n: number): AutomationLogEntry => ({ at: n, kind: 'deal_value_call', trigger: 'daily', interactionId: `i${n}`, accountId: 'a', accountName: 'A', subject: 's' });
    const log = appendLog([e(2), e(1)], [e(3), e(4)], 3);
    expect(log.map((x) => x.at)).toEqual([4, 3, 2]);
    expect(parseLog(log)).toEqual(log);
    expect(parseLog('nonsense')).toEqual([]);
    expect(parseLog([e(1), { ...e(2), kind: 'unknown' }, null, { at: 'x' }])).toEqual([e(1)]);
  });
});

describe('which writes run which rules', () => {
  it('a deal save runs the deal rules, a rule change or bulk arrival all, other saves none', () => {
    expect(rulesForWrite({ label: 'deal', tables: ['deals'] })).toEqual(['deal_value_call', 'won_deal_followup']);
    expect(rulesForWrite({ label: 'settings', tables: ['automationRules'] })).toHaveLength(3);
    // A sync round writes every synced table: the cheap deal rules run, the birthday rule waits for start or the day.
    expect(rulesForWrite({ label: 'sync', tables: ['accounts', 'contacts', 'deals', 'automationRules', 'syncState'] })).toEqual(['deal_value_call', 'won_deal_followup']);
    // Sync's bookkeeping after every local edit (queued changes) runs nothing.
    expect(rulesForWrite({ label: 'sync', tables: ['syncState', 'syncPending'] })).toEqual([]);
    expect(rulesForWrite({ label: 'import', tables: ['accounts', 'contacts', 'importBatches'] })).toHaveLength(3);
    expect(rulesForWrite({ label: 'contact', tables: ['contacts'] })).toEqual([]);
    // The runner's own write (tasks, log) must not run the rules again.
    expect(rulesForWrite({ label: 'interaction', tables: ['interactions', 'settings', 'accounts'] })).toEqual([]);
    expect(rulesForWrite({ label: undefined, tables: ['settings'] })).toEqual([]);
  });

  it('the daily run is due on the first check of a new local day', () => {
    expect(dailyRunDue(asIsoDate('2026-11-28'), asIsoDate('2026-11-28'))).toBe(false);
    expect(dailyRunDue(asIsoDate('2026-11-28'), asIsoDate('2026-11-29'))).toBe(true);
    expect(dailyRunDue(undefined, asIsoDate('2026-11-29'))).toBe(true);
  });
});
