import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '../domain';
import { addDays, diffDays, fromDayNumber, localTimeZone, toDayNumber } from './calendar';
import { makeAccount } from './fixtures';
import { contactState, DEFAULT_RHYTHMS, graceDays, rhythmTable, visitCoverage } from './rhythm';
import { asIsoDate, type IsoDate } from '../time';

const TZ = 'Europe/Berlin';
const at = (date: string, time = '10:00:00'): string => new Date(`${date}T${time}Z`).toISOString();

describe('contactState', () => {
  const rule = { humanDays: 42, digitalDays: 14 };
  const account = makeAccount({ lastHumanContactAt: at('2026-10-01'), lastDigitalContactAt: at('2026-11-01') });

  it('is ok before, due from last + rhythm, overdue from last + rhythm + a quarter of it', () => {
    expect(graceDays(42)).toBe(11);
    expect(contactState(account, rule, asIsoDate('2026-11-11'), TZ)?.human).toMatchObject({ status: 'ok', dueDate: asIsoDate('2026-11-12'), daysOverdue: -1 });
    expect(contactState(account, rule, asIsoDate('2026-11-12'), TZ)?.human).toMatchObject({ status: 'due', daysOverdue: 0 });
    expect(contactState(account, rule, asIsoDate('2026-11-22'), TZ)?.human).toMatchObject({ status: 'due', daysOverdue: 10 });
    expect(contactState(account, rule, asIsoDate('2026-11-23'), TZ)?.human).toMatchObject({ status: 'overdue', daysOverdue: 11 });
    expect(contactState(account, rule, asIsoDate('2026-11-23'), TZ)?.digital).toMatchObject({ status: 'overdue', dueDate: asIsoDate('2026-11-15'), daysOverdue: 8 }); // grace 4 days
  });

  it('counts days in the local calendar: a late-evening visit belongs to that local day', () => {
    // 23:30 Berlin on 30 June is 21:30 UTC; 00:30 Berlin on 1 July is still 30 June in UTC.
    const late = makeAccount({ lastHumanContactAt: '2026-06-30T22:30:00.000Z' });
    expect(contactState(late, rule, asIsoDate('2026-08-01'), TZ)?.human?.lastDate).toBe('2026-07-01');
    expect(contactState(late, rule, asIsoDate('2026-08-01'), 'America/New_York')?.human?.lastDate).toBe('2026-06-30');
  });

  it('handles month ends, leap years and DST weeks by calendar days', () => {
    const s = (last: string, days: number, today: IsoDate) =>
      contactState(makeAccount({ lastHumanContactAt: at(last) }), { humanDays: days, digitalDays: 0 }, today, TZ)?.human;
    expect(s('2026-01-31', 28, asIsoDate('2026-03-01'))?.dueDate).toBe('2026-02-28');
    expect(s('2028-01-31', 29, asIsoDate('2028-03-01'))?.dueDate).toBe('2028-02-29');
    expect(s('2026-03-28', 1, asIsoDate('2026-03-29'))?.status).toBe('due'); // the 23-hour Sunday is a whole day
    expect(s('2026-10-24', 2, asIsoDate('2026-10-26'))?.status).toBe('due'); // so is the 25-hour one
    expect(s('2026-12-20', 14, asIsoDate('2027-01-03'))).toMatchObject({ dueDate: asIsoDate('2027-01-03'), status: 'due' });
  });

  it('uses the laptop zone when none is given', () => {
    const a = makeAccount({ lastHumanContactAt: '2026-06-30T22:30:00.000Z' });
    expect(contactState(a, rule, asIsoDate('2026-08-01'))).toEqual(contactState(a, rule, asIsoDate('2026-08-01'), localTimeZone()));
  });

  it('gives no rhythm to leads, former customers, archived or trashed accounts', () => {
    for (const over of [{ lifecycle: 'lead' as const }, { lifecycle: 'former' as const }, { archived: true }, { deletedAt: 1 }]) {
      expect(contactState(makeAccount(over), rule, asIsoDate('2026-11-23'), TZ)).toBeNull();
    }
    expect(contactState(makeAccount({ lifecycle: 'prospect' }), rule, asIsoDate('2026-11-23'), TZ)).not.toBeNull();
  });

  it('reports never-contacted accounts and switched-off modes', () => {
    const s = contactState(makeAccount(), { humanDays: 42, digitalDays: 0 }, asIsoDate('2026-11-23'), TZ);
    expect(s?.human).toMatchObject({ status: 'never', dueDate: null, daysOverdue: null });
    expect(s?.digital).toBeNull();
  });

  it('lets the account override win over the segment table', () => {
    const table = rhythmTable([]);
    const a = makeAccount({ category: 'D', accountType: 'maintain', lastHumanContactAt: at('2026-10-01'), rhythm: { humanDays: 7 } });
    expect(contactState(a, table, asIsoDate('2026-11-23'), TZ)?.human?.rhythmDays).toBe(7);
    expect(contactState(a, table, asIsoDate('2026-11-23'), TZ)?.digital?.rhythmDays).toBe(DEFAULT_RHYTHMS['D-maintain'].digitalDays);
  });

  it('reads edited segment rules over the defaults', () => {
    const row: SegmentRule = { id: 'A-expand', updatedAt: 1, category: 'A', accountType: 'expand', humanDays: 30, digitalDays: 7 };
    const table = rhythmTable([row]);
    expect(table['A-expand']).toEqual({ humanDays: 30, digitalDays: 7 });
    expect(table['B-expand']).toEqual(DEFAULT_RHYTHMS['B-expand']);
  });

  it('never puts a due date before the last contact, and only moves forward in status', () => {
    const order = { ok: 0, due: 1, overdue: 2, never: 3 };
    fc.assert(fc.property(
      fc.integer({ min: toDayNumber(asIsoDate('2020-01-01')), max: toDayNumber(asIsoDate('2030-12-31')) }), fc.integer({ min: 1, max: 730 }),
      fc.integer({ min: -100, max: 1500 }), fc.integer({ min: 0, max: 86_399 }),
      (lastDay, days, offset, second) => {
        const last = new Date(lastDay * 86_400_000 + second * 1000).toISOString();
        const a = makeAccount({ lastHumanContactAt: last });
        const today = fromDayNumber(lastDay + offset);
        const s = contactState(a, { humanDays: days, digitalDays: 0 }, today, TZ)?.human;
        const next = contactState(a, { humanDays: days, digitalDays: 0 }, addDays(today, 1), TZ)?.human;
        if (!s || !next || !s.dueDate || !s.lastDate) throw new Error('expected a state');
        expect(diffDays(s.dueDate, s.lastDate)).toBe(days);
        expect(s.dueDate > s.lastDate).toBe(true);
        expect(s.daysOverdue).toBe(diffDays(today, s.dueDate));
        expect(order[next.status]).toBeGreaterThanOrEqual(order[s.status]);
      },
    ));
  });
});

describe('visitCoverage', () => {
  it('counts accounts contacted within their rhythm per segment', () => {
    const accounts = [
      makeAccount({ id: 'a', lastHumanContactAt: at('2026-11-01') }), // ok
      makeAccount({ id: 'b', lastHumanContactAt: at('2026-09-01') }), // overdue
      makeAccount({ id: 'c' }), // never
      makeAccount({ id: 'd', lifecycle: 'lead', lastHumanContactAt: at('2026-11-01') }), // no rhythm
      makeAccount({ id: 'e', category: 'D', accountType: 'maintain', lastHumanContactAt: at('2026-11-01') }),
    ];
    const cov = visitCoverage(accounts, DEFAULT_RHYTHMS, asIsoDate('2026-11-23'), TZ);
    expect(cov.find((c) => c.segment === 'A-expand')).toEqual({ segment: 'A-expand', accounts: 3, withinRhythm: 1, share: 1 / 3 });
    expect(cov.find((c) => c.segment === 'D-maintain')?.share).toBe(1);
    expect(cov.find((c) => c.segment === 'B-expand')?.share).toBeNull();
    expect(cov).toHaveLength(8);
  });
});
