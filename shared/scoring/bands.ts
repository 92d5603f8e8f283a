import { z } from 'zod';

/**
 * Where a lead stands by its score: hot (call now), warm (keep warm), cold (no effort yet). The
 * team lead sets the two limits; they are stored beside the scoring rules and read back through
 * `parseLeadScoreBands`, so a hand-edited or half-synced value never breaks the list.
 */
export const LEAD_BANDS = ['hot', 'warm', 'cold'] as const;
export type LeadBand = (typeof LEAD_BANDS)[number];

/** The limits between the bands, in points. */
export type LeadScoreBands = {
  /** A score at or above this is hot. */
  hot: number;
  /** A score at or above this (and below `hot`) is warm; below it, cold. */
  warm: number;
};

/**
 * Defaults against DEFAULT_LEAD_SCORE_RULES: an A lead with a visit (30 + 15) or an open offer
 * is hot at 50; a C lead that shows some interest reaches warm at 25.
 */
export const DEFAULT_LEAD_SCORE_BANDS: LeadScoreBands = { hot: 50, warm: 25 };

const schema = z.object({ hot: z.number().finite(), warm: z.number().finite() }).refine((b) => b.warm < b.hot, { message: 'warm must be below hot' });

/** Whether limits can be saved: finite numbers, warm below hot. */
export function checkLeadScoreBands(bands: LeadScoreBands): 'ok' | 'notNumbers' | 'warmNotBelowHot' {
  if (!Number.isFinite(bands.hot) || !Number.isFinite(bands.warm)) return 'notNumbers';
  return bands.warm < bands.hot ? 'ok' : 'warmNotBelowHot';
}

/** Stored limits, or the defaults when there are none or they are unusable. */
export function parseLeadScoreBands(input: unknown): LeadScoreBands {
  const r = schema.safeParse(input);
  return r.success ? { hot: r.data.hot, warm: r.data.warm } : { ...DEFAULT_LEAD_SCORE_BANDS };
}

/** The band of a score: limits are inclusive from below (50 with hot = 50 is hot). */
export function leadBand(score: number, bands: LeadScoreBands): LeadBand {
  if (score >= bands.hot) return 'hot';
  return score >= bands.warm ? 'warm' : 'cold';
}
