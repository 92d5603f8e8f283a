import {
  appendLog, AUTOMATION_DEFAULTS, logEntriesFor, parseLog, RULE_KINDS, runAutomation,
  type AutomationLogEntry, type AutomationTrigger, type RuleKind,
} from '../../../shared/automation';
import type { Account, AutomationRule, Contact, Deal, Id, IsoDate } from '../../../shared/domain';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

// The automation rules: stored settings, the run that writes their tasks, and the log of what they did.

/** Settings rows (local to this laptop: the log says what this laptop's runs did). */
const LOG_KEY = 'automationLog';
const LAST_RUN_KEY = 'automationLastRun';

/** When the rules last ran on this laptop, why, and how many tasks that run created. */
export type AutomationLastRun = { at: number; trigger: AutomationTrigger; created: number };

/** One rule per kind: the stored one, or the defaults (disabled) when never saved. Ids are the kinds. */
export async function listAutomationRules(): Promise<AutomationRule[]> {
  const stored = await getDb().automationRules.toArray();
  return RULE_KINDS.map(
    (kind) => stored.find((r) => r.kind === kind) ?? { id: kind, kind, enabled: false, updatedAt: 0, params: { ...AUTOMATION_DEFAULTS[kind] } },
  );
}

export async function saveAutomationRule(rule: AutomationRule, now: number = Date.now()): Promise<void> {
  await runWrite((d) => [d.automationRules], () => getDb().automationRules.put({ ...rule, updatedAt: now }), { label: 'settings' });
}

/** How a run is asked for: which rules (default all enabled ones), why, and for whom. */
export type AutomationRunOptions = { kinds?: readonly RuleKind[]; trigger?: AutomationTrigger; forUserId?: Id };

/**
 * Runs the enabled rules (of `kinds`) once and writes the planned interactions they propose, with
 * their log lines, in one transaction. Idempotent: every task has a sourceKey, the keys already
 * used (trashed rows too) are read through the sourceKey index inside the same transaction, and
 * row ids derive from the key, so a second run — or a run on a colleague's laptop — adds nothing
 * twice (two laptops that both created a task offline create the same row id, which sync merges
 * into one row). Only the tables the chosen rules read are read. Returns how many tasks were created.
 */
export async function runAutomationNow(today: IsoDate, now: number = Date.now(), options: AutomationRunOptions | Id = {}): Promise<number> {
  const { kinds = RULE_KINDS, trigger = 'manual', forUserId } = typeof options === 'string' ? { forUserId: options } : options;
  const db = getDb();
  const rules = (await listAutomationRules()).filter((r) => r.enabled && kinds.includes(r.kind));
  if (rules.length === 0) return 0;
  const needsDeals = rules.some((r) => r.kind !== 'birthday_greeting');
  const needsPeople = rules.some((r) => r.kind === 'birthday_greeting');
  const [deals, contacts, accounts] = await Promise.all([
    needsDeals ? db.deals.toArray() : ([] as Deal[]),
    needsPeople ? db.contacts.toArray() : ([] as Contact[]),
    needsPeople ? db.accounts.toArray() : ([] as Account[]),
  ]);
  return runWrite([db.interactions, db.settings, db.accounts], async () => {
    const keys = (await db.interactions.where('sourceKey').startsWith('auto:').uniqueKeys()) as string[];
    const existingKeys = new Set(keys);
    const rows = runAutomation(rules, { deals, contacts, accounts }, { today, nowMs: now, existingKeys, ...(forUserId ? { forUserId } : {}) });
    const taken = new Set((await db.interactions.bulkGet(rows.map((r) => r.id))).filter((r) => r !== undefined).map((r) => r.id));
    const fresh = rows.filter((r) => !taken.has(r.id));
    await db.interactions.bulkAdd(fresh);
    if (fresh.length > 0) {
      const named = await db.accounts.bulkGet([...new Set(fresh.map((r) => r.accountId))]);
      const names = new Map(named.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
      const entries = logEntriesFor(fresh, (id) => names.get(id), trigger, now);
      const log = parseLog((await db.settings.get(LOG_KEY))?.value);
      await db.settings.put({ id: LOG_KEY, value: appendLog(log, entries), updatedAt: now });
    }
    const last: AutomationLastRun = { at: now, trigger, created: fresh.length };
    await db.settings.put({ id: LAST_RUN_KEY, value: last, updatedAt: now });
    return fresh.length;
  }, { label: 'interaction' });
}

/** The log, newest first, and the last run (undefined before the first). */
export async function readAutomationLog(): Promise<{ entries: AutomationLogEntry[]; lastRun: AutomationLastRun | undefined }> {
  const db = getDb();
  const [log, last] = await Promise.all([db.settings.get(LOG_KEY), db.settings.get(LAST_RUN_KEY)]);
  const value = last?.value as Partial<AutomationLastRun> | undefined;
  const lastRun = value && typeof value.at === 'number' && typeof value.created === 'number' && typeof value.trigger === 'string' ? (value as AutomationLastRun) : undefined;
  return { entries: parseLog(log?.value), lastRun };
}
