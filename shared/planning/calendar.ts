import type { IsoDate, IsoInstant } from '../domain';

// Calendar math on IsoDate works on integer day numbers (days since 1970-01-01 in the proleptic
// Gregorian calendar), never on Date instants: adding 24 h to a local midnight lands on 23:00 or
// 01:00 across a daylight-saving change, adding 1 to a day number cannot.

const MS_PER_DAY = 86_400_000;

/** True for a well-formed `YYYY-MM-DD` that names a real day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(value.slice(0, 4)), m);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (Howard Hinnant's days_from_civil): pure integer math, any year. */
export function dayNumberOfYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day number of an IsoDate; parsed by hand because this runs once per account in hot loops. */
export function toDayNumber(date: IsoDate): number {
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return dayNumberOfYmd(y, m, d);
}

/** Year, month (1–12) and day of a day number (civil_from_days). */
export function ymdOfDayNumber(n: number): { year: number; month: number; day: number } {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function fromDayNumber(n: number): IsoDate {
  const { year, month, day } = ymdOfDayNumber(n);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

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
  return isoWeekOf(`${String(isoYear).padStart(4, '0')}-12-28`).week === 53 ? 53 : 52;
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

/** The laptop's IANA zone; Node honours `TZ`, Electron the OS setting. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Converts between instants and a zone's local calendar; one per zone, it caches offsets. */
export type ZoneClock = {
  tz: string;
  /** UTC offset in minutes (east positive) at an instant. */
  offsetMinutesAt(ms: number): number;
  /** Local day number of an instant. */
  dayNumberAt(ms: number): number;
  /** The instant of a local wall-clock time; a time skipped by DST moves forward by the gap. */
  instantOf(date: IsoDate, hour: number, minute: number): number;
};

const clocks = new Map<string, ZoneClock>();

/** A cached clock for a zone; offsets come from Intl, so no tz database is bundled. */
export function zoneClock(tz: string = localTimeZone()): ZoneClock {
  const cached = clocks.get(tz);
  if (cached) return cached;
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const exact = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(ms)) p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
    return Math.round((wall - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
  };
  // Intl is ~100× slower than the arithmetic around it, and reminders run over 100k rows: offsets
  // are cached per UTC day. A day whose start and end offsets differ holds a transition; its
  // instant is found once by bisection (to the minute) and cached with the offsets either side.
  type DayOffset = number | { at: number; before: number; after: number };
  const perDay = new Map<number, DayOffset>();
  const offsetMinutesAt = (ms: number): number => {
    const day = Math.floor(ms / MS_PER_DAY);
    let off = perDay.get(day);
    if (off === undefined) {
      const before = exact(day * MS_PER_DAY);
      const after = exact(day * MS_PER_DAY + MS_PER_DAY - 60_000);
      if (before === after) off = before;
      else {
        let lo = day * MS_PER_DAY; // offset(lo) = before
        let hi = day * MS_PER_DAY + MS_PER_DAY - 60_000; // offset(hi) = after
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (exact(mid) === before) lo = mid;
          else hi = mid;
        }
        off = { at: hi, before, after };
      }
      perDay.set(day, off);
    }
    return typeof off === 'number' ? off : ms < off.at ? off.before : off.after;
  };
  const clock: ZoneClock = {
    tz,
    offsetMinutesAt,
    dayNumberAt: (ms) => Math.floor((ms + offsetMinutesAt(ms) * 60_000) / MS_PER_DAY),
    instantOf: (date, hour, minute) => {
      const wall = toDayNumber(date) * MS_PER_DAY + (hour * 60 + minute) * 60_000;
      const first = wall - offsetMinutesAt(wall) * 60_000;
      const second = wall - offsetMinutesAt(first) * 60_000;
      // In a spring-forward gap neither guess round-trips; the later offset yields the wall time
      // shifted forward, which is what calendars do with a 02:30 that does not exist.
      return offsetMinutesAt(second) === offsetMinutesAt(first) ? second : Math.max(first, second);
    },
  };
  clocks.set(tz, clock);
  return clock;
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
  return fromDayNumber(zoneClock(tz).dayNumberAt(Date.parse(instant)));
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
