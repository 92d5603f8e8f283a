import { newId, type Account, type Deal, type Id, type Interaction, type LeadSource, type LeadSourceKind } from '../../../shared/domain';
import type { ReportData } from '../../../shared/kpi';
import {
  BANDS_SETTING, changedRuleRows, effectiveLeadScoreBands, effectiveLeadScoreRules, parseLeadScoreBands, type LeadScoreBands, type LeadScoreRule,
} from '../../../shared/scoring';
import { isoDate } from '../../../shared/time';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

// Lead sources, automation rules, scoring rules and the pipeline settings, plus the one read that
// feeds the reports. The follow-up days are this laptop's (`settings`); the lead-score rules and
// bands are the team's (`teamSettings`, synced; shared/scoring/team.ts).

const FOLLOW_UP_KEY = 'offerFollowUpDays';
/** Where schema ≤ 9 kept rules and bands; read below the team's rows when a restored old backup brings them back. */
const LEGACY_RULES = 'leadScoreRules';
const LEGACY_BANDS = 'leadScoreBands';
export const DEFAULT_FOLLOW_UP_DAYS = 14;

/** The editable fields of a lead source; the period ends are the form's text ('' = open), checked by sourceRow. */
export type LeadSourceInput = { name: string; kind: LeadSourceKind; cost: number; periodStart?: string | undefined; periodEnd?: string | undefined };

/** The last guard before a write (the form validates with messages first): no nameless, negative or backwards source. */
function sourceRow(id: Id, input: LeadSourceInput, now: number): LeadSource {
  if (input.name.trim() === '') throw new RangeError('A lead source needs a name');
  if (!Number.isFinite(input.cost) || input.cost < 0) throw new RangeError(`Invalid lead source cost: ${input.cost}`);
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) throw new RangeError('The lead source period ends before it starts');
  const row: LeadSource = { id, updatedAt: now, name: input.name.trim(), kind: input.kind, cost: input.cost };
  if (input.periodStart) row.periodStart = isoDate(input.periodStart);
  if (input.periodEnd) row.periodEnd = isoDate(input.periodEnd);
  return row;
}

export async function createLeadSource(input: LeadSourceInput, now: number = Date.now()): Promise<LeadSource> {
  const row = sourceRow(newId(), input, now);
  await runWrite((d) => [d.leadSources], () => getDb().leadSources.add(row), { label: 'settings' });
  return row;
}

export async function updateLeadSource(id: Id, input: LeadSourceInput, now: number = Date.now()): Promise<LeadSource> {
  const row = sourceRow(id, input, now);
  await runWrite((d) => [d.leadSources], () => getDb().leadSources.put(row), { label: 'settings' });
  return row;
}

/** Removes a source only when no account refers to it; returns how many accounts still do. */
export async function deleteLeadSource(id: Id): Promise<number> {
  const db = getDb();
  return runWrite([db.accounts, db.leadSources], async () => {
    const used = await db.accounts.where('leadSourceId').equals(id).filter((a) => a.deletedAt === undefined).count();
    if (used === 0) await db.leadSources.delete(id);
    return used;
  }, { label: 'settings' });
}

/** N in "offers without follow-up for N days". */
export async function getFollowUpDays(): Promise<number> {
  const row = await getDb().settings.get(FOLLOW_UP_KEY);
  const n = typeof row?.value === 'number' ? row.value : DEFAULT_FOLLOW_UP_DAYS;
  return Number.isFinite(n) && n >= 1 ? Math.round(n) : DEFAULT_FOLLOW_UP_DAYS;
}

export async function setFollowUpDays(days: number): Promise<void> {
  await runWrite((d) => [d.settings], () => getDb().settings.put({ id: FOLLOW_UP_KEY, value: Math.max(1, Math.round(days)), updatedAt: Date.now() }), { label: 'settings' });
}

/** The team's lead-score rules (validated): the defaults, each replaced by what the team chose (synced). */
export async function getLeadScoreRules(): Promise<LeadScoreRule[]> {
  const db = getDb();
  const [rows, legacy] = await Promise.all([db.teamSettings.toArray(), db.settings.get(LEGACY_RULES)]);
  return effectiveLeadScoreRules(rows, legacy?.value);
}

/** Saves the given rules as the team's choice; rules equal to what is in effect are not written (no default becomes a choice). */
export async function saveLeadScoreRules(rules: readonly LeadScoreRule[], now: number = Date.now()): Promise<void> {
  const db = getDb();
  await runWrite([db.teamSettings, db.settings], async () => {
    const changed = changedRuleRows(rules, await getLeadScoreRules());
    if (changed.length) await db.teamSettings.bulkPut(changed.map((r) => ({ ...r, updatedAt: now })));
  }, { label: 'settings' });
}

/** The hot/warm limits of the lead score (validated): the team's, else the defaults. */
export async function getLeadScoreBands(): Promise<LeadScoreBands> {
  const db = getDb();
  const [row, legacy] = await Promise.all([db.teamSettings.get(BANDS_SETTING), db.settings.get(LEGACY_BANDS)]);
  return effectiveLeadScoreBands(row?.value, legacy?.value);
}

/** Saves the limits as the team's choice (nothing when they are the ones in effect). */
export async function saveLeadScoreBands(bands: LeadScoreBands, now: number = Date.now()): Promise<void> {
  const db = getDb();
  const value = parseLeadScoreBands(bands);
  await runWrite([db.teamSettings, db.settings], async () => {
    const current = await getLeadScoreBands();
    if (current.hot !== value.hot || current.warm !== value.warm) await db.teamSettings.put({ id: BANDS_SETTING, value, updatedAt: now });
  }, { label: 'settings' });
}

// The automation rules' reads and writes live in automation.ts; re-exported for existing callers.
export { listAutomationRules, runAutomationNow, saveAutomationRule } from './automation';

/** Which table is being read, for the reports' progress line. */
export type LoadStep = keyof ReportData;

/**
 * Reads every row the reports need, one table after another so the page can show progress
 * between them (each `toArray` is one getAll, the fastest read IndexedDB offers).
 */
export async function loadReportData(onStep?: (step: LoadStep, done: number, total: number) => void): Promise<ReportData> {
  const db = getDb();
  const steps: LoadStep[] = ['accounts', 'deals', 'sales', 'leadSources', 'interactions'];
  const out: Partial<Record<LoadStep, unknown[]>> = {};
  for (const [index, step] of steps.entries()) {
    onStep?.(step, index, steps.length);
    out[step] = await db.table(step).toArray();
  }
  onStep?.('interactions', steps.length, steps.length);
  return out as unknown as ReportData;
}

/** Leads and prospects with the rows their score reads (their interactions and deals, all sources). */
export async function loadLeadScoringInput(): Promise<{ leads: Account[]; interactions: Interaction[]; deals: Deal[]; leadSources: LeadSource[] }> {
  const db = getDb();
  const leads = (await db.accounts.where('lifecycle').anyOf('lead', 'prospect').toArray()).filter((a) => a.deletedAt === undefined && !a.archived);
  const ids = leads.map((a) => a.id);
  const [interactions, deals, leadSources] = await Promise.all([
    db.interactions.where('accountId').anyOf(ids).toArray(),
    db.deals.where('accountId').anyOf(ids).toArray(),
    db.leadSources.toArray(),
  ]);
  return { leads, interactions, deals, leadSources };
}

/** One account's rows for its score (the account page): its interactions and deals, and the lead sources. */
export async function loadAccountScoringInput(accountId: Id): Promise<{ interactions: Interaction[]; deals: Deal[]; leadSources: LeadSource[] }> {
  const db = getDb();
  const [interactions, deals, leadSources] = await Promise.all([
    db.interactions.where('accountId').equals(accountId).toArray(),
    db.deals.where('accountId').equals(accountId).toArray(),
    db.leadSources.toArray(),
  ]);
  return { interactions, deals, leadSources };
}
