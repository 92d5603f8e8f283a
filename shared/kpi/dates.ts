import type { IsoDate, IsoInstant } from '../domain/common';
import { fromDayNumber, parseInstant, type ZoneClock } from '../planning/calendar';
import { ymdText } from '../time';

/**
 * Days for KPIs. A row's instant belongs to its **local** calendar day in the report's zone (the
 * laptop's unless a filter or option says `tz`): a visit at 00:30 in Berlin is on that Berlin day,
 * matching the local "today" and report ranges the app passes in. The zone is turned into a
 * `ZoneClock` (shared/planning/calendar) once per report; it caches UTC offsets per day, so the
 * per-row conversions below cost no Intl call.
 *
 * Range tests avoid per-row conversion: `instantBounds` turns a day range into the instants of
 * its local midnights, and rows compare their stored instants against them as strings. That holds
 * because rows store canonical `toISOString()` instants (`YYYY-MM-DDTHH:mm:ss.sssZ`), which sort
 * by time. Pure day arithmetic (addDays, addMonths, isoWeekOf …) involves no zone.
 */

const DAY_MS = 86_400_000;

/** The local day of an instant in the clock's zone: in Berlin `2026-11-22T23:30:00.000Z` → `2026-11-23`. */
export function dayOfInstant(at: IsoInstant, clock: ZoneClock): IsoDate {
  return fromDayNumber(clock.dayNumberAt(parseInstant(at)));
}

/** The local day of epoch milliseconds (e.g. an account's `createdAt`) in the clock's zone. */
export function dayOfMs(ms: number, clock: ZoneClock): IsoDate {
  return fromDayNumber(clock.dayNumberAt(ms));
}

/** The instant (canonical ISO, UTC) of local midnight at the start of `day` in the clock's zone. */
export function localMidnight(day: IsoDate, clock: ZoneClock): IsoInstant {
  // A midnight skipped by DST (some zones switch at 00:00) moves to the first wall time that exists.
  return new Date(clock.instantOf(day, 0, 0)).toISOString();
}

/** Day arithmetic runs on UTC midnights, where no zone or DST shift applies (a day number, not a UTC "today"). */
function utcDayOfMs(ms: number): IsoDate {
  return fromDayNumber(Math.floor(ms / DAY_MS));
}

function toUtcMs(day: IsoDate): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** `day` plus `n` days (n may be negative). */
export function addDays(day: IsoDate, n: number): IsoDate {
  return utcDayOfMs(toUtcMs(day) + n * DAY_MS);
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
  return ymdText(year, month1, d);
}

/**
 * Bounds to test a canonical instant against a day range without converting it: `at >= lo && at < hi`
 * holds exactly when the instant's local day lies in [from, to]. `lo` is local midnight of `from`,
 * `hi` local midnight of the day after `to`, both canonical ISO so they compare as strings.
 */
export function instantBounds(from: IsoDate, to: IsoDate, clock: ZoneClock): { lo: IsoInstant; hi: IsoInstant } {
  return { lo: localMidnight(from, clock), hi: localMidnight(addDays(to, 1), clock) };
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
