import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../domain';
import { makeAccount, makeContact, makeInteraction } from './fixtures';
import { DEFAULT_RHYTHMS } from './rhythm';
import { areaKeyOf, proposeWeekPlan, type WeekPlan, type WeekPlanInput } from './week-plan';
import { addEntry, dropEntry, findEntry, moveEntry, planEntries } from './week-plan-edit';
import { asIsoDate } from '../time';

const TZ = 'Europe/Berlin';
const base = (over: Partial<WeekPlanInput> = {}): WeekPlanInput => ({
  rep: 'rep-1', isoYear: 2026, isoWeek: 48, accounts: [], interactions: [], rhythms: DEFAULT_RHYTHMS, maxVisitsPerDay: 3, tz: TZ, ...over,
});
/** A-expand rhythm 42, grace 11: last contact N days before Monday 2026-11-23 → N − 42 days overdue. */
const acc = (id: string, daysAgo: number | null, over: Partial<Account> = {}): Account => makeAccount({
  id, lastHumanContactAt: daysAgo === null ? undefined : new Date(Date.UTC(2026, 10, 23, 9) - daysAgo * 86_400_000).toISOString(), ...over,
});
const ids = (plan: WeekPlan): string[] => planEntries(plan).map((e) => e.entry.accountId);

describe('proposeWeekPlan', () => {
  it('pins the rep’s appointments to their day and local time', () => {
    const interactions = [
      makeInteraction({ id: 'v1', accountId: 'x', status: 'planned', at: '2026-11-25T13:00:00.000Z' }),
      makeInteraction({ id: 'v2', accountId: 'y', status: 'planned', at: '2026-11-25T13:00:00.000Z', userId: 'rep-2' }),
      makeInteraction({ id: 'v3', accountId: 'z', status: 'planned', type: 'call', at: '2026-11-25T13:00:00.000Z' }),
      makeInteraction({ id: 'v4', accountId: 'w', status: 'planned', at: '2026-11-28T08:00:00.000Z' }), // Saturday
    ];
    const plan = proposeWeekPlan(base({ interactions, accounts: [acc('x', 1, { postalCode: '10115', city: 'Berlin' })] }));
    expect(plan.days.map((d) => d.date)).toEqual([asIsoDate('2026-11-23'), asIsoDate('2026-11-24'), asIsoDate('2026-11-25'), asIsoDate('2026-11-26'), asIsoDate('2026-11-27'), asIsoDate('2026-11-28')]);
    expect(plan.days[2]?.areas).toEqual([{ areaKey: '10 Berlin', entries: [{ accountId: 'x', reason: 'appointment', time: '14:00', interactionId: 'v1', start: '14:00', end: '15:00' }] }]);
    expect(plan.days[5]?.areas[0]?.entries[0]).toMatchObject({ accountId: 'w', time: '09:00' });
    expect(ids(plan)).toEqual(['x', 'w']);
  });

  it('ranks overdue (A before D, most overdue first), then due, never visited, follow-ups, birthdays', () => {
    const accounts = [
      acc('d-over', 500, { category: 'D', accountType: 'maintain' }), acc('a-over-60', 102), acc('a-over-90', 132),
      acc('a-due', 45), acc('a-due-fri', 39), acc('never', null), acc('ok', 5), acc('fu', 5), acc('bd', 5),
      acc('lead', 400, { lifecycle: 'lead' }), acc('other', 400, { ownerId: 'rep-2' }),
    ];
    const interactions = [makeInteraction({ accountId: 'fu', at: '2026-11-10T09:00:00.000Z', followUpDate: asIsoDate('2026-11-26') })];
    const contactsByAccount = new Map([['bd', [makeContact({ id: 'c', accountId: 'bd', birthday: { day: 29, month: 11 } })]]]);
    const plan = proposeWeekPlan(base({ accounts, interactions, contactsByAccount, maxVisitsPerDay: 2 }));
    const order = ['a-over-90', 'a-over-60', 'd-over', 'a-due', 'a-due-fri', 'never', 'fu', 'bd'];
    expect(new Set(ids(plan))).toEqual(new Set(order));
    const reasons = Object.fromEntries(planEntries(plan).map((e) => [e.entry.accountId, e.entry.reason]));
    expect(reasons).toMatchObject({ 'a-over-90': 'overdue', 'd-over': 'overdue', 'a-due': 'due', 'a-due-fri': 'due', never: 'due', fu: 'follow_up', bd: 'birthday' });
    for (let cap = 1; cap <= order.length; cap++) {
      const small = proposeWeekPlan(base({ accounts, interactions, contactsByAccount, maxVisitsPerDay: 1, holidays: [asIsoDate('2026-11-23'), asIsoDate('2026-11-24'), asIsoDate('2026-11-25'), asIsoDate('2026-11-26'), asIsoDate('2026-11-27')].slice(0, 5 - Math.min(cap, 5)) }));
      expect(new Set(ids(small))).toEqual(new Set(order.slice(0, Math.min(cap, 5))));
      expect(small.unplanned).toBe(order.length - Math.min(cap, 5));
    }
  });

  it('keeps an area together on one day when it fits', () => {
    const accounts = [
      ...['m1', 'm2', 'm3'].map((id, k) => acc(id, 100 + k, { postalCode: '80331', city: 'München' })),
      ...['b1', 'b2', 'b3'].map((id, k) => acc(id, 100 + k, { postalCode: '10115', city: 'Berlin' })),
      acc('h1', 150, { postalCode: '20095', city: 'Hamburg' }),
    ];
    const plan = proposeWeekPlan(base({ accounts }));
    const dayOf = (id: string) => findEntry(plan, id)?.date;
    expect(new Set(['m1', 'm2', 'm3'].map(dayOf)).size).toBe(1);
    expect(new Set(['b1', 'b2', 'b3'].map(dayOf)).size).toBe(1);
    expect(dayOf('m1')).not.toBe(dayOf('b1'));
    expect(plan.days.flatMap((d) => d.areas.map((a) => a.areaKey))).toEqual(expect.arrayContaining(['80 München', '10 Berlin', '20 Hamburg']));
  });

  it('counts follow-ups a colleague logged on the rep’s account', () => {
    const interactions = [makeInteraction({ accountId: 'fu', userId: 'rep-2', at: '2026-11-10T09:00:00.000Z', followUpDate: asIsoDate('2026-11-24') })];
    const plan = proposeWeekPlan(base({ accounts: [acc('fu', 5)], interactions }));
    expect(findEntry(plan, 'fu')?.entry).toMatchObject({ reason: 'follow_up' });
  });

  it('joins an area to the day that already has an appointment there', () => {
    const accounts = [acc('m1', 100, { postalCode: '80331', city: 'München' }), acc('appt', 1, { postalCode: '80469', city: 'München' })];
    const interactions = [makeInteraction({ accountId: 'appt', status: 'planned', at: '2026-11-26T09:00:00.000Z' })];
    expect(findEntry(proposeWeekPlan(base({ accounts, interactions })), 'm1')?.date).toBe('2026-11-26');
  });

  it('skips holidays and handles week 53 across New Year', () => {
    const plan = proposeWeekPlan(base({ isoYear: 2026, isoWeek: 53, accounts: [acc('a', 200)], holidays: [asIsoDate('2027-01-01')] }));
    expect(plan.days.map((d) => d.date)).toEqual([asIsoDate('2026-12-28'), asIsoDate('2026-12-29'), asIsoDate('2026-12-30'), asIsoDate('2026-12-31')]);
    expect(ids(plan)).toEqual(['a']);
  });

  it('contains every overdue account up to capacity, never overfills a day, and is deterministic', () => {
    fc.assert(fc.property(fc.array(fc.record({ ago: fc.integer({ min: 0, max: 300 }), cat: fc.constantFrom('A', 'B', 'C', 'D' as const), plz: fc.constantFrom('80331', '10115', '50667') }), { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (rows, max) => {
      const accounts = rows.map((r, k) => acc(`a${String(k).padStart(2, '0')}`, r.ago, { category: r.cat, postalCode: r.plz, city: r.plz }));
      const plan = proposeWeekPlan(base({ accounts, maxVisitsPerDay: max }));
      const planned = new Set(ids(plan));
      expect(planned.size).toBe(ids(plan).length); // no account twice
      for (const d of plan.days) expect(d.areas.reduce((s, a) => s + a.entries.length, 0)).toBeLessThanOrEqual(max);
      const overdue = planEntries(proposeWeekPlan(base({ accounts, maxVisitsPerDay: 1000 }))).filter((e) => e.entry.reason === 'overdue').map((e) => e.entry.accountId);
      const capacity = 5 * max;
      if (overdue.length <= capacity) for (const id of overdue) expect(planned.has(id)).toBe(true);
      else expect(planEntries(plan).every((e) => e.entry.reason === 'overdue')).toBe(true);
      expect(proposeWeekPlan(base({ accounts: [...accounts].reverse(), maxVisitsPerDay: max }))).toEqual(plan);
    }), { numRuns: 60 });
  });
});

describe('plan edits', () => {
  const plan = proposeWeekPlan(base({ accounts: [acc('a', 100), acc('b', 101, { postalCode: '10115', city: 'Berlin' })], maxVisitsPerDay: 1 }));

  it('moves, adds and drops entries without touching the original', () => {
    const from = findEntry(plan, 'a');
    const moved = moveEntry(plan, 'a', asIsoDate('2026-11-27'));
    expect(findEntry(moved, 'a')).toMatchObject({ date: asIsoDate('2026-11-27'), areaKey: '80 München' });
    expect(findEntry(plan, 'a')).toEqual(from);
    const added = addEntry(moved, asIsoDate('2026-11-28'), areaKeyOf({ postalCode: '50667', city: 'Köln' }), { accountId: 'c', reason: 'due', manual: true });
    expect(added.days.map((d) => d.date).at(-1)).toBe('2026-11-28');
    expect(findEntry(added, 'c')).toMatchObject({ areaKey: '50 Köln', entry: { manual: true } });
    const dropped = dropEntry(added, 'b');
    expect(findEntry(dropped, 'b')).toBeNull();
    expect(planEntries(dropped)).toHaveLength(2);
    expect(dropped.days.every((d) => d.areas.every((a) => a.entries.length > 0))).toBe(true);
    expect(moveEntry(plan, 'missing', asIsoDate('2026-11-27'))).toBe(plan);
  });

  it('re-adding an account moves it, and timed entries sort by time', () => {
    let p = addEntry(plan, asIsoDate('2026-11-24'), '80 München', { accountId: 't2', reason: 'appointment', time: '15:00' });
    p = addEntry(p, asIsoDate('2026-11-24'), '80 München', { accountId: 't1', reason: 'appointment', time: '08:00' });
    p = addEntry(p, asIsoDate('2026-11-25'), '80 München', { accountId: 't1', reason: 'appointment', time: '08:00' });
    expect(planEntries(p).filter((e) => e.entry.accountId === 't1')).toHaveLength(1);
    const tue = p.days.find((d) => d.date === asIsoDate('2026-11-24'))?.areas.find((a) => a.areaKey === '80 München')?.entries ?? [];
    expect(tue.map((e) => e.accountId).indexOf('t2')).toBeGreaterThanOrEqual(0);
  });
});
