import { ACCOUNT_TYPES, CATEGORIES, type AccountType, type Category } from './account';
import { segmentKey, type SegmentRule } from './segment';

/**
 * Default contact rhythm in days per segment, [human, digital]. Larger customers and Expand accounts
 * are seen more often; human contacts are budgeted per year, digital ones run all year.
 */
const DEFAULT_DAYS: Record<Category, Record<AccountType, readonly [number, number]>> = {
  A: { expand: [42, 14], maintain: [91, 30] },
  B: { expand: [63, 21], maintain: [122, 30] },
  C: { expand: [91, 30], maintain: [182, 60] },
  D: { expand: [182, 45], maintain: [365, 91] },
};

/** The eight default segment rules (category × account type); each row's id is its segment key. */
export function defaultSegmentRules(now: number): SegmentRule[] {
  const rules: SegmentRule[] = [];
  for (const category of CATEGORIES) {
    for (const accountType of ACCOUNT_TYPES) {
      const [humanDays, digitalDays] = DEFAULT_DAYS[category][accountType];
      rules.push({ id: segmentKey(category, accountType), updatedAt: now, category, accountType, humanDays, digitalDays });
    }
  }
  return rules;
}
