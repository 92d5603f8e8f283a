import type { Id, IsoDate } from '../../../shared/domain';
import type { HolidayLang } from '../../../shared/planning/holiday-calendar';
import type { DayOff, DaysOffInput } from '../../../shared/planning/holidays';
import type { RepWeek } from '../../../shared/planning/rep-week';
import { orThrow } from '../../../shared/validation/result';
import { readRepWeek, validateRepWeek } from '../../../shared/validation/rep-week';
import { getDb } from '../core/db';
import { useLive } from '../core/live';
import { runWrite } from '../core/write';

// A rep's week lives on their team member row (field `week`): teamMembers is a synced table, so the
// team lead's laptop, the rep's second laptop and a laptop joining later all read the same week.
// The whole week is one synced value: the last save wins as a whole, never half of two forms.

/** The rep's week; the defaults while nothing is saved (defaults are never written, see planning.ts). */
export async function loadRepWeek(rep: Id): Promise<RepWeek> {
  const member = await getDb().teamMembers.get(rep);
  return readRepWeek(member?.week);
}

/** Saves the rep's week (validated; a refused week throws RefusedError with its field codes). */
export async function saveRepWeek(rep: Id, week: RepWeek): Promise<RepWeek> {
  const checked = orThrow(validateRepWeek(week));
  const db = getDb();
  await runWrite([db.teamMembers], async () => {
    const member = await db.teamMembers.get(rep);
    if (!member) throw new Error(`No team member ${rep}`);
    await db.teamMembers.put({ ...member, week: checked, updatedAt: Date.now() });
  }, { label: 'team' });
  return checked;
}

/** The rep's week, live: it follows a save on this laptop and a synced one from another. */
export function useRepWeek(rep: Id | undefined): RepWeek | undefined {
  return useLive(async () => (rep ? loadRepWeek(rep) : undefined), [rep]);
}

// date-holidays and its data are large: loaded on first use, in a chunk of its own.
const holidaysModule = () => import('../../../shared/planning/holidays');
const calendarModule = () => import('../../../shared/planning/holiday-calendar');

/** The rep's days off between two days (holidays, 24/31 December, absences), named in `lang`. */
export async function loadDaysOff(week: DaysOffInput, from: IsoDate, to: IsoDate, lang: HolidayLang): Promise<DayOff[]> {
  return (await holidaysModule()).daysOff(week, from, to, lang);
}

/** Just the days off of a rep between two days, for the planners. */
export async function loadDaysOffDates(rep: Id, from: IsoDate, to: IsoDate): Promise<IsoDate[]> {
  const [week, mod] = await Promise.all([loadRepWeek(rep), holidaysModule()]);
  return mod.daysOffDates(week, from, to);
}

/**
 * Every team member's days off between two days, read before a write transaction (the lazy import
 * must not run inside one): a function from an account's owner to their days. An account without
 * owner, or with an owner this laptop does not know, gets those of `fallback` (e.g. whoever generates).
 */
export async function loadTeamDaysOff(from: IsoDate, to: IsoDate, fallback?: Id): Promise<(owner: Id | undefined) => IsoDate[]> {
  const [team, mod] = await Promise.all([getDb().teamMembers.toArray(), holidaysModule()]);
  const byOwner = new Map(team.map((m) => [m.id, mod.daysOffDates(readRepWeek(m.week), from, to)]));
  const otherwise = (fallback && byOwner.get(fallback)) || mod.daysOffDates(readRepWeek(undefined), from, to);
  return (owner) => (owner && byOwner.get(owner)) || otherwise;
}

/** The states of a country (code → name), for the region select. */
export async function loadRegionStates(country: string, lang: HolidayLang): Promise<Record<string, string>> {
  return (await calendarModule()).regionStates(country, lang);
}
