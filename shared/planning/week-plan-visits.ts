import type { Account, Id } from '../domain';
import { weekPlanUid, type IcsVisit } from '../export/ics';
import type { WeekPlan, WeekPlanEntry } from './week-plan';

export type VisitTimesOptions = {
  /** First visit of the day, `HH:mm`. */
  dayStart?: string;
  /** Length of a visit in minutes. */
  visitMinutes?: number;
  /** Driving time between two visits in minutes (a day's visits are in one area). */
  travelMinutes?: number;
  /** Text for the calendar entry's description (reason, contacts, open items); i18n is the caller's. */
  describe?: (entry: WeekPlanEntry, account: PlanAccount | undefined) => string;
};

type PlanAccount = Pick<Account, 'name' | 'street' | 'postalCode' | 'city'>;

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function hhmm(total: number): string {
  const t = Math.min(Math.max(0, total), 23 * 60 + 59); // a day's plan never spills into the next day
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/**
 * Turns a week plan into calendar entries. Appointments keep their time; proposed visits get
 * consecutive slots from dayStart in the plan's order (area by area), skipping any slot that would
 * overlap an appointment, so the exported week is a usable schedule rather than a pile of
 * 09:00 entries. UIDs are stable per rep-week and account (appointments: per interaction).
 */
export function weekPlanVisits(plan: WeekPlan, accounts: ReadonlyMap<Id, PlanAccount>, options: VisitTimesOptions = {}): IcsVisit[] {
  const visit = options.visitMinutes ?? 60;
  const travel = options.travelMinutes ?? 30;
  const out: IcsVisit[] = [];
  for (const day of plan.days) {
    const entries = day.areas.flatMap((a) => a.entries);
    const busy = entries.filter((e) => e.time).map((e) => [minutes(e.time ?? ''), minutes(e.time ?? '') + visit] as const);
    let cursor = minutes(options.dayStart ?? '08:00');
    for (const e of entries) {
      let start: number;
      if (e.time) start = minutes(e.time);
      else {
        start = cursor;
        for (let moved = true; moved;) {
          moved = false;
          for (const [from, to] of busy) {
            if (start < to + travel && start + visit + travel > from) {
              start = to + travel;
              moved = true;
            }
          }
        }
        cursor = start + visit + travel;
      }
      const account = accounts.get(e.accountId);
      out.push({
        uid: weekPlanUid(plan.isoYear, plan.isoWeek, e.accountId, e.reason === 'appointment' ? e.interactionId : undefined),
        start: `${day.date}T${hhmm(start)}`,
        end: `${day.date}T${hhmm(start + visit)}`,
        summary: account?.name ?? e.accountId,
        location: account ? [account.street, `${account.postalCode} ${account.city}`.trim()].filter(Boolean).join(', ') : '',
        description: options.describe?.(e, account) ?? '',
      });
    }
  }
  return out;
}
