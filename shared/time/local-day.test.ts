import { describe, expect, it } from 'vitest';
import { localDay, todayIso, zoneClock } from './index';

const BERLIN = 'Europe/Berlin';
const utc = (s: string) => new Date(s);

describe('localDay', () => {
  it('is the local day around local midnight, not the UTC day', () => {
    // 23:59:59.999 and 00:00 in Berlin (winter, UTC+1).
    expect(localDay('2026-11-22T22:59:59.999Z', BERLIN)).toBe('2026-11-22');
    expect(localDay('2026-11-22T23:00:00.000Z', BERLIN)).toBe('2026-11-23');
    expect(localDay('2026-11-22T23:30:00.000Z', 'UTC')).toBe('2026-11-22');
    // Summer (UTC+2): 00:30 local on 1 July is still 30 June in UTC.
    expect(localDay('2026-06-30T22:30:00.000Z', BERLIN)).toBe('2026-07-01');
    // West of UTC the local day lags behind.
    expect(localDay('2026-07-01T02:00:00.000Z', 'America/New_York')).toBe('2026-06-30');
  });

  it('holds across the DST changes in Europe/Berlin', () => {
    // Spring forward, Sunday 2026-03-29 02:00 CET → 03:00 CEST: the day is 23 hours long.
    expect(localDay('2026-03-28T22:59:59.999Z', BERLIN)).toBe('2026-03-28');
    expect(localDay('2026-03-28T23:00:00.000Z', BERLIN)).toBe('2026-03-29');
    expect(localDay('2026-03-29T21:59:59.999Z', BERLIN)).toBe('2026-03-29');
    expect(localDay('2026-03-29T22:00:00.000Z', BERLIN)).toBe('2026-03-30');
    // Fall back, Sunday 2026-10-25 03:00 CEST → 02:00 CET: the day is 25 hours long.
    expect(localDay('2026-10-24T21:59:59.999Z', BERLIN)).toBe('2026-10-24');
    expect(localDay('2026-10-24T22:00:00.000Z', BERLIN)).toBe('2026-10-25');
    expect(localDay('2026-10-25T22:59:59.999Z', BERLIN)).toBe('2026-10-25');
    expect(localDay('2026-10-25T23:00:00.000Z', BERLIN)).toBe('2026-10-26');
  });

  it('takes an instant text, a Date, epoch ms or a ready clock alike', () => {
    const at = '2026-03-29T01:30:00.000Z'; // 03:30 CEST, just after the gap
    const clock = zoneClock(BERLIN);
    expect(localDay(utc(at), BERLIN)).toBe('2026-03-29');
    expect(localDay(Date.parse(at), clock)).toBe('2026-03-29');
    expect(localDay(at, clock)).toBe('2026-03-29');
    expect(() => localDay('not a time', BERLIN)).toThrow(RangeError);
  });

  it('defaults to the laptop zone, like todayIso (TZ from the test setup or the machine)', () => {
    const now = new Date(2026, 10, 23, 0, 30); // 00:30 local time, whatever the zone
    expect(localDay(now)).toBe('2026-11-23');
    expect(todayIso(now)).toBe('2026-11-23');
    const late = new Date(2026, 10, 22, 23, 59, 59, 999);
    expect(todayIso(late)).toBe('2026-11-22');
    expect(todayIso(utc('2026-11-22T23:30:00.000Z'), BERLIN)).toBe('2026-11-23');
  });
});
