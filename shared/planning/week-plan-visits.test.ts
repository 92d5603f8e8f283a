import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { weekPlanToIcs } from '../export/ics';
import type { WeekPlan } from './week-plan';
import { findEntry, moveEntry } from './week-plan-edit';
import { scheduleOf, weekPlanVisits, weekTotals } from './week-plan-visits';
import { asIsoDate } from '../time';

// One routed day (times from the planner, a fixed appointment with waiting, a hand-added visit
// without a time) and one day of an older stored plan (appointment time only, no route).
const plan: WeekPlan = {
  rep: 'rep-1', isoYear: 2026, isoWeek: 44, unplanned: 0,
  days: [{
    date: asIsoDate('2026-10-26'),
    km: 182.4, driveMinutes: 171, back: '17:05',
    areas: [
      { areaKey: '81 München', entries: [
        { accountId: 'c', reason: 'due', start: '08:40', end: '09:40', driveKm: 31, driveMinutes: 40 },
        { accountId: 'a', reason: 'appointment', time: '11:00', start: '11:00', end: '12:00', interactionId: 'i1', waitMinutes: 25 },
      ] },
      { areaKey: '80 München', entries: [
        { accountId: 'b', reason: 'overdue', daysOverdue: 3, start: '12:20', end: '13:05' },
        { accountId: 'd', reason: 'due', manual: true },
      ] },
    ],
  }, {
    date: asIsoDate('2026-10-27'),
    areas: [{ areaKey: '80 München', entries: [{ accountId: 'e', reason: 'appointment', time: '14:30', interactionId: 'i2' }, { accountId: 'f', reason: 'due' }] }],
  }],
};
const accounts = new Map([
  ['a', { name: 'Müller GmbH', street: 'Hauptstraße 1', postalCode: '80331', city: 'München' }],
  ['b', { name: 'Weber & Söhne', street: '', postalCode: '80469', city: 'München' }],
]);

describe('scheduleOf', () => {
  it('keeps the stored order across areas and the planned times; untimed visits stay untimed', () => {
    const [mon, tue] = scheduleOf(plan);
    expect(mon?.visits.map((v) => [v.stop, v.entry.accountId, v.start, v.end])).toEqual([
      [1, 'c', '08:40', '09:40'], [2, 'a', '11:00', '12:00'], [3, 'b', '12:20', '13:05'], [4, 'd', undefined, undefined],
    ]);
    expect(mon?.waitMinutes).toBe(25);
    // An older plan: the appointment at its time for the default hour, the proposed visit without a time.
    expect(tue?.visits.map((v) => [v.entry.accountId, v.start, v.end])).toEqual([['e', '14:30', '15:30'], ['f', undefined, undefined]]);
  });

  it('ignores a malformed or backwards time instead of inventing one', () => {
    const odd: WeekPlan = { ...plan, days: [{ date: asIsoDate('2026-10-28'), areas: [{ areaKey: 'x', entries: [
      { accountId: 'g', reason: 'due', start: '9:5' }, { accountId: 'h', reason: 'due', start: '10:00', end: '09:00' },
    ] }] }] };
    expect(scheduleOf(odd, 45)[0]?.visits.map((v) => [v.start, v.end])).toEqual([[undefined, undefined], ['10:00', '10:45']]);
  });

  it('drops the route times of a visit moved to another day, so it is not printed at another day\'s time', () => {
    const moved = moveEntry(plan, 'c', asIsoDate('2026-10-27'));
    expect(findEntry(moved, 'c')?.entry).toEqual({ accountId: 'c', reason: 'due' });
    expect(scheduleOf(moved)[1]?.visits.find((v) => v.entry.accountId === 'c')?.start).toBeUndefined();
    // Within its own day (a new position) it keeps them.
    expect(findEntry(moveEntry(plan, 'c', asIsoDate('2026-10-26'), 3), 'c')?.entry.start).toBe('08:40');
  });

  it('sums the week over the days that know their km', () => {
    expect(weekTotals(scheduleOf(plan))).toEqual({ visits: 6, km: 182.4, driveMinutes: 171, waitMinutes: 25 });
    const unrouted = { ...plan, days: plan.days.slice(1) };
    expect(weekTotals(scheduleOf(unrouted))).toEqual({ visits: 2, waitMinutes: 0 });
  });
});

describe('weekPlanVisits', () => {
  it('exports exactly what the schedule shows: timed visits at their times, the rest all-day', () => {
    const visits = weekPlanVisits(plan, accounts, { describe: (v) => `${v.stop}:${v.entry.reason}` });
    const schedule = scheduleOf(plan).flatMap((d) => d.visits.map((v) => ({ d: d.date, v })));
    expect(visits).toHaveLength(schedule.length);
    for (const [i, { d, v }] of schedule.entries()) {
      expect(visits[i]?.start).toBe(v.start ? `${d}T${v.start}` : d);
      expect(visits[i]?.allDay ?? false).toBe(v.start === undefined);
      expect(visits[i]?.description).toBe(`${v.stop}:${v.entry.reason}`);
    }
    expect(visits[1]).toMatchObject({ uid: 'visit-i1@rapport', summary: 'Müller GmbH', location: 'Hauptstraße 1, 80331 München' });
    expect(visits[2]?.uid).toBe('plan-2026-W44-b@rapport');
    expect(visits[0]?.summary).toBe('c'); // no details: the id rather than nothing
  });

  it('writes an .ics that ical.js reads back: Berlin winter times and a date-valued all-day visit', () => {
    const cal = new ICAL.Component(ICAL.parse(weekPlanToIcs(weekPlanVisits(plan, accounts), { tzid: 'Europe/Berlin', now: 0 })));
    for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
    const events = cal.getAllSubcomponents('vevent').map((ve) => new ICAL.Event(ve));
    expect(events.filter((e) => !e.startDate.isDate).map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-10-26T07:40:00.000Z', '2026-10-26T10:00:00.000Z', '2026-10-26T11:20:00.000Z', '2026-10-27T13:30:00.000Z',
    ]);
    const allDay = events.filter((e) => e.startDate.isDate);
    expect(allDay.map((e) => [e.startDate.toString(), e.endDate.toString()])).toEqual([['2026-10-26', '2026-10-27'], ['2026-10-27', '2026-10-28']]);
    expect(allDay[0]?.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  });
});
