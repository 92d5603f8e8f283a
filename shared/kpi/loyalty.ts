import type { Account } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { Interaction } from '../domain/interaction';
import { zoneClock } from '../planning/calendar';
import type { Accumulator, Ratio, ReportPeriod } from './common';
import { ratio, runAccumulator } from './common';
import { addDays, addMonths, instantBounds } from './dates';
import type { AccountAccumulator, AccountSales } from './lifecycle';
import { runAccountAccumulator } from './lifecycle';

/** Net promoter score from the answers recorded in the period. */
export type NpsKpis = {
  /** % promoters − % detractors, from −100 to 100; null without answers. */
  nps: number | null;
  /** Answers 9–10. */
  promoters: number;
  /** Answers 7–8. */
  passives: number;
  /** Answers 0–6. */
  detractors: number;
  /** All valid answers (integers 0–10); every answer counts, also several from one account. */
  responses: number;
};

/** NPS of the answers dated (local day in `filter.tz`) in the period. */
export function npsAccumulator(filter: ReportPeriod): Accumulator<Interaction, NpsKpis> {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const { lo, hi } = instantBounds(filter.from, filter.to, zoneClock(filter.tz));
  return {
    add(i) {
      const score = i.npsScore;
      if (score === undefined || !Number.isInteger(score) || score < 0 || score > 10) return;
      if (i.at < lo || i.at >= hi) return;
      if (score >= 9) promoters += 1;
      else if (score >= 7) passives += 1;
      else detractors += 1;
    },
    result() {
      const responses = promoters + passives + detractors;
      const nps = responses === 0 ? null : ((promoters - detractors) / responses) * 100;
      return { nps, promoters, passives, detractors, responses };
    },
  };
}

export function npsKpis(interactions: readonly Interaction[], filter: ReportPeriod): NpsKpis {
  return runAccumulator(interactions, npsAccumulator(filter));
}

/** Exclusive lower bound of the 12 months ending with `to`: the window is (to − 12 months, to]. */
export function helpWindowStart(to: IsoDate): IsoDate {
  return addMonths(to, -12);
}

/**
 * Accounts with a done interaction (any type) in the 12 months ending with `to`. Feed every
 * interaction of the scoped accounts, whoever had it: ROR is about the customer being helped.
 * Days are local days in `tz` (default the laptop's zone).
 */
export function helpedAccumulator(to: IsoDate, tz?: string): Accumulator<Interaction, Set<Id>> {
  const { lo, hi } = instantBounds(addDays(helpWindowStart(to), 1), to, zoneClock(tz));
  const helped = new Set<Id>();
  return {
    add(i) {
      if (i.status !== 'done' || i.deletedAt !== undefined) return;
      if (i.at >= lo && i.at < hi) helped.add(i.accountId);
    },
    result: () => helped,
  };
}

/** Return on relationship. */
export type RorKpis = {
  /** Accounts that bought at least once up to the period's end. */
  buyers: number;
  /** Buyers helped (any done interaction) in the 12 months ending with the period, ÷ buyers. */
  helped: Ratio;
  /** ROR: helped buyers that are repeat (≥ 2 purchases) or came by referral, ÷ helped buyers. */
  ror: Ratio;
};

/** ROR over the filtered accounts; `helped` from `helpedAccumulator(filter.to)`. */
export function rorAccumulator(helped: ReadonlySet<Id>): AccountAccumulator<RorKpis> {
  let buyers = 0;
  let helpedBuyers = 0;
  let returning = 0;
  return {
    add(a, f) {
      const s = f.sales;
      if (s === undefined) return;
      buyers += 1;
      if (!helped.has(a.id)) return;
      helpedBuyers += 1;
      if (s.purchases >= 2 || (a.referredByAccountId !== undefined && a.referredByAccountId !== '')) returning += 1;
    },
    result: () => ({ buyers, helped: ratio(helpedBuyers, buyers), ror: ratio(returning, helpedBuyers) }),
  };
}

export function rorKpis(accounts: readonly Account[], salesIndex: ReadonlyMap<Id, AccountSales>, helped: ReadonlySet<Id>): RorKpis {
  return runAccountAccumulator(accounts, salesIndex, rorAccumulator(helped));
}

/** ROR straight from rows (tests, single use). */
export function rorFromRows(
  accounts: readonly Account[],
  interactions: readonly Interaction[],
  salesIndex: ReadonlyMap<Id, AccountSales>,
  to: IsoDate,
  tz?: string,
): RorKpis {
  return rorKpis(accounts, salesIndex, runAccumulator(interactions, helpedAccumulator(to, tz)));
}
