import { getISOWeek, getISOWeekYear, getISOWeeksInYear } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, diffDays, fromDayNumber, instantOfLocal, parseInstant, isIsoDate, isoWeekDays, isoWeekMonday, isoWeekOf, localDateOf, localTimeOf,
  toDayNumber, weekdayOf, weeksInIsoYear, zoneClock,
} from './calendar';
import { asIsoDate } from '../time';

const isoDateArb = fc.integer({ min: toDayNumber(asIsoDate('1900-01-01')), max: toDayNumber(asIsoDate('2200-12-31')) }).map(fromDayNumber);

describe('day numbers', () => {
  it('round-trips and agrees with Date.UTC for years 0001–9999', () => {
    fc.assert(fc.property(fc.integer({ min: toDayNumber(asIsoDate('0001-01-01')), max: toDayNumber(asIsoDate('9999-12-31')) }), (n) => {
      const d = fromDayNumber(n);
      expect(toDayNumber(d)).toBe(n);
      expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(d);
    }));
  });

  it('crosses month ends, leap days and year ends by calendar days', () => {
    expect(addDays(asIsoDate('2026-01-31'), 1)).toBe('2026-02-01');
    expect(addDays(asIsoDate('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(asIsoDate('2027-02-28'), 1)).toBe('2027-03-01');
    expect(addDays(asIsoDate('2100-02-28'), 1)).toBe('2100-03-01'); // 2100 is not a leap year
    expect(addDays(asIsoDate('2000-02-28'), 1)).toBe('2000-02-29'); // 2000 is
    expect(addDays(asIsoDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(diffDays(asIsoDate('2026-03-30'), asIsoDate('2026-03-28'))).toBe(2); // across the spring DST change: still 2
    expect(diffDays(asIsoDate('2026-10-26'), asIsoDate('2026-10-24'))).toBe(2);
  });

  it('addDays and diffDays are inverse', () => {
    fc.assert(fc.property(isoDateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
      expect(diffDays(addDays(d, n), d)).toBe(n);
      expect(isIsoDate(addDays(d, n))).toBe(true);
    }));
  });

  it('validates IsoDate text', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(weekdayOf(asIsoDate('2026-11-23'))).toBe(1);
    expect(weekdayOf(asIsoDate('2026-11-22'))).toBe(7);
  });
});

describe('ISO weeks', () => {
  it('matches date-fns for every day of 2020–2030', () => {
    for (let n = toDayNumber(asIsoDate('2020-01-01')); n <= toDayNumber(asIsoDate('2030-12-31')); n++) {
      const iso = fromDayNumber(n);
      // Local noon: date-fns works on local Dates, noon is the same calendar day in every zone's DST.
      const local = new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
      const w = isoWeekOf(iso);
      expect(w.week, iso).toBe(getISOWeek(local));
      expect(w.isoYear, iso).toBe(getISOWeekYear(local));
    }
  });

  it('knows which years have week 53', () => {
    for (let y = 2015; y <= 2040; y++) expect(weeksInIsoYear(y), String(y)).toBe(getISOWeeksInYear(new Date(y, 5, 1, 12)));
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2027)).toBe(52);
  });

  it('handles the year boundaries', () => {
    expect(isoWeekOf(asIsoDate('2026-12-31'))).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOf(asIsoDate('2027-01-03'))).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOf(asIsoDate('2027-01-04'))).toEqual({ isoYear: 2027, week: 1 });
    expect(isoWeekOf(asIsoDate('2024-12-30'))).toEqual({ isoYear: 2025, week: 1 });
    expect(isoWeekDays(2026, 53)).toEqual([asIsoDate('2026-12-28'), asIsoDate('2026-12-29'), asIsoDate('2026-12-30'), asIsoDate('2026-12-31'), asIsoDate('2027-01-01'), asIsoDate('2027-01-02'), asIsoDate('2027-01-03')]);
    expect(isoWeekMonday(2025, 1)).toBe('2024-12-30');
    expect(() => isoWeekMonday(2027, 53)).toThrow(RangeError);
  });

  it('puts every day in the week whose Monday starts it', () => {
    fc.assert(fc.property(isoDateArb, (d) => {
      const { isoYear, week } = isoWeekOf(d);
      const monday = isoWeekMonday(isoYear, week);
      expect(weekdayOf(monday)).toBe(1);
      expect(diffDays(d, monday)).toBeGreaterThanOrEqual(0);
      expect(diffDays(d, monday)).toBeLessThan(7);
    }));
  });
});

describe('zones (passed explicitly; vitest workers share one TZ)', () => {
  it('gives the local day of an instant per zone', () => {
    // 00:30 UTC on the spring-change Sunday: 01:30 in Berlin, still Saturday evening in New York.
    expect(localDateOf('2026-03-29T00:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf('2026-03-29T00:30:00.000Z', 'America/New_York')).toBe('2026-03-28');
    expect(localDateOf('2026-06-30T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-07-01');
    expect(localTimeOf('2026-10-25T00:30:00.000Z', 'Europe/Berlin')).toBe('02:30'); // CEST, before the change
    expect(localTimeOf('2026-10-25T01:30:00.000Z', 'Europe/Berlin')).toBe('02:30'); // CET, after it
  });

  it('converts local wall times to instants across DST changes', () => {
    expect(instantOfLocal(asIsoDate('2026-03-27'), '09:00', 'Europe/Berlin')).toBe('2026-03-27T08:00:00.000Z');
    expect(instantOfLocal(asIsoDate('2026-03-30'), '09:00', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
    expect(instantOfLocal(asIsoDate('2026-03-29'), '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z'); // gap → 03:30 CEST
    expect(instantOfLocal(asIsoDate('2026-10-26'), '09:00', 'Europe/Berlin')).toBe('2026-10-26T08:00:00.000Z');
    expect(instantOfLocal(asIsoDate('2026-03-09'), '09:00', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
    expect(instantOfLocal(asIsoDate('2026-03-06'), '09:00', 'America/New_York')).toBe('2026-03-06T14:00:00.000Z');
  });

  it('caches offsets without losing transitions, including half-hour zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];
    const exact = (tz: string, ms: number): number => {
      const p: Record<string, number> = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      }).formatToParts(ms).map((x) => [x.type, Number(x.value)]));
      const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
      return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
    };
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), (tz, ms) => {
      expect(zoneClock(tz).offsetMinutesAt(ms)).toBe(exact(tz, ms));
    }), { numRuns: 400 });
    // Minutes around the Berlin changes, where the per-day cache must split the day.
    for (const at of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = at - 5 * 60_000; ms <= at + 5 * 60_000; ms += 30_000) expect(zoneClock('Europe/Berlin').offsetMinutesAt(ms)).toBe(exact('Europe/Berlin', ms));
    }
  });
});

describe('parseInstant', () => {
  const same = (a: number, b: number) => (Number.isNaN(a) ? Number.isNaN(b) : a === b);
  it('agrees with Date.parse on canonical instants of years 0000–9999', () => {
    fc.assert(fc.property(fc.integer({ min: Date.parse("0000-01-01T00:00:00.000Z"), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
      const text = new Date(ms).toISOString();
      fc.pre(text.length === 24);
      expect(parseInstant(text)).toBe(ms);
    }), { numRuns: 3000 });
  });
  it('leaves every other form to Date.parse, and rejects what Date.parse rejects', () => {
    for (const text of ['2026-02-29T10:00:00.000Z', '2024-02-29T10:00:00.000Z', '2026-13-01T10:00:00.000Z', '2026-11-23T24:00:00.000Z',
      '2026-11-23T10:60:00.000Z', '2026-1a-23T10:00:00.000Z', '2026-11-23T10:00:00.00:Z', '2026-11-23 10:00:00.000Z',
      '2026-11-23T10:00:00+01:00', '2026-11-23T10:00:00Z', asIsoDate('2026-11-23'), 'garbage', '']) {
      expect(same(parseInstant(text), Date.parse(text)), text).toBe(true);
    }
    // Any single character replaced in a canonical instant.
    fc.assert(fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 32, max: 126 }), (k, code) => {
      const base = '2028-02-29T23:59:59.999Z';
      const text = base.slice(0, k) + String.fromCharCode(code) + base.slice(k + 1);
      expect(same(parseInstant(text), Date.parse(text))).toBe(true);
    }), { numRuns: 2000 });
  });
});
