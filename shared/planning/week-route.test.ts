import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentKey, type Account, type Category } from '../domain';
import type { GeoPlace, GeoPoint } from '../geo/types';
import { asIsoDate } from '../time';
import { makeAccount, makeContact, makeInteraction } from './fixtures';
import { defaultRepWeek } from './rep-week';
import { DEFAULT_RHYTHMS } from './rhythm';
import { minutesOf } from './schedule';
import { proposeWeekPlan, type WeekPlan, type WeekPlanInput } from './week-plan';
import { scheduleOf, weekTotals } from './week-plan-visits';
import { findEntry, planEntries } from './week-plan-edit';

const TZ = 'Europe/Berlin';
const MONDAY = Date.UTC(2026, 10, 23, 9); // KW 48/2026
const PLZ: Record<string, [string, GeoPoint]> = {
  80331: ['München', { lat: 48.137, lon: 11.575 }], 85354: ['Freising', { lat: 48.403, lon: 11.741 }],
  85049: ['Ingolstadt', { lat: 48.765, lon: 11.424 }], 86150: ['Augsburg', { lat: 48.366, lon: 10.898 }],
  50667: ['Köln', { lat: 50.938, lon: 6.957 }], 53111: ['Bonn', { lat: 50.735, lon: 7.099 }], 45127: ['Essen', { lat: 51.455, lon: 7.011 }],
  20095: ['Hamburg', { lat: 53.551, lon: 9.994 }],
};
const HOME: GeoPlace = { lat: 48.137, lon: 11.575, precision: 'postcode', label: '80331 München' };
const acc = (id: string, plz: string, daysAgo: number | null, over: Partial<Account> = {}): Account => makeAccount({
  id, postalCode: plz, city: PLZ[plz]?.[0] ?? '', lastHumanContactAt: daysAgo === null ? undefined : new Date(MONDAY - daysAgo * 86_400_000).toISOString(), ...over,
});
const byPlz = (a: Account): GeoPoint | undefined => PLZ[a.postalCode]?.[1];
const base = (over: Partial<WeekPlanInput> = {}): WeekPlanInput => ({
  rep: 'rep-1', isoYear: 2026, isoWeek: 48, accounts: [], interactions: [], rhythms: DEFAULT_RHYTHMS, maxVisitsPerDay: 4, tz: TZ,
  pointOf: byPlz, startPoint: HOME, ...over,
});
const dayOf = (plan: WeekPlan, id: string) => findEntry(plan, id)?.date;

describe('routed week plan', () => {
  it('gives each area its own day, starts and ends at home, and adds up km and minutes', () => {
    const accounts = [
      ...['80331', '85354', '85049', '86150'].map((plz, k) => acc(`by${k}`, plz, 100 + k)),
      ...['50667', '53111', '45127'].map((plz, k) => acc(`nrw${k}`, plz, 100 + k)),
    ];
    // A long day at motorway speed, so that Frankfurt–Munich and Frankfurt–Ruhr each fit one day.
    const repWeek = { ...defaultRepWeek(), workStart: '06:00', workEnd: '21:00', speedKmh: 100 };
    const plan = proposeWeekPlan(base({ accounts, repWeek, startPoint: { ...HOME, lat: 50.1, lon: 8.7, label: 'Frankfurt' } }));
    expect(new Set(['by0', 'by1', 'by2', 'by3'].map((id) => dayOf(plan, id))).size).toBe(1);
    expect(new Set(['nrw0', 'nrw1', 'nrw2'].map((id) => dayOf(plan, id))).size).toBe(1);
    expect(dayOf(plan, 'by0')).not.toBe(dayOf(plan, 'nrw0'));
    for (const day of plan.days.filter((d) => d.areas.length > 0)) {
      const entries = day.areas.flatMap((a) => a.entries);
      expect(day.from?.label).toBe('Frankfurt');
      const legKm = entries.reduce((s, e) => s + (e.driveKm ?? 0), 0);
      expect(day.km).toBeGreaterThan(legKm); // plus the drive back
      expect(minutesOf(day.back ?? '99:99')).toBeLessThanOrEqual(21 * 60);
      expect(entries.every((e) => e.driveMinutes !== undefined && e.driveMinutes >= 10 && e.point)).toBe(true);
    }
    const totals = weekTotals(scheduleOf(plan));
    expect(totals.km ?? 0).toBeCloseTo(plan.days.reduce((s, d) => s + (d.km ?? 0), 0), 1);
    expect(totals.km ?? 0).toBeGreaterThan(2 * 380); // Frankfurt–Köln and –München and back, at least
    expect(plan.leftOut).toEqual([]);
  });

  it('keeps an appointment at its time, shows the wait, and fits visits before it', () => {
    const accounts = [acc('appt', '86150', 5, { category: 'B' }), acc('near', '80331', 100)];
    const interactions = [makeInteraction({ id: 'v', accountId: 'appt', status: 'planned', at: '2026-11-23T12:00:00.000Z' })]; // 13:00 local
    const plan = proposeWeekPlan(base({ accounts, interactions }));
    const mon = plan.days[0];
    const [near, appt] = mon?.areas.flatMap((a) => a.entries) ?? [];
    expect(near).toMatchObject({ accountId: 'near', start: '08:10', end: '09:10', driveKm: 0, driveMinutes: 10 });
    expect(appt).toMatchObject({ accountId: 'appt', start: '13:00', end: '13:45', time: '13:00' });
    // Augsburg is 56 km from Munich as the crow flies: 73 road km, 74 minutes at 60 km/h.
    expect(appt?.driveKm).toBeCloseTo(73.1, 1);
    expect(appt?.driveMinutes).toBe(74);
    expect(minutesOf(appt?.start ?? '')).toBe(minutesOf(near?.end ?? '') + (appt?.driveMinutes ?? 0) + (appt?.waitMinutes ?? 0));
    expect(appt?.waitMinutes).toBe(156);
    expect(mon?.back).toBe('14:59');
    expect(mon?.driveMinutes).toBe(10 + 74 + 74);
    expect(mon?.km).toBeCloseTo(2 * 73.1, 0);
  });

  it('never runs a day past working hours: what cannot be reached is left out, most urgent first', () => {
    const accounts = [acc('hh', '20095', 200), acc('m', '80331', 100), acc('k', '50667', 300)];
    const plan = proposeWeekPlan(base({ accounts, repWeek: { ...defaultRepWeek(), workEnd: '15:00' } }));
    expect(planEntries(plan).map((e) => e.entry.accountId)).toEqual(['m']);
    expect(plan.leftOut).toEqual([
      { accountId: 'k', reason: 'capacity', entryReason: 'overdue' }, { accountId: 'hh', reason: 'capacity', entryReason: 'overdue' },
    ]);
    expect(plan.unplanned).toBe(2);
  });

  it('lists accounts the geocoder cannot place instead of planning them blind', () => {
    const plan = proposeWeekPlan(base({ accounts: [acc('x', '99999', 100), acc('m', '80331', 100)] }));
    expect(planEntries(plan).map((e) => e.entry.accountId)).toEqual(['m']);
    expect(plan.leftOut).toEqual([{ accountId: 'x', reason: 'not_placed', entryReason: 'overdue' }]);
  });

  it('puts a birthday and a follow-up on their own day when it has room', () => {
    const accounts = [acc('bd', '85049', 5), acc('fu', '85354', 5), ...[0, 1, 2].map((k) => acc(`m${k}`, '86150', 100 + k))];
    const contactsByAccount = new Map([['bd', [makeContact({ id: 'c', accountId: 'bd', birthday: { day: 23, month: 11 } })]]]);
    const interactions = [makeInteraction({ accountId: 'fu', at: '2026-11-10T09:00:00.000Z', followUpDate: asIsoDate('2026-11-24') })];
    const plan = proposeWeekPlan(base({ accounts, contactsByAccount, interactions }));
    expect(dayOf(plan, 'bd')).toBe('2026-11-23');
    expect(dayOf(plan, 'fu')).toBe('2026-11-24');
  });

  it('estimates a drive of at least the minimum between accounts in the same town', () => {
    const plan = proposeWeekPlan(base({ accounts: [acc('a', '80331', 100), acc('b', '80331', 101)], startPoint: undefined }));
    const entries = planEntries(plan).map((e) => e.entry);
    expect(entries[0]?.driveMinutes).toBeUndefined(); // no start point: the day begins at the first visit
    expect(entries[1]).toMatchObject({ driveKm: 0, driveMinutes: 10, start: '09:10' });
  });
});

const BAVARIA = fc.record({ lat: fc.double({ min: 47.6, max: 50.3, noNaN: true }), lon: fc.double({ min: 9.2, max: 13.6, noNaN: true }) });
const row = fc.record({ ago: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), cat: fc.constantFrom<Category>('A', 'B', 'C', 'D'), p: fc.option(BAVARIA, { nil: undefined, freq: 8 }) });
const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

describe('routed week plan, properties', () => {
  it('holds capacity, hours, days off, order and pinned appointments; names every due account it does not plan', () => {
    fc.assert(fc.property(
      fc.array(row, { maxLength: 45 }), fc.integer({ min: 1, max: 9 }), fc.subarray([0, 1, 2, 3, 4]), fc.subarray([0, 1, 2, 3, 4]),
      fc.array(fc.record({ day: fc.integer({ min: 0, max: 4 }), hour: fc.integer({ min: 7, max: 15 }), p: BAVARIA }), { maxLength: 3 }),
      fc.constantFrom('16:00', '17:00', '19:00'), fc.boolean(),
      (rows, max, off, away, apptRows, workEnd, home) => {
        const points = new Map<string, GeoPoint>();
        const accounts = rows.map((r, k) => {
          const id = `a${String(k).padStart(2, '0')}`;
          if (r.p) points.set(id, r.p);
          return acc(id, '80331', r.ago, { category: r.cat });
        });
        const appts = apptRows.filter((a, k) => apptRows.findIndex((b) => b.day === a.day) === k); // one per day
        appts.forEach((a, k) => {
          accounts.push(acc(`t${k}`, '80331', 1));
          points.set(`t${k}`, a.p);
        });
        const interactions = appts.map((a, k) => makeInteraction({ id: `i${k}`, accountId: `t${k}`, status: 'planned', at: `${DAYS[a.day]}T${String(a.hour - 1).padStart(2, '0')}:30:00.000Z` }));
        const repWeek = { ...defaultRepWeek(), workEnd, absences: away.map((d) => asIsoDate(DAYS[d] ?? '')) };
        const input = base({
          accounts, interactions, maxVisitsPerDay: max, repWeek, holidays: off.map((d) => asIsoDate(DAYS[d] ?? '')),
          pointOf: (a) => points.get(a.id), startPoint: home ? HOME : undefined,
        });
        const plan = proposeWeekPlan(input);
        const offDays = new Set([...off, ...away].map((d) => DAYS[d]));
        const planned = planEntries(plan).filter((e) => e.entry.reason !== 'appointment');
        for (const day of plan.days) {
          const entries = day.areas.flatMap((a) => a.entries);
          const proposed = entries.filter((e) => e.reason !== 'appointment');
          expect(entries.length).toBeLessThanOrEqual(max + 1);
          if (proposed.length > 0) expect(proposed.length + (entries.length - proposed.length)).toBeLessThanOrEqual(Math.max(max, 1));
          if (offDays.has(day.date)) expect(proposed).toEqual([]);
          if (proposed.length > 0) {
            expect(minutesOf(day.back ?? '99:99')).toBeLessThanOrEqual(minutesOf(workEnd));
            expect(entries[0]?.reason === 'appointment' || minutesOf(entries[0]?.start ?? '') >= 8 * 60).toBe(true);
          }
          for (let i = 1; i < entries.length; i++) {
            expect(minutesOf(entries[i]?.start ?? '')).toBeGreaterThan(minutesOf(entries[i - 1]?.start ?? ''));
            if (proposed.length > 0) expect(minutesOf(entries[i]?.start ?? '')).toBeGreaterThanOrEqual(minutesOf(entries[i - 1]?.end ?? '') + 10);
          }
        }
        appts.forEach((a, k) => {
          const found = findEntry(plan, `t${k}`);
          expect(found?.date).toBe(DAYS[a.day]);
          expect(found?.entry.start).toBe(`${String(a.hour).padStart(2, '0')}:30`);
        });
        // Due by the last working day (rhythm used up), or never contacted: planned or named, never both.
        const workdays = [0, 1, 2, 3, 4].filter((d) => !off.includes(d) && !away.includes(d));
        const last = workdays[workdays.length - 1] ?? 4;
        const due = rows.flatMap((r, k) => (r.ago === null || r.ago + last >= DEFAULT_RHYTHMS[segmentKey(r.cat, 'expand')].humanDays ? [`a${String(k).padStart(2, '0')}`] : []));
        const left = (plan.leftOut ?? []).map((l) => l.accountId);
        expect([...planned.map((e) => e.entry.accountId), ...left].sort()).toEqual(due.sort());
        for (const l of plan.leftOut ?? []) expect(l.reason).toBe(points.has(l.accountId) ? 'capacity' : 'not_placed');
        expect(proposeWeekPlan({ ...input, accounts: [...accounts].reverse() })).toEqual(plan);
      },
    ), { numRuns: 120 });
  });
});
