import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOfInstant, daysBetween, inRange, isoWeekOf, monthsInRange } from './dates';

describe('date helpers', () => {
  it('uses UTC days of instants', () => {
    expect(dayOfInstant('2026-03-31T23:30:00.000Z')).toBe('2026-03-31');
  });
  it('adds days and months across month, year and leap-day edges', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-25', 6)).toBe('2027-05-25');
    expect(addMonths('2026-03-31', -12)).toBe('2025-03-31');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
  it('counts whole days, also across the DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-06', '2026-02-20')).toBe(45);
  });
  it('periods include both ends', () => {
    expect(inRange('2026-01-01', '2026-01-01', '2026-03-31')).toBe(true);
    expect(inRange('2026-03-31', '2026-01-01', '2026-03-31')).toBe(true);
    expect(inRange('2026-04-01', '2026-01-01', '2026-03-31')).toBe(false);
    expect(inRange(undefined, '2026-01-01', '2026-03-31')).toBe(false);
  });
  it('lists months and ISO weeks', () => {
    expect(monthsInRange('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsInRange('2026-02-01', '2026-01-01')).toEqual([]);
    // 2026-11-23 is a Monday; 2026-11-22 a Sunday.
    expect(isoWeekOf('2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(isoWeekOf('2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });
});
