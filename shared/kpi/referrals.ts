import type { Account } from '../domain/account';
import type { Id } from '../domain/common';
import { zoneClock } from '../planning/calendar';
import type { Ratio, ReportPeriod } from './common';
import { ratio } from './common';
import { dayOfMs, inRange } from './dates';
import type { AccountAccumulator, AccountSales } from './lifecycle';
import { runAccountAccumulator } from './lifecycle';

/** Accounts that came by recommendation of another account. */
export type ReferralKpis = {
  /** Referred accounts that arrived in the period (as lead, or directly as customer). */
  referrals: number;
  /** Of those, the ones that are or were customers. */
  converted: Ratio;
  /** Accounts with the most referrals in the period, most first (ties by id), at most 10. */
  topReferrers: { accountId: Id; referrals: number }[];
};

/**
 * Referral KPIs over the filtered accounts. A referred account arrives on its lead day, else its
 * customer day, else its creation day (local, in `filter.tz`).
 */
export function referralAccumulator(filter: ReportPeriod): AccountAccumulator<ReferralKpis> {
  const clock = zoneClock(filter.tz);
  let referrals = 0;
  let converted = 0;
  const byReferrer = new Map<Id, number>();
  return {
    add(a, f) {
      const by = a.referredByAccountId;
      if (by === undefined || by === '') return;
      const arrived = f.leadDay ?? f.customerDay ?? dayOfMs(a.createdAt, clock);
      if (!inRange(arrived, filter.from, filter.to)) return;
      referrals += 1;
      if (a.lifecycle === 'customer' || a.lifecycle === 'former' || f.sales !== undefined) converted += 1;
      byReferrer.set(by, (byReferrer.get(by) ?? 0) + 1);
    },
    result() {
      const topReferrers = [...byReferrer.entries()]
        .map(([accountId, n]) => ({ accountId, referrals: n }))
        .sort((x, y) => y.referrals - x.referrals || (x.accountId < y.accountId ? -1 : 1))
        .slice(0, 10);
      return { referrals, converted: ratio(converted, referrals), topReferrers };
    },
  };
}

/** Referral KPIs over the filtered accounts; one pass. */
export function referralKpis(
  accounts: readonly Account[],
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: ReportPeriod,
): ReferralKpis {
  return runAccountAccumulator(accounts, salesIndex, referralAccumulator(filter), filter.tz);
}
