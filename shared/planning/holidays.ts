import { ymdText, type IsoDate } from '../time';
import { addDays } from './calendar';
import { publicHolidays, type HolidayLang } from './holiday-calendar';
import type { RepWeek } from './rep-week';

/** Why a day is off. */
export type DayOffKind = 'holiday' | 'christmasEve' | 'newYearsEve' | 'absence';

/** A day a rep does not work: nothing is planned on it. */
export type DayOff = {
  /** The calendar day. */
  date: IsoDate;
  /** Name to show, in the app language ("Fronleichnam", "Heiligabend", "Abwesend"). */
  name: string;
  /** Public holiday, the rep's 24.12/31.12 switch, or an absence the rep entered. */
  kind: DayOffKind;
};

const OWN_NAMES: Record<HolidayLang, Record<Exclude<DayOffKind, 'holiday'>, string>> = {
  de: { christmasEve: 'Heiligabend', newYearsEve: 'Silvester', absence: 'Abwesend' },
  en: { christmasEve: 'Christmas Eve', newYearsEve: "New Year's Eve", absence: 'Absent' },
};

/** The parts of a rep's week that decide days off. */
export type DaysOffInput = Pick<RepWeek, 'holidayRegion' | 'christmasEveOff' | 'newYearsEveOff' | 'absences'>;

/**
 * The rep's days off from `from` to `to` (both included), one entry per day, in date order: public
 * holidays of their region, 24.12 and 31.12 when switched off, and their absences. A day that is
 * both (an absence on a holiday) keeps the holiday's name, which says more.
 */
export function daysOff(week: DaysOffInput, from: IsoDate, to: IsoDate, lang: HolidayLang): DayOff[] {
  if (to < from) return [];
  const byDay = new Map<IsoDate, DayOff>();
  const put = (d: DayOff) => {
    if (d.date >= from && d.date <= to && !byDay.has(d.date)) byDay.set(d.date, d);
  };
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (let y = firstYear; y <= lastYear; y++) {
    for (const h of publicHolidays(week.holidayRegion, y, lang)) put({ ...h, kind: 'holiday' });
    if (week.christmasEveOff) put({ date: ymdText(y, 12, 24), name: OWN_NAMES[lang].christmasEve, kind: 'christmasEve' });
    if (week.newYearsEveOff) put({ date: ymdText(y, 12, 31), name: OWN_NAMES[lang].newYearsEve, kind: 'newYearsEve' });
  }
  for (const a of week.absences) put({ date: a, name: OWN_NAMES[lang].absence, kind: 'absence' });
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Just the days, for the planners (`holidays` of proposeWeekPlan and planActivities). */
export function daysOffDates(week: DaysOffInput, from: IsoDate, to: IsoDate): IsoDate[] {
  return daysOff(week, from, to, 'de').map((d) => d.date);
}

/** The days off of the coming `days` days from `today` (today included). */
export function comingDaysOff(week: DaysOffInput, today: IsoDate, days: number, lang: HolidayLang): DayOff[] {
  return daysOff(week, today, addDays(today, days - 1), lang);
}
