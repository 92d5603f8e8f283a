import { dayNumberOfYmd, daysInMonth, fromDayNumber, localDay, MS_PER_DAY, pad2, toDayNumber, ymdOfDayNumber, ymdText, zoneClock } from '../time';
import type { IsoDate, IsoInstant } from '../time';

// Calendar math on IsoDate works on integer day numbers (shared/time/day-number), never on Date
// instants. The day numbers, the zone clock and the IsoDate guard moved to shared/time; they are
// re-exported here so planning's callers keep one import.
export {
  dayNumberOfYmd,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  localTimeZone,
  toDayNumber,
  ymdOfDayNumber,
  zoneClock,
} from '../time';
export type { ZoneClock } from '../time';

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole calendar days from `b` to `a` (positive when `a` is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** ISO-8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
export type IsoWeek = { isoYear: number; week: number };

export function isoWeekOf(date: IsoDate): IsoWeek {
  const n = toDayNumber(date);
  // The Thursday of the same week decides the ISO year: that is what keeps 29–31 Dec in week 1
  // of the next year and 1–3 Jan in week 52/53 of the previous one.
  const thursday = n - weekdayOfDayNumber(n) + 4;
  const isoYear = ymdOfDayNumber(thursday).year;
  const week = Math.floor((thursday - dayNumberOfYmd(isoYear, 1, 1)) / 7) + 1;
  return { isoYear, week };
}

/** 53 when the ISO year starts on a Thursday, or on a Wednesday in a leap year; else 52. */
export function weeksInIsoYear(isoYear: number): 52 | 53 {
  return isoWeekOf(ymdText(isoYear, 12, 28)).week === 53 ? 53 : 52;
}

/** Monday of an ISO week; throws for week numbers the year does not have. */
export function isoWeekMonday(isoYear: number, week: number): IsoDate {
  if (!Number.isInteger(week) || week < 1 || week > weeksInIsoYear(isoYear)) {
    throw new RangeError(`ISO year ${isoYear} has no week ${week}`);
  }
  const jan4 = dayNumberOfYmd(isoYear, 1, 4); // 4 January is always in week 1
  return fromDayNumber(jan4 - weekdayOfDayNumber(jan4) + 1 + (week - 1) * 7);
}

/** The seven days Monday–Sunday of an ISO week. */
export function isoWeekDays(isoYear: number, week: number): IsoDate[] {
  const monday = toDayNumber(isoWeekMonday(isoYear, week));
  return Array.from({ length: 7 }, (_, i) => fromDayNumber(monday + i));
}

/** Two digits at k as a number; -1 when either is not a digit (the unsigned compare catches both sides of 0–9). */
function twoDigits(s: string, k: number): number {
  const a = s.charCodeAt(k) - 48;
  const b = s.charCodeAt(k + 1) - 48;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

/**
 * Epoch ms of an instant; NaN when it does not parse. Canonical instants (`toISOString`, what rows
 * store: `YYYY-MM-DDTHH:mm:ss.sssZ`) are read digit by digit, several times cheaper than Date.parse
 * in loops over 100k rows; any other form (offsets, no millis, out of range) goes to Date.parse.
 */
export function parseInstant(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 || s.charCodeAt(10) !== 84 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45
    || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46) return Date.parse(s);
  const y1 = twoDigits(s, 0);
  const y2 = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const h = twoDigits(s, 11);
  const mi = twoDigits(s, 14);
  const sec = twoDigits(s, 17);
  const ms1 = twoDigits(s, 20);
  const ms2 = twoDigits(s, 21);
  if (y1 < 0 || y2 < 0 || day < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms1 < 0 || ms2 < 0
    || month < 1 || month > 12 || day > daysInMonth(y1 * 100 + y2, month)) return Date.parse(s);
  return dayNumberOfYmd(y1 * 100 + y2, month, day) * MS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1000 + ms1 * 10 + (ms2 % 10);
}

/**
 * True when instant `a` is later than `b`. Canonical instants (`toISOString`, what rows store)
 * order as text, which saves two Date.parse calls per comparison in 100k-row loops.
 */
export function isAfter(a: IsoInstant | undefined, b: IsoInstant): boolean {
  if (!a) return false;
  if (a.length === 24 && b.length === 24 && a.charCodeAt(23) === 90 && b.charCodeAt(23) === 90) return a > b;
  return Date.parse(a) > Date.parse(b);
}

/** The local calendar day of an instant in a zone (default: the laptop's). */
export function localDateOf(instant: IsoInstant, tz?: string): IsoDate {
  return localDay(instant, tz);
}

/** Local wall-clock `HH:mm` of an instant. */
export function localTimeOf(instant: IsoInstant, tz?: string): string {
  const ms = Date.parse(instant);
  const minutes = ((Math.floor((ms + zoneClock(tz).offsetMinutesAt(ms) * 60_000) / 60_000) % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The instant (ISO, UTC) of a local date and `HH:mm` in a zone. */
export function instantOfLocal(date: IsoDate, time: string, tz?: string): IsoInstant {
  const [h, m] = time.split(':').map(Number);
  return new Date(zoneClock(tz).instantOf(date, h ?? 0, m ?? 0)).toISOString();
}
