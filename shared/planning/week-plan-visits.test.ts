import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { weekPlanToIcs } from '../export/ics';
import type { WeekPlan } from './week-plan';
import { weekPlanVisits } from './week-plan-visits';
import { asIsoDate } from '../time';

const plan: WeekPlan = {
  rep: 'rep-1', isoYear: 2026, isoWeek: 44, unplanned: 0,
  days: [{
    date: asIsoDate('2026-10-26'),
    areas: [
      { areaKey: '80 München', entries: [{ accountId: 'a', reason: 'appointment', time: '09:00', interactionId: 'i1' }, { accountId: 'b', reason: 'overdue' }] },
      { areaKey: '81 München', entries: [{ accountId: 'c', reason: 'due' }] },
    ],
  }],
};
const accounts = new Map([
  ['a', { name: 'Müller GmbH', street: 'Hauptstraße 1', postalCode: '80331', city: 'München' }],
  ['b', { name: 'Weber & Söhne', street: '', postalCode: '80469', city: 'München' }],
]);

describe('weekPlanVisits', () => {
  it('keeps appointment times and schedules the rest around them', () => {
    const visits = weekPlanVisits(plan, accounts, { describe: (e) => e.reason });
    expect(visits.map((v) => [v.summary, v.start, v.end])).toEqual([
      ['Müller GmbH', '2026-10-26T09:00', '2026-10-26T10:00'],
      ['Weber & Söhne', '2026-10-26T10:30', '2026-10-26T11:30'],
      ['c', '2026-10-26T12:00', '2026-10-26T13:00'],
    ]);
    expect(visits[0]).toMatchObject({ uid: 'visit-i1@rapport', location: 'Hauptstraße 1, 80331 München', description: 'appointment' });
    expect(visits[1]?.uid).toBe('plan-2026-W44-b@rapport');
  });

  it('exports to an .ics whose times ical.js reads back in Berlin winter time', () => {
    const cal = new ICAL.Component(ICAL.parse(weekPlanToIcs(weekPlanVisits(plan, accounts), { tzid: 'Europe/Berlin', now: 0 })));
    for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
    const starts = cal.getAllSubcomponents('vevent').map((ve) => new ICAL.Event(ve).startDate.toJSDate().toISOString());
    expect(starts).toEqual(['2026-10-26T08:00:00.000Z', '2026-10-26T09:30:00.000Z', '2026-10-26T11:00:00.000Z']);
  });
});
