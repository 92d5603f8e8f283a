import { canonicalJson } from '../bytes';
import { checkLeadScoreBands, DEFAULT_LEAD_SCORE_BANDS, type LeadScoreBands } from './bands';
import { DEFAULT_LEAD_SCORE_RULES, leadScoreRuleSchema, parseLeadScoreRules, type LeadScoreRule } from './rules';

/**
 * How the lead-score rules and bands are kept as team settings (synced rows `{ id, value }`): the
 * bands as one row (hot and warm are one choice: merged field by field they could cross), each rule
 * as its own row, so two leads editing different rules both keep their edit. Defaults are not
 * choices (shared/sync/README.md): a rule or band nobody changed has no row and is read from the
 * defaults, so a laptop joining the team never overwrites what the team chose.
 */

/** Row id of the hot/warm limits. */
export const BANDS_SETTING = 'leadScoreBands';
const RULE_PREFIX = 'leadScoreRule.';

/** Row id of one scoring rule. */
export const ruleSettingId = (ruleId: string): string => `${RULE_PREFIX}${ruleId}`;

/** True for the row ids this module reads. */
export const isScoringSetting = (id: string): boolean => id === BANDS_SETTING || id.startsWith(RULE_PREFIX);

/** A stored team setting as far as scoring reads it. */
export type StoredSetting = { id: string; value: unknown };

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const DEFAULTS = new Map(DEFAULT_LEAD_SCORE_RULES.map((r) => [r.id, r] as const));

/** A stored band pair when it is usable, else undefined (a hand-edited or broken value falls back). */
export function bandsOf(value: unknown): LeadScoreBands | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { hot, warm } = value as Record<string, unknown>;
  if (typeof hot !== 'number' || typeof warm !== 'number') return undefined;
  return checkLeadScoreBands({ hot, warm }) === 'ok' ? { hot, warm } : undefined;
}

/**
 * The rules of an old settings value (the whole list, as schema ≤ 9 stored it) that somebody chose:
 * those that differ from the default of their id, and rules that are no default at all. The
 * unchanged defaults it repeats (the editor saved every rule) are left out: they were never chosen.
 */
export function rulesChosenIn(legacy: unknown): LeadScoreRule[] {
  return parseLeadScoreRules(legacy).rules.filter((r) => !same(r, DEFAULTS.get(r.id)));
}

/** The chosen bands of an old settings value, or undefined when they are unusable or the defaults. */
export function bandsChosenIn(legacy: unknown): LeadScoreBands | undefined {
  const bands = bandsOf(legacy);
  return bands && !same(bands, DEFAULT_LEAD_SCORE_BANDS) ? bands : undefined;
}

/**
 * The rules in effect: the defaults in their order, each replaced by its stored choice, then chosen
 * rules that are no default (by id). `legacy`: an old settings list still on this laptop (a backup
 * from before schema v10 restored), read below the team's rows.
 */
export function effectiveLeadScoreRules(rows: readonly StoredSetting[], legacy?: unknown): LeadScoreRule[] {
  const chosen = new Map<string, LeadScoreRule>();
  if (legacy !== undefined) for (const r of rulesChosenIn(legacy)) chosen.set(r.id, r);
  for (const row of rows) {
    if (!row.id.startsWith(RULE_PREFIX)) continue;
    const parsed = leadScoreRuleSchema.safeParse(row.value);
    if (parsed.success && ruleSettingId(parsed.data.id) === row.id) chosen.set(parsed.data.id, parsed.data);
  }
  const extra = [...chosen.values()].filter((r) => !DEFAULTS.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...DEFAULT_LEAD_SCORE_RULES.map((r) => chosen.get(r.id) ?? r), ...extra];
}

/** The bands in effect: the team's row, else an old local value, else the defaults. */
export function effectiveLeadScoreBands(row: unknown, legacy?: unknown): LeadScoreBands {
  return bandsOf(row) ?? bandsOf(legacy) ?? { ...DEFAULT_LEAD_SCORE_BANDS };
}

/**
 * The rows a save writes: only rules that differ from what is in effect now. Saving the editor with
 * untouched rules writes nothing, so an unchanged default is never stamped as a fresh choice.
 */
export function changedRuleRows(next: readonly LeadScoreRule[], current: readonly LeadScoreRule[]): StoredSetting[] {
  const now = new Map(current.map((r) => [r.id, r] as const));
  return next.filter((r) => !same(r, now.get(r.id))).map((r) => ({ id: ruleSettingId(r.id), value: r }));
}
