import { addDays, isoWeekDays, isoWeekMonday, isoWeekOf } from '../../../shared/planning/calendar';

export type WeekRef = { isoYear: number; isoWeek: number };

/** Shifts an ISO week by ±n weeks across year boundaries (2026 has 53 weeks). */
export function shiftWeek(w: WeekRef, by: number): WeekRef {
  // Through the Monday's day number, so any step crosses any number of 52/53-week years correctly.
  const next = isoWeekOf(addDays(isoWeekMonday(w.isoYear, w.isoWeek), by * 7));
  return { isoYear: next.isoYear, isoWeek: next.week };
}

export function sameWeek(a: WeekRef, b: WeekRef): boolean {
  return a.isoYear === b.isoYear && a.isoWeek === b.isoWeek;
}

/**
 * Monday–Sunday of an ISO week as the locale writes a date range ("23.–29.11.2026",
 * "23–29 Nov 2026", "28.12.2026–03.01.2027"): Intl's formatRange drops the parts both ends share.
 * Days are formatted at UTC noon in UTC, so no time zone moves them.
 */
export function weekRangeText(w: WeekRef, locale: string): string {
  const days = isoWeekDays(w.isoYear, w.isoWeek);
  const at = (d: string): Date => new Date(`${d}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions = locale.startsWith('de')
    ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).formatRange(at(days[0] as string), at(days[6] as string));
}
