import { describe, expect, it } from 'vitest';
import { account, deal } from '../kpi/test-fixtures';
import { birthdayGreetings, dealValueCallTasks } from './rules';
import type { AutomationContext } from './task';
import { existingSourceKeys } from './task';
import { checkTemplate, ruleTemplate, TEMPLATE_DEFAULTS, TEMPLATE_FIELDS } from './templates';
import { asIsoDate } from '../time';

const ctx = (keys: Iterable<string> = []): AutomationContext => ({ today: asIsoDate('2026-11-23'), nowMs: 1_790_000_000_000, existingKeys: new Set(keys) });
const big = deal('big', { accountId: 'acc', ownerId: 'r1', stage: 'negotiation', value: 25_000, createdAt: '2026-11-01T09:00:00.000Z', title: 'Wartung {2027}' });

describe('checkTemplate', () => {
  it('accepts every default text in both languages', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const [kind, fields] of Object.entries(TEMPLATE_FIELDS) as [keyof typeof TEMPLATE_FIELDS, readonly ('subject' | 'text')[]][]) {
        for (const field of fields) expect(checkTemplate(kind, field, TEMPLATE_DEFAULTS[lang][kind][field] ?? ''), `${lang} ${kind} ${field}`).toBeNull();
      }
    }
  });

  it('refuses blank, too long, multi-line subjects, foreign placeholders and stray braces', () => {
    expect(checkTemplate('deal_value_call', 'subject', '  ')).toEqual({ kind: 'empty' });
    expect(checkTemplate('deal_value_call', 'subject', 'x'.repeat(121))).toEqual({ kind: 'tooLong', max: 120 });
    expect(checkTemplate('birthday_greeting', 'text', 'x'.repeat(2000))).toBeNull();
    expect(checkTemplate('deal_value_call', 'subject', 'Anruf\nmorgen')).toEqual({ kind: 'lineBreak' });
    // A draft may have paragraphs, but no control characters.
    expect(checkTemplate('birthday_greeting', 'text', 'Liebe {firstName},\n\nalles Gute!')).toBeNull();
    expect(checkTemplate('birthday_greeting', 'text', 'Hallo\u0007')).toEqual({ kind: 'lineBreak' });
    // {name} belongs to the birthday rule, not to the deal rules.
    expect(checkTemplate('deal_value_call', 'subject', 'Anruf bei {name} wegen {title} {name}')).toEqual({ kind: 'unknownPlaceholder', names: ['name'] });
    expect(checkTemplate('birthday_greeting', 'subject', 'Gruß an {name')).toEqual({ kind: 'strayBrace' });
    expect(checkTemplate('birthday_greeting', 'subject', 'Gruß an name}')).toEqual({ kind: 'strayBrace' });
  });
});

describe('rules use the edited texts safely', () => {
  it('fills the rule’s placeholders once; braces in the data are left as they are', () => {
    const [task] = dealValueCallTasks([big], { minValue: 10_000, subject: 'Rückruf: {title} ({title})' }, ctx());
    expect(task?.subject).toBe('Rückruf: Wartung {2027} (Wartung {2027})');
  });

  it('falls back to the default when a stored text fails the checks', () => {
    expect(ruleTemplate('deal_value_call', 'subject', { subject: 'Anruf {name}' })).toBe(TEMPLATE_DEFAULTS.de.deal_value_call.subject);
    expect(ruleTemplate('deal_value_call', 'subject', { subject: 42 })).toBe(TEMPLATE_DEFAULTS.de.deal_value_call.subject);
    expect(ruleTemplate('deal_value_call', 'subject', { subject: 'Anruf: {title}' })).toBe('Anruf: {title}');
  });

  it('stays idempotent when the texts change between two runs', () => {
    const first = dealValueCallTasks([big], { minValue: 10_000, subject: 'Erster Text {title}' }, ctx());
    const again = dealValueCallTasks([big], { minValue: 10_000, subject: 'Geänderter Text {title}' }, ctx(existingSourceKeys(first)));
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(0);
  });

  it('writes the greeting draft from the edited text with every placeholder', () => {
    const acc = account('acc', { name: 'Bäckerei Korn', ownerId: 'r1' });
    const c = {
      id: 'c1', updatedAt: 0, accountId: 'acc', salutation: 'ms' as const, title: 'Dr.', firstName: 'Jana', lastName: 'Öztürk', position: '',
      phone: '', mobile: '', email: '', preferredChannel: 'letter' as const, notes: '', birthday: { day: 25, month: 11 },
    };
    const [task] = birthdayGreetings([c], [acc], { subject: 'Für {firstName}', text: 'Liebe {firstName} {lastName} ({name}) von {account}' }, ctx());
    expect(task?.subject).toBe('Für Jana');
    expect(task?.summary).toBe('Liebe Jana Öztürk (Dr. Jana Öztürk) von Bäckerei Korn');
  });
});
