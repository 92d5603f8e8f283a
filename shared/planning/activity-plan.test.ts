import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityPlan } from '../domain';
import { activitySourceKey, planActivities, quarterWorkdays } from './activity-plan';
import { localDateOf, localTimeOf, toDayNumber, weekdayOf } from './calendar';
import { makeAccount } from './fixtures';
import { asIsoDate } from '../time';

const plan: ActivityPlan = {
  id: 'p1', updatedAt: 0, segment: 'A-expand', name: 'Expand A', enabled: true,
  steps: [
    { quarter: 1, type: 'visit', title: 'Roadmap-Review' },
    { quarter: 2, type: 'call', title: 'Telefonat' },
    { quarter: 3, type: 'visit', title: 'Besuch' },
    { quarter: 4, type: 'meeting', title: 'Business Review' },
  ],
};
const accounts = [
  makeAccount({ id: 'a1' }), makeAccount({ id: 'a2', ownerId: 'rep-2' }),
  makeAccount({ id: 'b1', category: 'B' }), makeAccount({ id: 'l1', lifecycle: 'lead' }), makeAccount({ id: 'x1', archived: true }),
];
let seq = 0;
const opts = { tz: 'Europe/Berlin', now: 1, newId: () => `new-${seq++}` };

describe('planActivities', () => {
  it('plans every step for every eligible account of the segment, on a weekday of its quarter', () => {
    const out = planActivities(plan, accounts, 2027, new Set(), opts);
    expect(out).toHaveLength(8);
    expect(new Set(out.map((i) => i.accountId))).toEqual(new Set(['a1', 'a2']));
    for (const i of out) {
      const step = Number(i.sourceKey?.split(':')[3]);
      const date = localDateOf(i.at, 'Europe/Berlin');
      expect(Math.ceil(Number(date.slice(5, 7)) / 3)).toBe(plan.steps[step]?.quarter);
      expect(date.startsWith('2027-')).toBe(true);
      expect(weekdayOf(date)).toBeLessThanOrEqual(5);
      expect(localTimeOf(i.at, 'Europe/Berlin')).toBe('09:00'); // summer and winter alike
      expect(i).toMatchObject({ status: 'planned', subject: plan.steps[step]?.title, type: plan.steps[step]?.type });
    }
    expect(out.find((i) => i.accountId === 'a2')?.userId).toBe('rep-2');
    expect(out.find((i) => i.type === 'call')?.mode).toBe('human');
  });

  it('creates nothing twice when re-run with the keys it made', () => {
    const first = planActivities(plan, accounts, 2027, new Set(), opts);
    const keys = new Set(first.map((i) => i.sourceKey ?? ''));
    expect(keys.size).toBe(first.length);
    expect(planActivities(plan, accounts, 2027, keys, opts)).toEqual([]);
    const more = planActivities(plan, [...accounts, makeAccount({ id: 'a3' })], 2027, keys, opts);
    expect(more.map((i) => i.sourceKey)).toEqual([0, 1, 2, 3].map((s) => activitySourceKey('p1', 2027, s, 'a3')));
  });

  it('gives every laptop the same days, whatever other accounts exist', () => {
    const alone = planActivities(plan, [makeAccount({ id: 'a1' })], 2027, new Set(), opts).map((i) => i.at);
    const together = planActivities(plan, accounts, 2027, new Set(), opts).filter((i) => i.accountId === 'a1').map((i) => i.at);
    expect(together).toEqual(alone);
  });

  it('skips quarters that are over and days before `from`, holidays and disabled plans', () => {
    const out = planActivities(plan, [makeAccount({ id: 'a1' })], 2027, new Set(), { ...opts, from: asIsoDate('2027-08-15') });
    expect(out.map((i) => i.subject)).toEqual(['Besuch', 'Business Review']);
    expect(out.every((i) => localDateOf(i.at, 'Europe/Berlin') >= asIsoDate('2027-08-16'))).toBe(true);
    expect(planActivities({ ...plan, enabled: false }, accounts, 2027, new Set(), opts)).toEqual([]);
    const days = quarterWorkdays(2027, 4, undefined, new Set([toDayNumber(asIsoDate('2027-10-04'))]));
    expect(days).not.toContain(toDayNumber(asIsoDate('2027-10-04')));
    expect(days[0]).toBe(toDayNumber(asIsoDate('2027-10-01')));
  });

  it('spreads a segment over the quarter', () => {
    fc.assert(fc.property(fc.integer({ min: 2024, max: 2032 }), (year) => {
      const many = Array.from({ length: 300 }, (_, k) => makeAccount({ id: `acc-${k}` }));
      const out = planActivities({ ...plan, steps: [{ quarter: 3, type: 'visit', title: 'x' }] }, many, year, new Set(), opts);
      const months = new Set(out.map((i) => localDateOf(i.at, 'Europe/Berlin').slice(5, 7)));
      expect(months).toEqual(new Set(['07', '08', '09']));
    }), { numRuns: 5 });
  });
});
