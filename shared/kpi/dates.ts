import type { IsoDate, IsoInstant } from '../domain/common';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings in UTC. KPIs compare days as strings (ISO days
 * sort lexicographically), so no Date object or time zone is involved in the hot loops.
 */

const DAY_MS = 86_400_000;

/** The UTC day of an instant: `2026-11-22T23:30:00Z` → `2026-11-22` (documented: days are UTC days). */
export function dayOfInstant(at: IsoInstant): IsoDate {
  return at.slice(0, 10);
}

/** The UTC day of epoch milliseconds. */
export function dayOfMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs(day: IsoDate): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: IsoDate, n: number): IsoDate {
  return dayOfMs(toUtcMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

function daysInMonth(year: number, month1: number): number {
  if (month1 === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month1 === 4 || month1 === 6 || month1 === 9 || month1 === 11 ? 30 : 31;
}

/** `day` plus `n` calendar months; the day of month is clamped (31 Jan + 1 month = 28/29 Feb). Pure arithmetic: hot in indexes. */
export function addMonths(day: IsoDate, n: number): IsoDate {
  const m = Number(day.slice(5, 7)) - 1 + n;
  const year = Number(day.slice(0, 4)) + Math.floor(m / 12);
  const month1 = (((m % 12) + 12) % 12) + 1;
  const d = Math.min(Number(day.slice(8, 10)), daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${month1 < 10 ? '0' : ''}${month1}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Bounds to test an instant against a day range without slicing it: `at >= lo && at < hi`
 * holds exactly when the instant's UTC day lies in [from, to] (ISO strings sort by time).
 */
export function instantBounds(from: IsoDate, to: IsoDate): { lo: string; hi: string } {
  return { lo: from, hi: addDays(to, 1) };
}

/** True when `day` lies in [from, to], both ends included. */
export function inRange(day: IsoDate | undefined, from: IsoDate, to: IsoDate): boolean {
  return day !== undefined && day >= from && day <= to;
}

/** `YYYY-MM` of a day. */
export function monthOf(day: IsoDate): string {
  return day.slice(0, 7);
}

/** Every month key from the month of `from` to the month of `to`, both included. */
export function monthsInRange(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  if (from > to) return out;
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = monthOf(to);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Monday–Sunday ISO week containing `day`. */
export function isoWeekOf(day: IsoDate): { from: IsoDate; to: IsoDate } {
  const weekday = (new Date(toUtcMs(day)).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(day, -weekday);
  return { from, to: addDays(from, 6) };
}
