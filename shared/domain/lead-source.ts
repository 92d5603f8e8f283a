import type { IsoDate, RowMeta } from './common';

export const LEAD_SOURCE_KINDS = ['campaign', 'trade_fair', 'website', 'referral', 'cold_call', 'advert', 'other'] as const;
export type LeadSourceKind = (typeof LEAD_SOURCE_KINDS)[number];

/** Where accounts come from; with its cost, sources can be ranked. */
export type LeadSource = RowMeta & {
  /** Name, e.g. "SHK-Messe Essen 2026". */
  name: string;
  /** Kind of source. */
  kind: LeadSourceKind;
  /** Total cost in euros over its period. */
  cost: number;
  /** First day of the campaign. */
  periodStart?: IsoDate;
  /** Last day of the campaign. */
  periodEnd?: IsoDate;
};
