import { CalendarDate, Time } from '@internationalized/date';
import { describe, expect, it } from 'vitest';
import { calendarDateOf, hhmmOf, isoDateOf, timeOf } from './date-value';

describe('date-value: the fields speak the strings the native inputs spoke', () => {
  it('round-trips stored days and refuses what is not one', () => {
    for (const day of ['2026-12-07', '2024-02-29', '1000-01-01', '9999-12-31']) expect(isoDateOf(calendarDateOf(day))).toBe(day);
    for (const bad of ['', '2026-02-30', '07.12.2026', '2026-13-01', '2026-12-7']) expect(calendarDateOf(bad)).toBeNull();
    expect(isoDateOf(null)).toBe('');
  });

  it('a year still being typed (2, 20, 202) is not a day yet', () => {
    expect(isoDateOf(new CalendarDate(202, 12, 7))).toBe('');
    expect(isoDateOf(new CalendarDate(2026, 12, 7))).toBe('2026-12-07');
  });

  it('times are "HH:mm", 24 h, with leading zeros', () => {
    expect(hhmmOf(timeOf('09:05'))).toBe('09:05');
    expect(hhmmOf(new Time(14, 30))).toBe('14:30');
    expect(hhmmOf(new Time(0, 0))).toBe('00:00');
    for (const bad of ['', '24:00', '9:05', '14:30:00', '2:30 PM']) expect(timeOf(bad)).toBeNull();
    expect(hhmmOf(null)).toBe('');
  });
});
