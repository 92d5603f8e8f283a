import { z } from 'zod';
import { ACCOUNT_TYPES, CATEGORIES } from '../domain/account';
import { INTERACTION_TYPES } from '../domain/interaction';
import { LEAD_SOURCE_KINDS } from '../domain/lead-source';

/**
 * Configurable lead-score rules: each rule that matches a lead adds its points (negative points
 * lower the score). Rules are data so the team lead can edit them in settings; `parseLeadScoreRules`
 * validates what comes back from storage.
 */

const base = { id: z.string().min(1), points: z.number().finite(), label: z.string().optional() };

export const leadScoreRuleSchema = z.discriminatedUnion('kind', [
  /** Revenue category is one of the listed. */
  z.object({ ...base, kind: z.literal('category'), params: z.object({ categories: z.array(z.enum(CATEGORIES)) }) }),
  /** Expand or Maintain. */
  z.object({ ...base, kind: z.literal('account_type'), params: z.object({ types: z.array(z.enum(ACCOUNT_TYPES)) }) }),
  /** Interest in product lines: points once, or per matching line when `perMatch`. */
  z.object({
    ...base,
    kind: z.literal('product_line'),
    params: z.object({ productLines: z.array(z.string()), perMatch: z.boolean().optional() }),
  }),
  /** At least `min` done visits/meetings in the last `days` days. */
  z.object({
    ...base,
    kind: z.literal('recent_visits'),
    params: z.object({ days: z.number().int().positive(), min: z.number().int().positive().optional() }),
  }),
  /** The lead has an open offer (sent or in negotiation), sent within `days` if given. */
  z.object({
    ...base,
    kind: z.literal('offer_opened'),
    params: z.object({ days: z.number().int().positive().optional() }),
  }),
  /** Came from one of the listed sources or source kinds. */
  z.object({
    ...base,
    kind: z.literal('lead_source'),
    params: z.object({ sourceIds: z.array(z.string()).optional(), sourceKinds: z.array(z.enum(LEAD_SOURCE_KINDS)).optional() }),
  }),
  /** Came by recommendation of another account. */
  z.object({ ...base, kind: z.literal('referred'), params: z.object({}) }),
  /** Estimated annual revenue at least `min` euros. */
  z.object({ ...base, kind: z.literal('annual_revenue'), params: z.object({ min: z.number().nonnegative() }) }),
  /** At least `min` done interactions of the given types in the last `days` days (e.g. webinar, e-mail). */
  z.object({
    ...base,
    kind: z.literal('engagement'),
    params: z.object({
      types: z.array(z.enum(INTERACTION_TYPES)),
      days: z.number().int().positive(),
      min: z.number().int().positive().optional(),
    }),
  }),
  /** No done human contact for `days` days (use negative points to push cold leads down). */
  z.object({ ...base, kind: z.literal('no_contact'), params: z.object({ days: z.number().int().positive() }) }),
]);

export type LeadScoreRule = z.infer<typeof leadScoreRuleSchema>;
export type LeadScoreRuleKind = LeadScoreRule['kind'];

/** Validates stored rules; invalid entries are dropped and reported, so one bad rule never breaks scoring. */
export function parseLeadScoreRules(input: unknown): { rules: LeadScoreRule[]; errors: { index: number; message: string }[] } {
  const rules: LeadScoreRule[] = [];
  const errors: { index: number; message: string }[] = [];
  if (!Array.isArray(input)) return { rules, errors: [{ index: -1, message: 'not an array' }] };
  input.forEach((item, index) => {
    const r = leadScoreRuleSchema.safeParse(item);
    if (r.success) rules.push(r.data);
    else errors.push({ index, message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  });
  return { rules, errors };
}

/**
 * Defaults for a German field-sales team: big accounts and Expand potential first, live
 * behaviour (visits, open offers, webinars) on top, cold leads pushed down.
 */
export const DEFAULT_LEAD_SCORE_RULES: readonly LeadScoreRule[] = [
  { id: 'cat-a', kind: 'category', params: { categories: ['A'] }, points: 30 },
  { id: 'cat-b', kind: 'category', params: { categories: ['B'] }, points: 20 },
  { id: 'cat-c', kind: 'category', params: { categories: ['C'] }, points: 10 },
  { id: 'expand', kind: 'account_type', params: { types: ['expand'] }, points: 10 },
  { id: 'product-lines', kind: 'product_line', params: { productLines: [], perMatch: true }, points: 5 },
  { id: 'visits-90', kind: 'recent_visits', params: { days: 90, min: 1 }, points: 15 },
  { id: 'visits-90-3', kind: 'recent_visits', params: { days: 90, min: 3 }, points: 10 },
  { id: 'open-offer', kind: 'offer_opened', params: { days: 60 }, points: 20 },
  { id: 'referral', kind: 'lead_source', params: { sourceKinds: ['referral'] }, points: 15 },
  { id: 'referred', kind: 'referred', params: {}, points: 10 },
  { id: 'revenue-50k', kind: 'annual_revenue', params: { min: 50_000 }, points: 10 },
  { id: 'digital', kind: 'engagement', params: { types: ['webinar', 'email'], days: 60, min: 2 }, points: 5 },
  { id: 'cold-180', kind: 'no_contact', params: { days: 180 }, points: -20 },
];
