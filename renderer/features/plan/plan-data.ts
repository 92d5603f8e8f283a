import { useEffect, useState } from 'react';
import type { Id, IsoDate } from '../../../shared/domain';
import { addDays, isoWeekMonday, isoWeekOf, localTimeZone } from '../../../shared/planning/calendar';
import { proposeWeekPlan, type WeekPlan } from '../../../shared/planning/week-plan';
import { getPlanningSettings, loadRhythmTable } from '../../db/planning/planning';
import { loadRepAccounts, loadWeekInteractions, loadWeekPlan, saveWeekPlan } from '../../db/planning/load';
import { loadDaysOffDates, loadRepWeek } from '../../db/planning/rep-week';
import { loadGeocoder } from '../../core/geo';
import { placeOf } from '../../../shared/geo/place-of';
import type { Geocoder, GeoPlace } from '../../../shared/geo/types';
import type { RepAddress } from '../../../shared/planning/rep-week';
import { computeOpenReminders } from '../reminders';

export function currentWeek(today: IsoDate): { isoYear: number; isoWeek: number } {
  const w = isoWeekOf(today);
  return { isoYear: w.isoYear, isoWeek: w.week };
}

/** The rep's start or end address on the map, under the label the rep gave it ("Büro"). */
function placeAddress(geocode: Geocoder, address: RepAddress | undefined): GeoPlace | undefined {
  const place = address ? geocode(address) : undefined;
  return place && address ? { ...place, label: address.label.trim() || place.label } : undefined;
}

/**
 * The proposal for a rep's week: their accounts, appointments and follow-ups of the week, and
 * today's open reminders (snoozed and done ones are left out, so a closed birthday is not planned).
 * Days off (holidays, 24/31 Dec, absences) get no visits; the rep's week and the offline place
 * table give the days their areas, order and times.
 */
export async function proposeFor(rep: Id, isoYear: number, isoWeek: number, today: IsoDate): Promise<WeekPlan> {
  const monday = isoWeekMonday(isoYear, isoWeek);
  const [accounts, week, rhythms, settings, reminders, holidays, repWeek, geocode] = await Promise.all([
    loadRepAccounts(rep), loadWeekInteractions(rep, isoYear, isoWeek), loadRhythmTable(), getPlanningSettings(), computeOpenReminders(rep, today),
    loadDaysOffDates(rep, monday, addDays(monday, 6)), loadRepWeek(rep), loadGeocoder(),
  ]);
  const startPoint = placeAddress(geocode, repWeek.start);
  const endPoint = placeAddress(geocode, repWeek.end);
  return proposeWeekPlan({
    rep, isoYear, isoWeek, accounts, interactions: week.interactions, contactsByAccount: week.contactsByAccount, reminders, rhythms,
    maxVisitsPerDay: settings.maxVisitsPerDay, tz: localTimeZone(), holidays, repWeek,
    pointOf: (account) => placeOf(account, geocode),
    ...(startPoint ? { startPoint } : {}), ...(endPoint ? { endPoint } : {}),
  });
}

/** The stored plan of a rep's week (undefined while loading, null when none) and a setter that saves. */
export function useWeekPlan(rep: Id, isoYear: number, isoWeek: number): { plan: WeekPlan | null | undefined; update: (p: WeekPlan) => void } {
  const [state, setState] = useState<{ key: string; plan: WeekPlan | null }>();
  const key = `${rep}|${isoYear}|${isoWeek}`;
  useEffect(() => {
    let cancelled = false;
    if (!rep) return;
    void loadWeekPlan(rep, isoYear, isoWeek).then((plan) => !cancelled && setState({ key, plan }));
    return () => {
      cancelled = true;
    };
  }, [rep, isoYear, isoWeek, key]);
  const update = (plan: WeekPlan) => {
    setState({ key: `${plan.rep}|${plan.isoYear}|${plan.isoWeek}`, plan });
    void saveWeekPlan(plan);
  };
  return { plan: state?.key === key ? state.plan : undefined, update };
}
