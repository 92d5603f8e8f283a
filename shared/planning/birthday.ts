import type { Birthday, IsoDate } from '../domain';
import { dayNumberOfYmd, daysInMonth, fromDayNumber, toDayNumber, ymdOfDayNumber } from './calendar';

/**
 * Day number of the birthday in a given year. 29 February falls on 28 February in non-leap years:
 * that is the day a person born on 29 February completes a year of life under German law
 * (§ 188 Abs. 3 BGB: a period whose last day is missing in the month ends on the month's last
 * day), and it keeps the reminder in February instead of sliding into March. Any other impossible
 * day (31 April from a bad import) is clamped the same way rather than dropped.
 */
export function birthdayDayInYear(b: Birthday, year: number): number {
  return dayNumberOfYmd(year, b.month, Math.min(b.day, daysInMonth(year, b.month)));
}

export function birthdayInYear(b: Birthday, year: number): IsoDate {
  return fromDayNumber(birthdayDayInYear(b, year));
}

/** Age reached on the birthday in `year`; undefined when the year of birth is unknown or implausible. */
export function ageInYear(b: Birthday, year: number): number | undefined {
  if (b.year === undefined || !Number.isInteger(b.year) || b.year <= 0) return undefined;
  const age = year - b.year;
  return age > 0 && age < 150 ? age : undefined;
}

function isValidBirthday(b: Birthday): boolean {
  return Number.isInteger(b.month) && b.month >= 1 && b.month <= 12 && Number.isInteger(b.day) && b.day >= 1 && b.day <= 31;
}

/** The occurrence of a birthday a reminder is about. */
export type BirthdayOccurrence = { date: IsoDate; year: number; age: number | undefined; daysUntil: number };

/**
 * The birthday whose reminder window contains `today`: from `leadDays` before the day up to
 * `lateDays` after it (so a birthday on a Saturday still shows on Monday). The previous, current
 * and next year are tried, which covers the year boundary both ways: a birthday on 2 January is
 * seen on 28 December, one on 30 December is still shown on 2 January. Windows of different years
 * never overlap while leadDays + lateDays < 365, so each contact has at most one reminder per year.
 * `year` (of today) can be passed in by loops over many contacts.
 */
export function birthdayOccurrenceAt(
  b: Birthday, today: number, leadDays: number, lateDays = 0, year = ymdOfDayNumber(today).year,
): BirthdayOccurrence | null {
  if (!isValidBirthday(b)) return null;
  for (let y = year - 1; y <= year + 1; y++) {
    const day = birthdayDayInYear(b, y);
    const daysUntil = day - today;
    if (daysUntil <= leadDays && daysUntil >= -lateDays) {
      if (b.year !== undefined && b.year > y) return null; // not yet born: wrong data, no reminder
      return { date: fromDayNumber(day), year: y, age: ageInYear(b, y), daysUntil };
    }
  }
  return null;
}

/** The next birthday on or after `from` (for the briefing's "birthday in N days"). */
export function nextBirthday(b: Birthday, from: IsoDate): BirthdayOccurrence | null {
  if (!isValidBirthday(b)) return null;
  const today = toDayNumber(from);
  const year = ymdOfDayNumber(today).year;
  for (let y = year; y <= year + 1; y++) {
    const day = birthdayDayInYear(b, y);
    if (day >= today) return { date: fromDayNumber(day), year: y, age: ageInYear(b, y), daysUntil: day - today };
  }
  return null;
}

/**
 * A precomputed reminder window for one day, for loops over every contact: each (month, day) in
 * the window maps to its day number in a flat table, so a contact costs one array read instead of
 * date arithmetic for three years. Impossible days (29 Feb in a non-leap year, 31 April) take the
 * slot of their month's last day, exactly as birthdayDayInYear clamps them. Same results as
 * birthdayOccurrenceAt (a property test checks it); windows are limited to 300 days so that no
 * (month, day) can occur twice.
 */
export function birthdayWindow(today: number, leadDays: number, lateDays = 0): (b: Birthday) => BirthdayOccurrence | null {
  const lead = Math.max(0, Math.min(leadDays, 300));
  const late = Math.max(0, Math.min(lateDays, 300 - lead));
  const slots = new Float64Array(13 * 32).fill(Number.NaN);
  for (let d = today - late; d <= today + lead; d++) {
    const { year, month, day } = ymdOfDayNumber(d);
    const last = daysInMonth(year, month);
    for (let k = day; k <= (day === last ? 31 : day); k++) slots[month * 32 + k] = d;
  }
  return (b) => {
    if (!isValidBirthday(b)) return null;
    const d = slots[b.month * 32 + b.day] ?? Number.NaN;
    if (Number.isNaN(d)) return null;
    const year = ymdOfDayNumber(d).year;
    if (b.year !== undefined && b.year > year) return null;
    return { date: fromDayNumber(d), year, age: ageInYear(b, year), daysUntil: d - today };
  };
}
