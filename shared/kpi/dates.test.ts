import { describe, expect, it } from 'vitest';
import { zoneClock } from '../planning/calendar';
import { addDays, addMonths, dayOfInstant, dayOfMs, daysBetween, inRange, instantBounds, isoWeekOf, localMidnight, monthsInRange } from './dates';
import { asIsoDate } from '../time';

const berlin = zoneClock('Europe/Berlin');
const utc = zoneClock('UTC');

describe('local days of instants', () => {
  it('an instant belongs to its day in the given zone', () => {
    // 23:30 UTC is 00:30 the next day in Berlin, in winter (+1) and in summer (+2).
    expect(dayOfInstant('2026-11-22T23:30:00.000Z', berlin)).toBe('2026-11-23');
    expect(dayOfInstant('2026-07-05T22:30:00.000Z', berlin)).toBe('2026-07-06');
    expect(dayOfInstant('2026-07-05T21:59:59.999Z', berlin)).toBe('2026-07-05');
    expect(dayOfInstant('2026-03-31T23:30:00.000Z', utc)).toBe('2026-03-31');
    expect(dayOfMs(Date.UTC(2026, 10, 22, 23, 30), berlin)).toBe('2026-11-23');
    expect(dayOfMs(Date.UTC(2026, 10, 22, 23, 30), utc)).toBe('2026-11-22');
  });
  it('range bounds are the canonical instants of local midnights', () => {
    expect(localMidnight(asIsoDate('2026-11-23'), berlin)).toBe('2026-11-22T23:00:00.000Z');
    expect(instantBounds(asIsoDate('2026-11-23'), asIsoDate('2026-11-29'), berlin)).toEqual({ lo: '2026-11-22T23:00:00.000Z', hi: '2026-11-29T23:00:00.000Z' });
    expect(instantBounds(asIsoDate('2026-07-06'), asIsoDate('2026-07-06'), berlin)).toEqual({ lo: '2026-07-05T22:00:00.000Z', hi: '2026-07-06T22:00:00.000Z' });
    expect(instantBounds(asIsoDate('2026-11-23'), asIsoDate('2026-11-29'), utc)).toEqual({ lo: '2026-11-23T00:00:00.000Z', hi: '2026-11-30T00:00:00.000Z' });
  });
  it('a week across a DST change has 167 or 169 hours, not 168', () => {
    // Clocks go forward on Sunday 2026-03-29 and back on Sunday 2026-10-25.
    const spring = instantBounds(asIsoDate('2026-03-23'), asIsoDate('2026-03-29'), berlin);
    expect(spring).toEqual({ lo: '2026-03-22T23:00:00.000Z', hi: '2026-03-29T22:00:00.000Z' });
    expect((Date.parse(spring.hi) - Date.parse(spring.lo)) / 3_600_000).toBe(167);
    const autumn = instantBounds(asIsoDate('2026-10-19'), asIsoDate('2026-10-25'), berlin);
    expect(autumn).toEqual({ lo: '2026-10-18T22:00:00.000Z', hi: '2026-10-25T23:00:00.000Z' });
    expect((Date.parse(autumn.hi) - Date.parse(autumn.lo)) / 3_600_000).toBe(169);
  });
});

describe('date helpers', () => {
  it('adds days and months across month, year and leap-day edges', () => {
    expect(addDays(asIsoDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(asIsoDate('2026-03-01'), -1)).toBe('2026-02-28');
    expect(addMonths(asIsoDate('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(asIsoDate('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(asIsoDate('2026-11-25'), 6)).toBe('2027-05-25');
    expect(addMonths(asIsoDate('2026-03-31'), -12)).toBe('2025-03-31');
    expect(addMonths(asIsoDate('2026-01-15'), -1)).toBe('2025-12-15');
  });
  it('counts whole days, also across the DST change', () => {
    expect(daysBetween(asIsoDate('2026-03-28'), asIsoDate('2026-03-30'))).toBe(2);
    expect(daysBetween(asIsoDate('2026-01-06'), asIsoDate('2026-02-20'))).toBe(45);
  });
  it('periods include both ends', () => {
    expect(inRange(asIsoDate('2026-01-01'), asIsoDate('2026-01-01'), asIsoDate('2026-03-31'))).toBe(true);
    expect(inRange(asIsoDate('2026-03-31'), asIsoDate('2026-01-01'), asIsoDate('2026-03-31'))).toBe(true);
    expect(inRange(asIsoDate('2026-04-01'), asIsoDate('2026-01-01'), asIsoDate('2026-03-31'))).toBe(false);
    expect(inRange(undefined, asIsoDate('2026-01-01'), asIsoDate('2026-03-31'))).toBe(false);
  });
  it('lists months and ISO weeks', () => {
    expect(monthsInRange(asIsoDate('2025-11-15'), asIsoDate('2026-02-01'))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsInRange(asIsoDate('2026-02-01'), asIsoDate('2026-01-01'))).toEqual([]);
    // 2026-11-23 is a Monday; 2026-11-22 a Sunday.
    expect(isoWeekOf(asIsoDate('2026-11-25'))).toEqual({ from: asIsoDate('2026-11-23'), to: asIsoDate('2026-11-29') });
    expect(isoWeekOf(asIsoDate('2026-11-22'))).toEqual({ from: asIsoDate('2026-11-16'), to: asIsoDate('2026-11-22') });
  });
});
