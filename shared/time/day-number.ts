import type { IsoDate } from './brand';

// Calendar math on IsoDate works on integer day numbers (days since 1970-01-01 in the proleptic
// Gregorian calendar), never on Date instants: adding 24 h to a local midnight lands on 23:00 or
// 01:00 across a daylight-saving change, adding 1 to a day number cannot.

/** Milliseconds per (UTC) day. */
export const MS_PER_DAY = 86_400_000;

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

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The IsoDate of year, month (1–12) and day; the numbers must name a real day. */
export function ymdText(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as IsoDate;
}

/** The IsoDate of a day number: with ymdText the one place where day arithmetic becomes an IsoDate. */
export function fromDayNumber(n: number): IsoDate {
  const { year, month, day } = ymdOfDayNumber(n);
  return ymdText(year, month, day);
}
