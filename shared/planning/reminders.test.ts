import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReminderState } from '../domain';
import { addDays, fromDayNumber, toDayNumber } from './calendar';
import { makeAccount, makeContact, makeDeal, makeInteraction } from './fixtures';
import { computeReminders, DEFAULT_REMINDER_SETTINGS, sortReminders, type ReminderInput } from './reminders';
import { DEFAULT_RHYTHMS } from './rhythm';
import { asIsoDate } from '../time';

const settings = { ...DEFAULT_REMINDER_SETTINGS, tz: 'Europe/Berlin' };
const input = (over: Partial<ReminderInput> = {}): ReminderInput => ({
  accounts: [makeAccount({ lastHumanContactAt: '2026-11-20T09:00:00.000Z' })], contacts: [], interactions: [], deals: [],
  rhythms: DEFAULT_RHYTHMS, states: [], ...over,
});
const state = (id: string, over: Partial<ReminderState> = {}): ReminderState => ({ id, updatedAt: 1, state: 'done', ...over });

describe('computeReminders', () => {
  it('raises due and overdue visits with keys stable for the due cycle', () => {
    const accounts = [
      makeAccount({ id: 'due', lastHumanContactAt: '2026-10-10T09:00:00.000Z' }), // A-expand 42 → due 2026-11-21
      makeAccount({ id: 'late', lastHumanContactAt: '2026-09-01T09:00:00.000Z' }), // due 2026-10-13, overdue
      makeAccount({ id: 'fresh', lastHumanContactAt: '2026-11-20T09:00:00.000Z' }),
      makeAccount({ id: 'lead', lifecycle: 'lead', lastHumanContactAt: '2026-01-01T09:00:00.000Z' }),
    ];
    const r = computeReminders(input({ accounts }), asIsoDate('2026-11-23'), settings);
    expect(r).toEqual([
      { key: 'due:due:2026-11-21', kind: 'due', dueDate: asIsoDate('2026-11-21'), accountId: 'due', params: { daysOverdue: 2, rhythmDays: 42 } },
      { key: 'overdue:late:2026-10-13', kind: 'overdue', dueDate: asIsoDate('2026-10-13'), accountId: 'late', params: { daysOverdue: 41, rhythmDays: 42 } },
    ]);
  });

  it('reminds of birthdays with lead time, age and a per-year key', () => {
    const contacts = [
      makeContact({ id: 'c1', birthday: { day: 27, month: 11, year: 1966 } }),
      makeContact({ id: 'c2', birthday: { day: 2, month: 1 } }),
      makeContact({ id: 'gone', birthday: { day: 25, month: 11 }, deletedAt: 5 }),
    ];
    const r = computeReminders(input({ contacts }), asIsoDate('2026-11-23'), settings);
    expect(r).toEqual([{ key: 'birthday:c1:2026', kind: 'birthday', dueDate: asIsoDate('2026-11-27'), accountId: 'acc-1', contactId: 'c1', params: { daysUntil: 4, age: 60 } }]);
    const dec = computeReminders(input({ contacts }), asIsoDate('2026-12-28'), settings);
    expect(dec.map((x) => x.key)).toEqual(['birthday:c2:2027']);
  });

  it('handles 29 February birthdays in a non-leap year', () => {
    const contacts = [makeContact({ id: 'leap', birthday: { day: 29, month: 2, year: 1988 } })];
    const r = computeReminders(input({ contacts }), asIsoDate('2027-02-25'), settings).filter((x) => x.kind === 'birthday');
    expect(r[0]).toMatchObject({ key: 'birthday:leap:2027', dueDate: asIsoDate('2027-02-28'), params: { age: 39, daysUntil: 3 } });
  });

  it('reminds of follow-ups until a later contact handles them', () => {
    const i = makeInteraction({ id: 'i1', at: '2026-11-20T09:00:00.000Z', followUpDate: asIsoDate('2026-11-23'), nextStep: 'Angebot nachfassen' });
    const r = computeReminders(input({ interactions: [i] }), asIsoDate('2026-11-23'), settings);
    expect(r).toEqual([{
      key: 'follow_up:i1:2026-11-23', kind: 'follow_up', dueDate: asIsoDate('2026-11-23'), accountId: 'acc-1', interactionId: 'i1',
      params: { days: 0, subject: 'Angebot nachfassen' },
    }]);
    expect(computeReminders(input({ interactions: [i] }), asIsoDate('2026-11-22'), settings)).toEqual([]);
    const called = makeAccount({ lastHumanContactAt: '2026-11-20T09:00:00.000Z', lastDigitalContactAt: '2026-11-22T08:00:00.000Z' });
    expect(computeReminders(input({ accounts: [called], interactions: [i] }), asIsoDate('2026-11-23'), settings)).toEqual([]);
  });

  it('joins several follow-ups of one account, of other reps and of unknown accounts correctly', () => {
    const a = makeAccount({ id: 'a', lastHumanContactAt: '2026-11-10T09:00:00.000Z' });
    const other = makeAccount({ id: 'b', ownerId: 'rep-2', lastHumanContactAt: '2026-11-10T09:00:00.000Z' });
    const fu = (id: string, accountId: string, at: string) => makeInteraction({ id, accountId, at, followUpDate: asIsoDate('2026-11-20') });
    const interactions = [
      fu('i1', 'a', '2026-11-01T09:00:00.000Z'), // handled by the contact on 10 Nov
      fu('i2', 'a', '2026-11-12T09:00:00.000Z'), // open: nothing happened after it
      fu('i3', 'a', '2026-11-13T09:00:00.000Z'), // open too, same account
      fu('i4', 'b', '2026-11-12T09:00:00.000Z'), // rep-2's account
      fu('i5', 'gone', '2026-11-12T09:00:00.000Z'), // account not in the book
    ];
    const keys = (ownerId?: string) =>
      computeReminders(input({ accounts: [a, other], interactions, ownerId }), asIsoDate('2026-11-23'), settings).filter((r) => r.kind === 'follow_up').map((r) => r.key);
    expect(keys()).toEqual(['follow_up:i2:2026-11-20', 'follow_up:i3:2026-11-20', 'follow_up:i4:2026-11-20']);
    expect(keys('rep-1')).toEqual(['follow_up:i2:2026-11-20', 'follow_up:i3:2026-11-20']);
  });

  it('joins rows to the right account when account ids differ only in front (same hash)', () => {
    // hashId reads the length and the last characters: these ids collide and must still be told apart.
    const live = makeAccount({ id: 'north-000042', lastHumanContactAt: '2026-11-10T09:00:00.000Z' });
    const gone = makeAccount({ id: 'south-000042', archived: true, lastHumanContactAt: '2026-11-10T09:00:00.000Z' });
    const contacts = [makeContact({ id: 'c1', accountId: 'north-000042', birthday: { day: 24, month: 11 } }), makeContact({ id: 'c2', accountId: 'south-000042', birthday: { day: 24, month: 11 } })];
    const fu = (id: string, accountId: string) => makeInteraction({ id, accountId, at: '2026-11-12T09:00:00.000Z', followUpDate: asIsoDate('2026-11-20') });
    const r = computeReminders(input({ accounts: [gone, live], contacts, interactions: [fu('i1', 'south-000042'), fu('i2', 'north-000042')] }), asIsoDate('2026-11-23'), settings);
    expect(r.map((x) => x.key)).toEqual(['follow_up:i2:2026-11-20', 'birthday:c1:2026']);
    expect(r.every((x) => x.accountId === 'north-000042')).toBe(true);
  });

  it('flags offers without follow-up and complaints open too long', () => {
    const deals = [
      makeDeal({ id: 'd1', offerSentAt: '2026-11-01T10:00:00.000Z' }),
      makeDeal({ id: 'd2', offerSentAt: '2026-11-01T10:00:00.000Z', lastFollowUpAt: '2026-11-20T10:00:00.000Z' }),
      makeDeal({ id: 'd3', stage: 'won', offerSentAt: '2026-10-01T10:00:00.000Z' }),
    ];
    const interactions = [
      makeInteraction({ id: 'k1', type: 'complaint', at: '2026-11-10T10:00:00.000Z', complaint: { status: 'in_progress', ownerId: 'rep-1', resolution: '' } }),
      makeInteraction({ id: 'k2', type: 'complaint', at: '2026-11-10T10:00:00.000Z', complaint: { status: 'resolved', ownerId: 'rep-1', resolution: 'ok' } }),
      makeInteraction({ id: 'k3', type: 'complaint', at: '2026-11-20T10:00:00.000Z' }),
    ];
    const r = computeReminders(input({ deals, interactions }), asIsoDate('2026-11-23'), settings);
    expect(r).toEqual([
      { key: 'complaint_open:k1', kind: 'complaint_open', dueDate: asIsoDate('2026-11-17'), accountId: 'acc-1', interactionId: 'k1', params: { days: 13, status: 'in_progress' } },
      { key: 'offer_no_follow_up:d1:2026-11-01', kind: 'offer_no_follow_up', dueDate: asIsoDate('2026-11-15'), accountId: 'acc-1', dealId: 'd1', params: { days: 22, value: 10_000, title: 'Wartungsvertrag' } },
    ]);
  });

  it('never shows done reminders again and brings snoozed ones back after snoozedUntil', () => {
    const contacts = [makeContact({ id: 'c1', birthday: { day: 27, month: 11 } })];
    const key = 'birthday:c1:2026';
    expect(computeReminders(input({ contacts, states: [state(key)] }), asIsoDate('2026-11-23'), settings)).toEqual([]);
    const snoozed = new Map([[key, state(key, { state: 'snoozed', snoozedUntil: '2026-11-24T23:30:00.000Z' })]]);
    expect(computeReminders(input({ contacts, states: snoozed }), asIsoDate('2026-11-24'), settings)).toEqual([]);
    expect(computeReminders(input({ contacts, states: snoozed }), asIsoDate('2026-11-25'), settings)).toHaveLength(1); // 00:30 Berlin on the 25th
    expect(computeReminders(input({ contacts, states: snoozed }), asIsoDate('2026-11-25'), { ...settings, now: Date.UTC(2026, 10, 24, 23) })).toEqual([]);
    // Next year's birthday is a new thing: done this year does not silence it.
    const nextYear = computeReminders(input({ contacts, states: [state(key)] }), asIsoDate('2027-11-23'), settings);
    expect(nextYear.filter((x) => x.kind === 'birthday').map((x) => x.key)).toEqual(['birthday:c1:2027']);
  });

  it('ignores archived and trashed accounts, and filters by owner', () => {
    const contacts = [makeContact({ id: 'c1', accountId: 'x', birthday: { day: 24, month: 11 } }), makeContact({ id: 'c2', accountId: 'y', birthday: { day: 24, month: 11 } })];
    const accounts = [makeAccount({ id: 'x', archived: true }), makeAccount({ id: 'y', ownerId: 'rep-2', lastHumanContactAt: '2026-11-20T09:00:00.000Z' })];
    expect(computeReminders(input({ accounts, contacts }), asIsoDate('2026-11-23'), settings).map((r) => r.key)).toEqual(['birthday:c2:2026']);
    expect(computeReminders(input({ accounts, contacts, ownerId: 'rep-1' }), asIsoDate('2026-11-23'), settings)).toEqual([]);
    expect(computeReminders(input({ accounts, contacts, ownerId: 'rep-2' }), asIsoDate('2026-11-23'), settings)).toHaveLength(1);
  });

  it('sorts by due date, then urgency', () => {
    const contacts = [makeContact({ id: 'c1', birthday: { day: 21, month: 11 } }), makeContact({ id: 'c2', birthday: { day: 20, month: 11 } })];
    const accounts = [makeAccount({ lastHumanContactAt: '2026-10-10T09:00:00.000Z' })]; // due 2026-11-21
    const sorted = sortReminders(computeReminders(input({ accounts, contacts }), asIsoDate('2026-11-23'), settings));
    expect(sorted.map((r) => r.key)).toEqual(['birthday:c2:2026', 'due:acc-1:2026-11-21', 'birthday:c1:2026']);
  });

  it('shows each birthday on lead + late + 1 days a year under one key, even across New Year', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 21 }), (month, day, lead) => {
      const contacts = [makeContact({ id: 'c', birthday: { day, month, year: 1970 } })];
      const seen = new Map<string, number>();
      const s = { ...settings, birthdayLeadDays: lead, birthdayLateDays: 2 };
      for (let n = toDayNumber(asIsoDate('2027-01-01')); n <= toDayNumber(asIsoDate('2029-12-31')); n++) {
        for (const r of computeReminders(input({ contacts }), fromDayNumber(n), s)) if (r.kind === 'birthday') seen.set(r.key, (seen.get(r.key) ?? 0) + 1);
      }
      for (const y of [2028]) expect(seen.get(`birthday:c:${y}`)).toBe(lead + 3);
      for (const [, count] of seen) expect(count).toBeLessThanOrEqual(lead + 3);
    }), { numRuns: 25 });
  });

  it('never shows a key again once it is done', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), (offset) => {
      const today = addDays(asIsoDate('2026-01-01'), offset);
      const i = input({
        accounts: [makeAccount({ lastHumanContactAt: '2025-12-01T09:00:00.000Z' })],
        contacts: [makeContact({ birthday: { day: 1 + (offset % 28), month: 1 + (offset % 12) } })],
        interactions: [makeInteraction({ at: '2025-12-01T09:00:00.000Z', followUpDate: asIsoDate('2026-01-15') })],
      });
      const first = computeReminders(i, today, settings);
      const again = computeReminders({ ...i, states: first.map((r) => state(r.key)) }, today, settings);
      expect(again).toEqual([]);
    }), { numRuns: 50 });
  });
});
