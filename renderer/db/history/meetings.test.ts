import { beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { getDb, openDb, useDatabase } from '../core/db';
import { loadMeetingReport } from './meetings';
import { asIsoDate } from '../../../shared/time';

let n = 0;
function row(userId: string, type: Interaction['type'], status: Interaction['status'], at: string, extra: Partial<Interaction> = {}): Interaction {
  n += 1;
  return {
    id: `i${n}`, updatedAt: 0, createdAt: 0, accountId: 'a', type, mode: 'human', status, at, userId, contactIds: [],
    subject: '', summary: '', nextStep: '', ...extra,
  } as Interaction;
}

/**
 * Week 47 of 2026 (Mon 16.11. – Sun 22.11., UTC days: tz 'UTC'), today Mon 23.11.2026, so "next month" is
 * 23.11. (included) to 23.12. (excluded). Meetings are visits and meetings; calls never count.
 *
 * u1: #1 visit 16.11. successful + follow-up, #2 meeting 18.11. failed, #3 visit Sun 22.11. 22:30 UTC
 *     successful (still in the week: days are UTC days) → held 3, successful 2/3, follow-ups 1/3.
 *     #4 call (ignored), #13 trashed visit (ignored). Planned: #9 visit 25.11. → upcoming 1; #12 call (ignored).
 * u2: #5 visit 20.11. neutral + follow-up → held 1, successful 0/1, follow-ups 1/1. #6 cancelled, #7 next
 *     Monday and #8 the Sunday before lie outside. Planned: #10 meeting 22.12. counts, #11 visit 23.12. is
 *     the excluded end → upcoming 1.
 * Team: held 4, successful 2/4, follow-ups 2/4, upcoming 2.
 */
const FIXTURE: Interaction[] = [
  row('u1', 'visit', 'done', '2026-11-16T08:00:00.000Z', { outcome: 'successful', followUpDate: asIsoDate('2026-12-01') }),
  row('u1', 'meeting', 'done', '2026-11-18T10:00:00.000Z', { outcome: 'failed' }),
  row('u1', 'visit', 'done', '2026-11-22T22:30:00.000Z', { outcome: 'successful' }),
  row('u1', 'call', 'done', '2026-11-17T09:00:00.000Z', { outcome: 'successful' }),
  row('u2', 'visit', 'done', '2026-11-20T09:00:00.000Z', { outcome: 'neutral', followUpDate: asIsoDate('2026-11-30') }),
  row('u2', 'visit', 'cancelled', '2026-11-19T09:00:00.000Z'),
  row('u2', 'visit', 'done', '2026-11-23T09:00:00.000Z', { outcome: 'successful' }),
  row('u2', 'visit', 'done', '2026-11-15T12:00:00.000Z', { outcome: 'successful' }),
  row('u1', 'visit', 'planned', '2026-11-25T09:00:00.000Z'),
  row('u2', 'meeting', 'planned', '2026-12-22T10:00:00.000Z'),
  row('u2', 'visit', 'planned', '2026-12-23T08:00:00.000Z'),
  row('u1', 'call', 'planned', '2026-11-24T09:00:00.000Z'),
  row('u1', 'visit', 'done', '2026-11-19T09:00:00.000Z', { outcome: 'successful', deletedAt: 1 }),
];

describe('meeting statistics from the database', () => {
  beforeEach(async () => {
    useDatabase(openDb(`meetings-${crypto.randomUUID()}`));
    await getDb().interactions.bulkAdd(FIXTURE);
  });

  it('matches the hand-computed week 47 figures per person and for the team', async () => {
    const report = await loadMeetingReport({ from: asIsoDate('2026-11-16'), to: asIsoDate('2026-11-22') }, asIsoDate('2026-11-23'), 'UTC');
    const view = (s: typeof report.team) => [s.held, s.successful.numerator, s.successful.denominator, s.followUpBooked.numerator, s.upcoming];
    expect(report.byPerson.map((p) => [p.userId, ...view(p)])).toEqual([
      ['u1', 3, 2, 3, 1, 1],
      ['u2', 1, 0, 1, 1, 1],
    ]);
    expect(view(report.team)).toEqual([4, 2, 4, 2, 2]);
    expect(report.team.successful.value).toBe(0.5);
  });

  it('reads local days: in Berlin the week and the month start at local midnight', async () => {
    // Berlin is UTC+1 in November. Extra rows: done visits Mon 16.11. 00:30 (15.11. 23:30 UTC, before
    // the UTC index range) and Mon 23.11. 00:15 (22.11. 23:15 UTC, after the week), and a visit
    // planned for today 00:30 (22.11. 23:30 UTC, before the UTC range of the month).
    await getDb().interactions.bulkAdd([
      row('u2', 'visit', 'done', '2026-11-15T23:30:00.000Z', { outcome: 'successful' }),
      row('u1', 'visit', 'done', '2026-11-22T23:15:00.000Z', { outcome: 'successful' }),
      row('u1', 'visit', 'planned', '2026-11-22T23:30:00.000Z'),
    ]);
    const report = await loadMeetingReport({ from: asIsoDate('2026-11-16'), to: asIsoDate('2026-11-22') }, asIsoDate('2026-11-23'), 'Europe/Berlin');
    const view = (s: typeof report.team) => [s.held, s.successful.numerator, s.followUpBooked.numerator, s.upcoming];
    // u1: #1, #2, #3 (Sun 23:30 local) held, the 00:15 visit is next week's; upcoming #9 and today 00:30.
    // u2: #5 and the Monday 00:30 visit held, one successful; upcoming #10.
    expect(report.byPerson.map((p) => [p.userId, ...view(p)])).toEqual([
      ['u1', 3, 2, 1, 2],
      ['u2', 2, 1, 1, 1],
    ]);
  });

  it('reports an empty week without dividing by zero', async () => {
    const report = await loadMeetingReport({ from: asIsoDate('2026-11-02'), to: asIsoDate('2026-11-08') }, asIsoDate('2027-06-01'), 'UTC');
    expect(report.team.held).toBe(0);
    expect(report.team.successful.value).toBeNull();
    expect(report.byPerson).toEqual([]);
  });
});
