import type { Id, IsoDate } from '../domain/common';
import type { Interaction } from '../domain/interaction';
import type { AutomationRule } from '../domain/support';

/** Which rule kinds exist. */
export type RuleKind = AutomationRule['kind'];
export const RULE_KINDS: readonly RuleKind[] = ['deal_value_call', 'won_deal_followup', 'birthday_greeting'];

/** What made the rules run: a save that concerns them, the app's start, the daily run, the button. */
export type AutomationTrigger = 'write' | 'start' | 'daily' | 'manual';

/** One line of the automation log: a rule created a task. */
export type AutomationLogEntry = {
  /** Epoch milliseconds the task was created. */
  at: number;
  /** The rule that created it. */
  kind: RuleKind;
  /** What made the rules run. */
  trigger: AutomationTrigger;
  /** The created task (a planned interaction). */
  interactionId: Id;
  /** Account the task is for. */
  accountId: Id;
  /** The account's name when the task was created (the log outlives renames and deletions). */
  accountName: string;
  /** The task's subject. */
  subject: string;
};

/** The newest entries kept; older ones fall off (the tasks themselves stay in the history). */
export const AUTOMATION_LOG_SIZE = 200;

// The sourceKey prefixes the rules write (rules.ts), back to the rule.
const PREFIXES: ReadonlyArray<[string, RuleKind]> = [
  ['auto:deal_value_call:', 'deal_value_call'],
  ['auto:won_followup:', 'won_deal_followup'],
  ['auto:birthday:', 'birthday_greeting'],
];

/** The rule a generated task's sourceKey comes from; undefined for other keys (activity plans). */
export function ruleOfSourceKey(key: string | undefined): RuleKind | undefined {
  if (key === undefined) return undefined;
  return PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[1];
}

/** Log entries for the tasks one run created, in the order created. */
export function logEntriesFor(
  created: readonly Interaction[],
  accountName: (id: Id) => string | undefined,
  trigger: AutomationTrigger,
  nowMs: number,
): AutomationLogEntry[] {
  const out: AutomationLogEntry[] = [];
  for (const i of created) {
    const kind = ruleOfSourceKey(i.sourceKey);
    if (kind === undefined) continue;
    out.push({ at: nowMs, kind, trigger, interactionId: i.id, accountId: i.accountId, accountName: accountName(i.accountId) ?? '', subject: i.subject });
  }
  return out;
}

/** The stored log with `entries` added: newest first, at most `size` entries. */
export function appendLog(log: readonly AutomationLogEntry[], entries: readonly AutomationLogEntry[], size = AUTOMATION_LOG_SIZE): AutomationLogEntry[] {
  return [...[...entries].reverse(), ...log].slice(0, size);
}

const TRIGGERS: ReadonlySet<string> = new Set<AutomationTrigger>(['write', 'start', 'daily', 'manual']);

/** The log as stored (a settings value), keeping only well-formed entries; anything else reads as empty. */
export function parseLog(value: unknown): AutomationLogEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter((e): e is AutomationLogEntry => {
    if (e === null || typeof e !== 'object') return false;
    const r = e as Record<string, unknown>;
    return typeof r.at === 'number' && RULE_KINDS.includes(r.kind as RuleKind) && TRIGGERS.has(r.trigger as string)
      && typeof r.interactionId === 'string' && typeof r.accountId === 'string' && typeof r.accountName === 'string' && typeof r.subject === 'string';
  });
}

/** A committed write as the runner sees it: what was saved, into which tables. */
export type WriteSeen = { label: string | undefined; tables: readonly string[] };

/**
 * Labels of writes that bring many people at once (an import, the demo, a restore, a merge). Not
 * sync: its merge covers every synced table on each round, so it runs the deal rules only (cheap);
 * contacts that arrive by sync get their birthday task from the start or the daily run.
 */
const BULK_LABELS: ReadonlySet<string> = new Set(['import', 'demo', 'restore', 'merge']);

/**
 * Which rules a committed write should run. A deal saved runs the deal rules (they read only the
 * deals); a rule switched on or changed here, or many people arriving at once, runs all of them. Saving a
 * contact or an account does not: the birthday rule reads every contact and account, too much for
 * each keystroke-sized save at 100k accounts, and a birthday is days ahead, so the start and the
 * daily run are in time. The runner's own writes (interactions, settings) run nothing.
 */
export function rulesForWrite(write: WriteSeen): RuleKind[] {
  if (write.tables.includes('automationRules') && write.label !== 'sync') return [...RULE_KINDS];
  const people = write.tables.includes('contacts') || write.tables.includes('accounts');
  if (write.label !== undefined && BULK_LABELS.has(write.label) && people) return [...RULE_KINDS];
  if (write.tables.includes('deals')) return ['deal_value_call', 'won_deal_followup'];
  return [];
}

/** Whether the daily run is due: the first full run of a local day (the laptop stayed open overnight). */
export function dailyRunDue(lastFullRun: IsoDate | undefined, today: IsoDate): boolean {
  return lastFullRun !== today;
}
