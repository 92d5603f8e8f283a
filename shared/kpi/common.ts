import type { Account } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { Deal } from '../domain/deal';
import type { Interaction } from '../domain/interaction';
import type { LeadSource } from '../domain/lead-source';
import type { Sale } from '../domain/sale';
import type { SegmentKey } from '../domain/segment';

/**
 * What a report looks at. The period is inclusive at both ends: a row dated `from` or `to`
 * belongs to it. Rep, segment and country narrow the rows (see `filterRows` for which person
 * each table is matched on).
 */
export type ReportFilter = {
  /** First day of the period, included. */
  from: IsoDate;
  /** Last day of the period, included. */
  to: IsoDate;
  /** Only this team member's rows. */
  repId?: Id;
  /** Only accounts of this segment (category × account type). */
  segment?: SegmentKey;
  /** Only accounts in this country (ISO code, e.g. "DE"). */
  country?: string;
  /** IANA zone whose calendar days the period, "today" and day buckets mean; default the laptop's. */
  tz?: string;
};

/** The period part of a filter, with its zone: what the dated KPIs take. */
export type ReportPeriod = Pick<ReportFilter, 'from' | 'to' | 'tz'>;

/** The rows every report reads. */
export type ReportData = {
  /** Accounts (trashed ones are ignored). */
  accounts: readonly Account[];
  /** Interaction history and planned appointments. */
  interactions: readonly Interaction[];
  /** Deals and offers. */
  deals: readonly Deal[];
  /** Purchases. */
  sales: readonly Sale[];
  /** Lead sources with their cost. */
  leadSources: readonly LeadSource[];
};

/**
 * A rate together with the counts behind it, so the UI can show "12 of 40". `value` is
 * numerator ÷ denominator, or null when the denominator is 0 (never NaN or Infinity).
 */
export type Ratio = {
  /** numerator ÷ denominator, or null when undefined. */
  value: number | null;
  /** Counted rows. */
  numerator: number;
  /** Base rows. */
  denominator: number;
};

/** Builds a Ratio; division by zero gives null. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/** A single-pass consumer of rows: KPI families expose these so one loop can feed several KPIs. */
export type Accumulator<Row, Result> = {
  /** Takes one row that already passed the report filter. */
  add(row: Row): void;
  /** The KPI after all rows were added. */
  result(): Result;
};

/** Feeds all rows to one accumulator and returns its result. */
export function runAccumulator<Row, Result>(rows: readonly Row[], acc: Accumulator<Row, Result>): Result {
  for (const row of rows) acc.add(row);
  return acc.result();
}
