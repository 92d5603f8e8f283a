import Holidays from 'date-holidays';
import { asIsoDate, type IsoDate } from '../time';
import type { HolidayRegion } from './rep-week';

// The one module that imports date-holidays. It carries the data of every country (~800 kB) and a
// timezone library, so the renderer loads it lazily (`import()` in renderer/db/planning/rep-week.ts)
// and only when days off are actually needed: the start screen never pays for it.

/** Languages the app speaks; holiday names come in these. */
export type HolidayLang = 'de' | 'en';

/** One public holiday: its day and its name. */
export type PublicHoliday = {
  /** The calendar day. */
  date: IsoDate;
  /** Name in the requested language, e.g. "Fronleichnam" / "Corpus Christi". */
  name: string;
};

/** Countries whose regions the app offers (the product's market). */
export const HOLIDAY_COUNTRIES = ['DE', 'AT', 'CH'] as const;

const cache = new Map<string, Holidays>();

function calendarOf(region: HolidayRegion, lang: HolidayLang): Holidays {
  const key = `${region.country}|${region.state}|${lang}`;
  let hd = cache.get(key);
  if (!hd) {
    // Only `public` days: bank holidays (24.12/31.12 are handled by the rep's own switches),
    // school-only days and observances (Mariä Himmelfahrt in BY: only in Catholic municipalities)
    // are working days for a field rep.
    const opts = { languages: [lang], types: ['public' as const] };
    hd = region.state ? new Holidays(region.country, region.state, opts) : new Holidays(region.country, opts);
    cache.set(key, hd);
  }
  return hd;
}

/** The public holidays of a region in one year, in date order (empty for an unknown country). */
export function publicHolidays(region: HolidayRegion, year: number, lang: HolidayLang): PublicHoliday[] {
  if (!region.country) return [];
  const hd = calendarOf(region, lang);
  const out: PublicHoliday[] = [];
  // date-holidays gives "YYYY-MM-DD hh:mm:ss" in the country's own calendar: the first 10 characters are the day.
  for (const h of hd.getHolidays(year, lang) || []) if (h.type === 'public') out.push({ date: asIsoDate(h.date.slice(0, 10)), name: h.name });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The states (Bundesländer, cantons) of a country, code → name, in `lang` where the data has it. */
export function regionStates(country: string, lang: HolidayLang): Record<string, string> {
  if (!country) return {};
  return new Holidays().getStates(country, lang) ?? {};
}
