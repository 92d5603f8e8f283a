import {
  newId, segmentKey,
  type AccountType, type ActivityPlan, type Category, type Id, type Interaction, type IsoDate, type ReminderState, type SegmentRule,
} from '../../../shared/domain';
import { defaultSegmentRules } from '../../../shared/domain/segment-defaults';
import { planActivities, type PlanActivitiesOptions } from '../../../shared/planning/activity-plan';
import { DEFAULT_REMINDER_SETTINGS } from '../../../shared/planning/reminders';
import { rhythmTable, type RhythmTable } from '../../../shared/planning/rhythm';
import { ymdText } from '../../../shared/time';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';
import { loadTeamDaysOff } from './rep-week';

// Planning's stored state: segment rules (segmentRules), what the user did with reminders
// (reminderStates), activity plans (activityPlans) and a few settings rows. No new table or index
// is needed: week plans and notified keys are settings rows too (see planning/load.ts).

/** Settings of reminders and the week plan, stored as the `planningSettings` row. */
export type PlanningSettings = {
  /** Birthdays show this many days ahead. */
  birthdayLeadDays: number;
  /** Offers without follow-up are flagged after this many days. */
  offerFollowUpDays: number;
  /** Complaints are flagged when still open this many days after they came in. */
  complaintOpenDays: number;
  /** Local hour (0–23) of the daily reminder notification; null = only at app start. */
  notifyHour: number | null;
  /** Visits the week plan proposes per working day. */
  maxVisitsPerDay: number;
};

export const DEFAULT_PLANNING_SETTINGS: PlanningSettings = {
  birthdayLeadDays: DEFAULT_REMINDER_SETTINGS.birthdayLeadDays,
  offerFollowUpDays: DEFAULT_REMINDER_SETTINGS.offerFollowUpDays,
  complaintOpenDays: DEFAULT_REMINDER_SETTINGS.complaintOpenDays,
  notifyHour: 8,
  maxVisitsPerDay: 5,
};

const SETTINGS_ID = 'planningSettings';

export async function getPlanningSettings(): Promise<PlanningSettings> {
  const row = await getDb().settings.get(SETTINGS_ID);
  return { ...DEFAULT_PLANNING_SETTINGS, ...((row?.value as Partial<PlanningSettings> | undefined) ?? {}) };
}

export async function savePlanningSettings(patch: Partial<PlanningSettings>): Promise<PlanningSettings> {
  const next = { ...(await getPlanningSettings()), ...patch };
  await runWrite((d) => [d.settings], () => getDb().settings.put({ id: SETTINGS_ID, value: next, updatedAt: Date.now() }), { label: 'settings' });
  return next;
}

/**
 * The eight segment rules in display order; read-only (safe in live queries), defaults fill gaps.
 * Defaults are never written: a row exists only once somebody chose a value, so a laptop joining the
 * sync folder (or just opening the settings) cannot overwrite the team's rhythm with defaults.
 */
export async function listSegmentRules(): Promise<SegmentRule[]> {
  const rows = await getDb().segmentRules.toArray();
  const stored = new Map(rows.map((r) => [r.id, r]));
  // A missing row (partial sync, older data) shows the default rather than a hole in the table.
  return defaultSegmentRules(0).map((d) => stored.get(d.id) ?? d);
}

/** The effective rhythm of every segment, for the planning rules. */
export async function loadRhythmTable(): Promise<RhythmTable> {
  return rhythmTable(await getDb().segmentRules.toArray());
}

/** Writes one segment's rhythm; days must be whole numbers ≥ 0 (0 switches the mode off). */
export async function saveSegmentRule(category: Category, accountType: AccountType, humanDays: number, digitalDays: number): Promise<SegmentRule> {
  for (const d of [humanDays, digitalDays]) if (!Number.isInteger(d) || d < 0 || d > 3650) throw new RangeError(`Invalid rhythm: ${d}`);
  const row: SegmentRule = { id: segmentKey(category, accountType), updatedAt: Date.now(), category, accountType, humanDays, digitalDays };
  await runWrite((d) => [d.segmentRules], () => getDb().segmentRules.put(row), { label: 'settings' });
  return row;
}

/** Sets or clears (undefined) the account's own rhythm. */
export async function saveRhythmOverride(accountId: Id, humanDays: number | undefined, digitalDays: number | undefined): Promise<void> {
  const db = getDb();
  await runWrite([db.accounts], async () => {
    const a = await db.accounts.get(accountId);
    if (!a) return;
    const rhythm = { ...(humanDays !== undefined ? { humanDays } : {}), ...(digitalDays !== undefined ? { digitalDays } : {}) };
    const next = { ...a, updatedAt: Date.now() };
    if (Object.keys(rhythm).length > 0) next.rhythm = rhythm;
    else delete next.rhythm;
    await db.accounts.put(next);
  }, { label: 'account' });
}

/** Marks a reminder done: it never shows again (its key names exactly this occurrence). */
export async function markReminderDone(key: string): Promise<void> {
  await runWrite((d) => [d.reminderStates], () => getDb().reminderStates.put({ id: key, state: 'done', updatedAt: Date.now() }), { label: 'reminder' });
}

/** Snoozes a reminder until an instant; it comes back once that has passed. */
export async function snoozeReminder(key: string, until: Date): Promise<void> {
  await runWrite((d) => [d.reminderStates], () => getDb().reminderStates.put({ id: key, state: 'snoozed', snoozedUntil: until.toISOString(), updatedAt: Date.now() }), { label: 'reminder' });
}

export async function listReminderStates(): Promise<ReminderState[]> {
  return getDb().reminderStates.toArray();
}

export async function listActivityPlans(): Promise<ActivityPlan[]> {
  const rows = await getDb().activityPlans.toArray();
  return rows.sort((a, b) => a.segment.localeCompare(b.segment) || a.name.localeCompare(b.name, 'de'));
}

export async function saveActivityPlan(plan: Omit<ActivityPlan, 'id' | 'updatedAt'> & { id?: Id }): Promise<ActivityPlan> {
  const row: ActivityPlan = { ...plan, id: plan.id ?? newId(), updatedAt: Date.now() };
  await runWrite((d) => [d.activityPlans], () => getDb().activityPlans.put(row), { label: 'plan' });
  return row;
}

export async function deleteActivityPlan(id: Id): Promise<void> {
  await runWrite((d) => [d.activityPlans], () => getDb().activityPlans.delete(id), { label: 'plan' });
}

/**
 * Creates the plan's planned tasks for `year` on the accounts of its segment. Keys that already
 * exist (checked through the sourceKey index, whoever created them on whichever laptop) are
 * skipped, so running it twice creates nothing the second time. Returns the number created.
 */
export async function generateActivityTasks(planId: Id, year: number, options: { from?: IsoDate; userId?: Id } = {}): Promise<number> {
  const db = getDb();
  const plan = await db.activityPlans.get(planId);
  if (!plan) return 0;
  const [category, accountType] = plan.segment.split('-') as [Category, AccountType];
  // Each task lands on a working day of the account's owner: not on their holidays, 24/31 December or absences.
  const daysOffOf = await loadTeamDaysOff(ymdText(year, 1, 1), ymdText(year, 12, 31), options.userId);
  return runWrite([db.accounts, db.interactions, db.activityPlans], async () => {
    const accounts = await db.accounts.where('category').equals(category).filter((a) => a.accountType === accountType).toArray();
    const prefix = `plan:${plan.id}:${year}:`;
    const keys = await db.interactions.where('sourceKey').startsWith(prefix).keys();
    const existing = new Set<string>();
    // keys() on an index gives the index values (the source keys), not primary keys.
    for (const k of keys) existing.add(String(k));
    const byOwner = new Map<Id | undefined, typeof accounts>();
    for (const a of accounts) byOwner.set(a.ownerId, [...(byOwner.get(a.ownerId) ?? []), a]);
    const rows: Interaction[] = [];
    for (const [owner, mine] of byOwner) {
      const opts: PlanActivitiesOptions = { ...(options.from ? { from: options.from } : {}), holidays: daysOffOf(owner) };
      rows.push(...planActivities(plan, mine, year, existing, opts));
    }
    if (rows.length > 0) await db.interactions.bulkAdd(rows);
    if (options.userId) await db.activityPlans.put({ ...plan, generatedBy: options.userId, updatedAt: Date.now() });
    return rows.length;
  }, { label: 'plan' });
}
