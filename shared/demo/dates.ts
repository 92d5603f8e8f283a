import type { IsoDate, IsoInstant } from '../domain';
import { fromDayNumber } from '../time';

/** Milliseconds per day. */
export const DAY_MS = 86_400_000;

/** Epoch day number (days since 1970-01-01) of a `YYYY-MM-DD` day; throws on anything else. */
export function dayOf(date: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD day: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isoDate(ms / DAY_MS) !== date) throw new Error(`Not a calendar day: ${date}`);
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of an epoch day. */
export function isoDate(day: number): IsoDate {
  return fromDayNumber(day);
}

/** ISO instant of epoch milliseconds. */
export function isoInstant(ms: number): IsoInstant {
  return new Date(ms).toISOString();
}

/** Day of week of an epoch day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day itself on weekdays; Saturday moves back to Friday, Sunday forward to Monday. */
export function workday(day: number): number {
  const wd = weekday(day);
  if (wd === 6) return day - 1;
  if (wd === 0) return day + 1;
  return day;
}

/** Calendar year of an epoch day. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Month 1–12 of an epoch day. */
export function monthOf(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth() + 1;
}

/** Whether a year has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
