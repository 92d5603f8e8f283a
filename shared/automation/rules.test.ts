import { describe, expect, it } from 'vitest';
import type { Contact } from '../domain/contact';
import type { AutomationRule } from '../domain/support';
import { account, deal } from '../kpi/test-fixtures';
import { birthdayGreetings, dealValueCallTasks, nextBirthday, runAutomation, wonFollowUpVisits } from './rules';
import type { AutomationContext } from './task';
import { existingSourceKeys, idFromSourceKey } from './task';
import { asIsoDate, type IsoDate } from '../time';

const TODAY = asIsoDate('2026-11-23');
// Days are UTC days here unless a test says otherwise.
const ctx = (keys: Iterable<string> = []): AutomationContext => ({ today: TODAY, tz: 'UTC', nowMs: 1_790_000_000_000, existingKeys: new Set(keys) });

function contact(id: string, over: Partial<Contact>): Contact {
  return {
    id, updatedAt: 0, accountId: 'acc', salutation: 'ms', title: '', firstName: 'Jana', lastName: 'Öztürk', position: '',
    phone: '', mobile: '', email: '', preferredChannel: 'letter', notes: '', ...over,
  };
}

const deals = [
  deal('big', { accountId: 'acc', ownerId: 'r1', stage: 'negotiation', value: 25_000, createdAt: '2026-11-01T09:00:00.000Z', title: 'Wartungsvertrag 2027' }),
  deal('exact', { accountId: 'acc', ownerId: 'r1', stage: 'qualified', value: 10_000, createdAt: '2026-11-01T09:00:00.000Z' }),
  deal('bigWon', { accountId: 'acc', ownerId: 'r2', stage: 'won', value: 50_000, createdAt: '2026-09-01T09:00:00.000Z', closedAt: '2026-11-20T15:00:00.000Z', title: 'Heizung' }),
  deal('oldWon', { accountId: 'acc', ownerId: 'r2', stage: 'won', value: 1_000, createdAt: '2025-01-01T09:00:00.000Z', closedAt: '2025-02-01T09:00:00.000Z' }),
  deal('lateWon', { accountId: 'acc', ownerId: 'r1', stage: 'won', value: 1_000, createdAt: '2026-08-01T09:00:00.000Z', closedAt: '2026-10-01T09:00:00.000Z' }),
  deal('trashed', { accountId: 'acc', ownerId: 'r1', stage: 'lead', value: 99_000, createdAt: '2026-11-01T09:00:00.000Z', deletedAt: 1 }),
];

describe('deal value above X creates a call task', () => {
  it('open deals strictly above the threshold, for the owner, due tomorrow', () => {
    const made = dealValueCallTasks(deals, { minValue: 10_000 }, ctx());
    // big (25 000, open) only: exact is not *above* 10 000, bigWon is closed, trashed is trashed.
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      sourceKey: 'auto:deal_value_call:big', type: 'call', mode: 'human', status: 'planned', userId: 'r1',
      accountId: 'acc', dealId: 'big', at: '2026-11-24T08:00:00.000Z', subject: 'Anruf zum Angebot „Wartungsvertrag 2027“',
    });
    expect(made[0]?.id).toBe(idFromSourceKey('auto:deal_value_call:big'));
  });
});

describe('won deal schedules a follow-up visit', () => {
  it('after N days, not for old wins, today when the date has passed', () => {
    const made = wonFollowUpVisits(deals, { afterDays: 30 }, ctx());
    // bigWon closed 11-20 → visit 12-20. lateWon closed 10-01 → 10-31 is past → today.
    // oldWon closed 2025 (> 90 days ago) is left alone.
    expect(made.map((i) => [i.sourceKey, i.at.slice(0, 10), i.userId, i.type])).toEqual([
      ['auto:won_followup:bigWon', asIsoDate('2026-12-20'), 'r2', 'visit'],
      ['auto:won_followup:lateWon', asIsoDate('2026-11-23'), 'r1', 'visit'],
    ]);
  });
});

describe('won deals are dated by their local close day', () => {
  it('a deal won at 00:30 in Berlin was won that day, in winter and in summer', () => {
    // 2026-11-22 23:30 UTC = 11-23 00:30 in Berlin; 2026-07-05 22:30 UTC = 07-06 00:30.
    const winter = deal('w', { accountId: 'acc', ownerId: 'r1', stage: 'won', value: 1, createdAt: '2026-11-01T09:00:00.000Z', closedAt: '2026-11-22T23:30:00.000Z' });
    const summer = deal('s', { accountId: 'acc', ownerId: 'r1', stage: 'won', value: 1, createdAt: '2026-07-01T09:00:00.000Z', closedAt: '2026-07-05T22:30:00.000Z' });
    const due = (tz: string, today: IsoDate) =>
      wonFollowUpVisits([winter, summer], { afterDays: 30, maxAgeDays: 140 }, { ...ctx(), today, tz }).map((i) => i.at.slice(0, 10));
    // On 11-23 the summer win is 140 days old in Berlin (kept, due today) but 141 in UTC (too old).
    expect(due('Europe/Berlin', asIsoDate('2026-11-23'))).toEqual([asIsoDate('2026-12-23'), asIsoDate('2026-11-23')]);
    expect(due('UTC', asIsoDate('2026-11-23'))).toEqual([asIsoDate('2026-12-22')]);
    expect(due('Europe/Berlin', asIsoDate('2026-07-06'))).toEqual([asIsoDate('2026-08-05')]);
    expect(due('UTC', asIsoDate('2026-07-06'))).toEqual([asIsoDate('2026-08-04')]);
  });
});

describe('birthday creates a greeting draft', () => {
  const accounts = [account('acc', { ownerId: 'r3', name: 'Müller Haustechnik GmbH' }), account('gone', { lifecycle: 'former' })];
  it('within the next N days: letter by default, e-mail only with preference, address and consent', () => {
    const contacts = [
      contact('c1', { birthday: { day: 25, month: 11 } }),
      contact('c2', { birthday: { day: 30, month: 11, year: 1970 }, preferredChannel: 'email', email: 'a@b.de', consent: { granted: true, date: asIsoDate('2025-01-01'), source: 'Messe' } }),
      contact('c3', { birthday: { day: 30, month: 11 }, preferredChannel: 'email', email: 'x@y.de' }),
      contact('c4', { birthday: { day: 1, month: 12 } }),
      contact('c5', { birthday: { day: 24, month: 11 }, accountId: 'gone' }),
      contact('c6', { birthday: { day: 24, month: 11 }, erased: true }),
    ];
    const made = birthdayGreetings(contacts, accounts, { daysAhead: 7, prepareDaysBefore: 3 }, ctx());
    // Horizon 11-30. c1: 11-25 − 3 = 11-22 → today. c2: 11-30 − 3 = 11-27, e-mail. c3: no consent → letter.
    // c4 (12-01) is beyond 7 days; c5's account is a former customer; c6 was erased.
    expect(made.map((i) => [i.sourceKey, i.type, i.at.slice(0, 10), i.userId, i.contactIds])).toEqual([
      ['auto:birthday:c1:2026', 'letter', asIsoDate('2026-11-23'), 'r3', ['c1']],
      ['auto:birthday:c2:2026', 'email', asIsoDate('2026-11-27'), 'r3', ['c2']],
      ['auto:birthday:c3:2026', 'letter', asIsoDate('2026-11-27'), 'r3', ['c3']],
    ]);
    expect(made[0]?.subject).toBe('Geburtstagsgruß an Jana Öztürk');
    expect(made[0]?.summary).toContain('Herzlichen Glückwunsch zum Geburtstag, Jana Öztürk!');
  });
  it('crosses the year end and handles 29 February', () => {
    expect(nextBirthday(2, 1, asIsoDate('2026-12-28'))).toBe('2027-01-02');
    expect(nextBirthday(29, 2, asIsoDate('2026-01-10'))).toBe('2026-02-28');
    expect(nextBirthday(29, 2, asIsoDate('2027-12-01'))).toBe('2028-02-29');
    const made = birthdayGreetings([contact('c1', { birthday: { day: 2, month: 1 } })], accounts, { daysAhead: 7 }, { ...ctx(), today: asIsoDate('2026-12-28') });
    expect(made.map((i) => i.sourceKey)).toEqual(['auto:birthday:c1:2027']);
  });
});

describe('idempotency', () => {
  const rules: AutomationRule[] = [
    { id: 'r1', updatedAt: 0, kind: 'deal_value_call', params: { minValue: 5000 }, enabled: true },
    { id: 'r2', updatedAt: 0, kind: 'won_deal_followup', params: { afterDays: 14 }, enabled: true },
    { id: 'r3', updatedAt: 0, kind: 'birthday_greeting', params: {}, enabled: true },
    { id: 'r4', updatedAt: 0, kind: 'deal_value_call', params: { minValue: 1 }, enabled: false },
  ];
  const data = { deals, contacts: [contact('c1', { birthday: { day: 25, month: 11 } })], accounts: [account('acc', {})] };
  it('running twice creates nothing new', () => {
    const first = runAutomation(rules, data, ctx());
    // big (25 000 > 5 000), exact (10 000 > 5 000); bigWon, lateWon; c1's birthday.
    expect(first.map((i) => i.sourceKey).sort()).toEqual([
      'auto:birthday:c1:2026', 'auto:deal_value_call:big', 'auto:deal_value_call:exact', 'auto:won_followup:bigWon', 'auto:won_followup:lateWon',
    ]);
    const second = runAutomation(rules, data, ctx(existingSourceKeys(first)));
    expect(second).toEqual([]);
  });
  it('a deleted task does not come back; ids are the same on every laptop', () => {
    const first = runAutomation(rules, data, ctx());
    const trashed = first.map((i) => ({ ...i, deletedAt: 5 }));
    expect(runAutomation(rules, data, ctx(existingSourceKeys(trashed)))).toEqual([]);
    const again = runAutomation(rules, data, ctx());
    expect(again.map((i) => i.id)).toEqual(first.map((i) => i.id));
    expect(first[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(first.map((i) => i.id)).size).toBe(first.length);
  });
  it('one seat creates only its own tasks', () => {
    const mine = runAutomation(rules, data, { ...ctx(), forUserId: 'r2' });
    expect(mine.map((i) => i.sourceKey)).toEqual(['auto:won_followup:bigWon']);
  });
});
