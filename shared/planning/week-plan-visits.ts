import type { Account, Id, IsoDate } from '../domain';
import { weekPlanUid, type IcsVisit } from '../export/ics';
import type { WeekPlan, WeekPlanDay, WeekPlanEntry } from './week-plan';

// The one reading of a plan that the Plan page, its A4 print and the .ics export all share, so
// paper and calendar cannot disagree. The rule for times:
// - an entry with a planned `start` (the routed planner sets it) keeps it, and its `end`;
// - an appointment without `start` (an older stored plan) is at its `time`;
// - any other entry (hand-added, or stored before routing) has NO time: it is listed without a
//   time on screen and paper and exported as an all-day event of its day. Inventing a slot in one
//   place and not the other was exactly the disagreement of #19.
// Order is the day's entries across its areas, as stored (the route order once routed).

/** One visit of a day, with the time everyone shows. */
export type ScheduledVisit = {
  entry: WeekPlanEntry;
  /** The area (see areaKeyOf) the entry is stored in. */
  areaKey: string;
  /** 1-based position in the day's route. */
  stop: number;
  /** Local `HH:mm` of arrival; absent when the visit has no time. */
  start?: string;
  /** Local `HH:mm` when the visit ends; present whenever start is. */
  end?: string;
};

/** A plan day as shown and exported: its visits in route order, with times where known. */
export type ScheduledDay = {
  date: IsoDate;
  day: WeekPlanDay;
  visits: ScheduledVisit[];
  /** Minutes waited before fixed appointments in total (0 when none or unknown). */
  waitMinutes: number;
};

/** The week in figures; km and driving time only when some day has them. */
export type WeekTotals = { visits: number; km?: number; driveMinutes?: number; waitMinutes: number };

/** Default length of a visit when only its start is known (an appointment of an older plan). */
export const DEFAULT_VISIT_MINUTES = 60;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string | undefined): number | undefined {
  const m = time === undefined ? null : HHMM.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function hhmm(total: number): string {
  const t = Math.min(Math.max(0, total), 23 * 60 + 59); // a day's visit never spills into the next day
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

function timesOf(entry: WeekPlanEntry, visitMinutes: number): { start?: string; end?: string } {
  const start = minutesOf(entry.start) ?? minutesOf(entry.time);
  if (start === undefined) return {};
  const end = minutesOf(entry.end);
  return { start: hhmm(start), end: hhmm(end !== undefined && end >= start ? end : start + visitMinutes) };
}

/** The plan's days with their visits in route order and the times that screen, paper and .ics show. */
export function scheduleOf(plan: WeekPlan, visitMinutes = DEFAULT_VISIT_MINUTES): ScheduledDay[] {
  return plan.days.map((day) => {
    const visits = day.areas.flatMap((area) => area.entries.map((entry) => ({ entry, areaKey: area.areaKey })))
      .map(({ entry, areaKey }, i) => ({ entry, areaKey, stop: i + 1, ...timesOf(entry, visitMinutes) }));
    const waitMinutes = visits.reduce((s, v) => s + Math.max(0, v.entry.waitMinutes ?? 0), 0);
    return { date: day.date, day, visits, waitMinutes };
  });
}

/** Sums the week: visits always, km and driving minutes over the days that know them. */
export function weekTotals(days: readonly ScheduledDay[]): WeekTotals {
  const known = <K extends 'km' | 'driveMinutes'>(key: K) => {
    const values = days.map((d) => d.day[key]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return values.length ? values.reduce((s, v) => s + v, 0) : undefined;
  };
  const km = known('km');
  const driveMinutes = known('driveMinutes');
  return {
    visits: days.reduce((s, d) => s + d.visits.length, 0),
    ...(km !== undefined ? { km } : {}),
    ...(driveMinutes !== undefined ? { driveMinutes } : {}),
    waitMinutes: days.reduce((s, d) => s + d.waitMinutes, 0),
  };
}

type PlanAccount = Pick<Account, 'name' | 'street' | 'postalCode' | 'city'>;

export type VisitExportOptions = {
  /** Length of a timed visit without an `end`, in minutes. */
  visitMinutes?: number;
  /** Text for the calendar entry's description (stop, reason, contacts…); i18n is the caller's. */
  describe?: (visit: ScheduledVisit, day: ScheduledDay, account: PlanAccount | undefined) => string;
};

/**
 * The week as calendar entries, read from scheduleOf: a timed visit at its time, an untimed one
 * as an all-day event of its day. UIDs are stable per rep-week and account (appointments: per
 * interaction), so re-importing the week updates instead of duplicating.
 */
export function weekPlanVisits(plan: WeekPlan, accounts: ReadonlyMap<Id, PlanAccount>, options: VisitExportOptions = {}): IcsVisit[] {
  return scheduleOf(plan, options.visitMinutes).flatMap((day) => day.visits.map((v): IcsVisit => {
    const account = accounts.get(v.entry.accountId);
    const when = v.start !== undefined && v.end !== undefined
      ? { start: `${day.date}T${v.start}`, end: `${day.date}T${v.end}` }
      : { start: day.date, end: day.date, allDay: true as const };
    return {
      uid: weekPlanUid(plan.isoYear, plan.isoWeek, v.entry.accountId, v.entry.reason === 'appointment' ? v.entry.interactionId : undefined),
      ...when,
      summary: account?.name ?? v.entry.accountId,
      location: account ? [account.street, `${account.postalCode} ${account.city}`.trim()].filter(Boolean).join(', ') : '',
      description: options.describe?.(v, day, account) ?? '',
    };
  }));
}
