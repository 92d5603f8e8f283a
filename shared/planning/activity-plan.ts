import { defaultMode, kindOf, newId, segmentKey, type Account, type ActivityPlan, type Id, type Interaction, type IsoDate } from '../domain';
import { dayNumberOfYmd, fromDayNumber, instantOfLocal, toDayNumber, weekdayOfDayNumber } from './calendar';
import { hasRhythm } from './rhythm';

/** Idempotency key of a generated task: the same plan step never lands twice on one account in one year. */
export function activitySourceKey(planId: Id, year: number, stepIndex: number, accountId: Id): string {
  return `plan:${planId}:${year}:${stepIndex}:${accountId}`;
}

export type PlanActivitiesOptions = {
  /** Steps are not planned before this day (generating in July does not create Q1 tasks in the past). */
  from?: IsoDate;
  /** Days nobody is visited (public holidays); weekends are always skipped. */
  holidays?: readonly IsoDate[];
  /** Local start time of the planned task, `HH:mm`. */
  time?: string;
  /** IANA zone the start time is in; default: the laptop's. */
  tz?: string;
  /** Epoch ms stamped as createdAt/updatedAt. */
  now?: number;
  /** Id factory; tests pass a deterministic one. */
  newId?: () => Id;
};

/** FNV-1a: a stable hash so an account's day does not depend on which other accounts exist. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Working days (Mon–Fri, no holidays) of a quarter, on or after `from`. */
export function quarterWorkdays(year: number, quarter: 1 | 2 | 3 | 4, from?: number, holidays?: ReadonlySet<number>): number[] {
  const start = dayNumberOfYmd(year, quarter * 3 - 2, 1);
  const end = quarter === 4 ? dayNumberOfYmd(year + 1, 1, 1) : dayNumberOfYmd(year, quarter * 3 + 1, 1);
  const days: number[] = [];
  for (let d = Math.max(start, from ?? start); d < end; d++) {
    if (weekdayOfDayNumber(d) <= 5 && !holidays?.has(d)) days.push(d);
  }
  return days;
}

/**
 * New planned tasks for the accounts of the plan's segment in `year`. Each (step, account) gets a
 * working day of the step's quarter picked by hashing its source key, which spreads a segment's
 * visits evenly over the quarter without coordination, and gives every laptop the same day.
 * Keys in `existing` (from earlier runs, on any laptop) are skipped, so re-running creates nothing
 * twice; a task the rep moved or cancelled keeps its key and is not recreated either.
 */
export function planActivities(
  plan: ActivityPlan, accounts: readonly Account[], year: number, existing: ReadonlySet<string>, options: PlanActivitiesOptions = {},
): Interaction[] {
  if (!plan.enabled) return [];
  const now = options.now ?? Date.now();
  const makeId = options.newId ?? newId;
  const from = options.from ? toDayNumber(options.from) : undefined;
  const holidays = new Set((options.holidays ?? []).map(toDayNumber));
  const days = [1, 2, 3, 4].map((q) => quarterWorkdays(year, q as 1 | 2 | 3 | 4, from, holidays));
  const members = accounts
    .filter((a) => hasRhythm(a) && segmentKey(a.category, a.accountType) === plan.segment)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Interaction[] = [];
  plan.steps.forEach((step, stepIndex) => {
    const workdays = days[step.quarter - 1] ?? [];
    if (workdays.length === 0) return; // quarter already over (or all holidays): nothing to plan
    for (const a of members) {
      const sourceKey = activitySourceKey(plan.id, year, stepIndex, a.id);
      if (existing.has(sourceKey)) continue;
      const day = workdays[hash(sourceKey) % workdays.length] ?? workdays[0] ?? 0;
      out.push({
        id: makeId(), updatedAt: now, createdAt: now, accountId: a.id, ...kindOf(step.type, a.ownerId), mode: defaultMode(step.type),
        status: 'planned', at: instantOfLocal(fromDayNumber(day), options.time ?? '09:00', options.tz), userId: a.ownerId,
        contactIds: [], subject: step.title, summary: '', nextStep: '', sourceKey,
      });
    }
  });
  return out;
}
