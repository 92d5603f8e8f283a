import type { Account, IsoDate } from '../domain';

/** Text fields the survivor takes from the loser when its own are empty. */
const TEXT_FIELDS = ['customerNumber', 'street', 'postalCode', 'city', 'phone', 'email', 'website', 'churnReason'] as const;
/** Optional fields the survivor takes from the loser when its own are absent. */
const OPTIONAL_FIELDS = ['annualRevenue', 'leadSourceId', 'referredByAccountId', 'rhythm'] as const;

export type MergedFields = {
  /** The survivor with the loser's data added. */
  account: Account;
  /** Fields that changed on the survivor, for the preview. */
  filled: string[];
};

function later(a?: string, b?: string): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/**
 * Merges the loser's fields into the survivor without losing anything: empty fields are filled,
 * lists are united, notes appended, the earliest lifecycle dates and the latest contacts kept.
 */
export function mergeAccountFields(survivor: Account, loser: Account, now: number): MergedFields {
  const out: Account = { ...survivor, lifecycleDates: { ...survivor.lifecycleDates } };
  const filled: string[] = [];
  for (const f of TEXT_FIELDS) {
    if (!out[f] && loser[f]) {
      out[f] = loser[f];
      filled.push(f);
    }
  }
  for (const f of OPTIONAL_FIELDS) {
    if (out[f] === undefined && loser[f] !== undefined && !(f === 'referredByAccountId' && loser[f] === survivor.id)) {
      (out as Record<string, unknown>)[f] = loser[f];
      filled.push(f);
    }
  }
  for (const f of ['tags', 'productLines'] as const) {
    const union = [...new Set([...survivor[f], ...loser[f]])];
    if (union.length !== survivor[f].length) filled.push(f);
    out[f] = union;
  }
  if (loser.notes && loser.notes !== survivor.notes) {
    out.notes = survivor.notes ? `${survivor.notes}\n\n${loser.notes}` : loser.notes;
    filled.push('notes');
  }
  for (const [stage, day] of Object.entries(loser.lifecycleDates) as Array<[keyof Account['lifecycleDates'], IsoDate]>) {
    const own = out.lifecycleDates[stage];
    if (!own || day < own) out.lifecycleDates[stage] = day;
  }
  const human = later(survivor.lastHumanContactAt, loser.lastHumanContactAt);
  const digital = later(survivor.lastDigitalContactAt, loser.lastDigitalContactAt);
  if (human) out.lastHumanContactAt = human;
  if (digital) out.lastDigitalContactAt = digital;
  out.createdAt = Math.min(survivor.createdAt, loser.createdAt);
  out.updatedAt = now;
  return { account: out, filled };
}
