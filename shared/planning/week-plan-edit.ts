import type { Id, IsoDate } from '../domain';
import type { WeekPlan, WeekPlanArea, WeekPlanDay, WeekPlanEntry } from './week-plan';

// The rep's edits are pure functions returning a new plan, so the UI can keep an undo stack and
// the stored plan is only ever replaced whole. An account appears at most once in a plan:
// adding one that is already there moves it.

/** Where an account sits in the plan, if anywhere. */
export function findEntry(plan: WeekPlan, accountId: Id): { date: IsoDate; areaKey: string; entry: WeekPlanEntry } | null {
  for (const day of plan.days) {
    for (const area of day.areas) {
      const entry = area.entries.find((e) => e.accountId === accountId);
      if (entry) return { date: day.date, areaKey: area.areaKey, entry };
    }
  }
  return null;
}

/** Removes the account's entry; empty areas disappear, days stay (an empty Wednesday is still a day). */
export function dropEntry(plan: WeekPlan, accountId: Id): WeekPlan {
  if (!findEntry(plan, accountId)) return plan;
  return {
    ...plan,
    days: plan.days.map((day) => ({
      ...day,
      areas: day.areas
        .map((area) => ({ ...area, entries: area.entries.filter((e) => e.accountId !== accountId) }))
        .filter((area) => area.entries.length > 0),
    })),
  };
}

/**
 * Adds an entry on `date` in area `areaKey` (see areaKeyOf), at `position` within the area or at
 * its end; timed entries without a position go before the first later-timed entry. A date not yet
 * in the plan (a Saturday, a holiday) is added in date order.
 */
export function addEntry(plan: WeekPlan, date: IsoDate, areaKey: string, entry: WeekPlanEntry, position?: number): WeekPlan {
  const base = dropEntry(plan, entry.accountId);
  const days: WeekPlanDay[] = base.days.some((d) => d.date === date)
    ? base.days
    : [...base.days, { date, areas: [] }].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    ...base,
    days: days.map((day) => (day.date === date ? { ...day, areas: insertInto(day.areas, areaKey, entry, position) } : day)),
  };
}

function insertInto(areas: WeekPlanArea[], areaKey: string, entry: WeekPlanEntry, position?: number): WeekPlanArea[] {
  const exists = areas.some((a) => a.areaKey === areaKey);
  const all = exists ? areas : [...areas, { areaKey, entries: [] }].sort((a, b) => (a.areaKey < b.areaKey ? -1 : a.areaKey > b.areaKey ? 1 : 0));
  return all.map((area) => {
    if (area.areaKey !== areaKey) return area;
    const entries = [...area.entries];
    let at = position ?? entries.length;
    if (position === undefined && entry.time) {
      const later = entries.findIndex((e) => e.time !== undefined && e.time > (entry.time ?? ''));
      if (later >= 0) at = later;
    }
    entries.splice(Math.max(0, Math.min(at, entries.length)), 0, entry);
    return { ...area, entries };
  });
}

/**
 * Moves the account's entry to another day (same area), optionally to a position; a no-op when absent.
 * On another day the old day's route times and drive no longer hold: they are dropped (the visit
 * is then untimed on paper and all-day in the .ics) rather than printed at a time from another day.
 */
export function moveEntry(plan: WeekPlan, accountId: Id, toDate: IsoDate, position?: number): WeekPlan {
  const found = findEntry(plan, accountId);
  if (!found) return plan;
  if (found.date === toDate) return addEntry(plan, toDate, found.areaKey, found.entry, position);
  const { start: _start, end: _end, driveKm: _km, driveMinutes: _min, waitMinutes: _wait, ...kept } = found.entry;
  return addEntry(plan, toDate, found.areaKey, kept, position);
}

/** All entries of the plan in day, area and list order (for print and .ics export). */
export function planEntries(plan: WeekPlan): { date: IsoDate; areaKey: string; entry: WeekPlanEntry }[] {
  return plan.days.flatMap((day) => day.areas.flatMap((area) => area.entries.map((entry) => ({ date: day.date, areaKey: area.areaKey, entry }))));
}
