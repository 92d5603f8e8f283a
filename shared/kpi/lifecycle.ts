import type { Account } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { Sale } from '../domain/sale';
import { zoneClock, type ZoneClock } from '../planning/calendar';
import { asIsoDate } from '../time';
import { addMonths, dayOfMs } from './dates';

/**
 * When an account reached each relationship stage, with fallbacks for imported data that
 * lacks `lifecycleDates`. All KPIs date stages through these helpers so they agree.
 */

/** Purchases of one account up to the report's end day. */
export type AccountSales = {
  /** Day of the first purchase (amount > 0). */
  firstDay: IsoDate;
  /** Day before which revenue counts as new revenue: first purchase + 6 months (exclusive). */
  newUntil: IsoDate;
  /** Number of purchases (sales with amount > 0). */
  purchases: number;
  /** Net revenue, credit notes included. */
  revenue: number;
};

/** Per account: first purchase, purchase count and revenue, counting sales dated ≤ `to`. One pass. */
export function buildSalesIndex(sales: readonly Sale[], to: IsoDate): Map<Id, AccountSales> {
  const index = new Map<Id, AccountSales>();
  for (const s of sales) {
    if (s.date > to) continue;
    let entry = index.get(s.accountId);
    if (entry === undefined) {
      // newUntil is set below, once the first purchase is known.
      entry = { firstDay: asIsoDate('9999-12-31'), newUntil: asIsoDate(''), purchases: 0, revenue: 0 };
      index.set(s.accountId, entry);
    }
    entry.revenue += s.amount;
    if (s.amount > 0) {
      entry.purchases += 1;
      if (s.date < entry.firstDay) entry.firstDay = s.date;
    }
  }
  for (const [id, entry] of index) {
    // Only credit notes: no purchase, so the account is not a buyer.
    if (entry.purchases === 0) index.delete(id);
    else entry.newUntil = addMonths(entry.firstDay, 6);
  }
  return index;
}

/**
 * Day the account became a lead: `lifecycleDates.lead`, else `.prospect`; an account that is
 * still a lead or prospect without dates counts from its creation day (local, in the clock's zone).
 * Accounts created directly as customers (e.g. imported) were never leads.
 */
export function leadDay(a: Account, clock: ZoneClock): IsoDate | undefined {
  const d = a.lifecycleDates.lead ?? a.lifecycleDates.prospect;
  if (d !== undefined) return d;
  return a.lifecycle === 'lead' || a.lifecycle === 'prospect' ? dayOfMs(a.createdAt, clock) : undefined;
}

/**
 * Day the account became a customer: `lifecycleDates.customer`, else its first purchase, else
 * (customer or former without dates) its local creation day.
 */
export function customerDay(a: Account, sales: AccountSales | undefined, clock: ZoneClock): IsoDate | undefined {
  const d = a.lifecycleDates.customer ?? sales?.firstDay;
  if (d !== undefined) return d;
  return a.lifecycle === 'customer' || a.lifecycle === 'former' ? dayOfMs(a.createdAt, clock) : undefined;
}

/**
 * Day the customer was lost: `lifecycleDates.former` while the lifecycle is `former`.
 * A won-back customer (lifecycle no longer `former`) has no loss day.
 */
export function formerDay(a: Account): IsoDate | undefined {
  return a.lifecycle === 'former' ? a.lifecycleDates.former : undefined;
}

/**
 * Whether the account was a customer at the end of `day`, given its customer day. A `former`
 * account without a loss day is never counted: we cannot tell when it left.
 */
export function isCustomerOn(a: Account, since: IsoDate | undefined, day: IsoDate): boolean {
  if (since === undefined || since > day) return false;
  if (a.lifecycle !== 'former') return true;
  const lost = a.lifecycleDates.former;
  return lost !== undefined && lost > day;
}

/** What every account KPI needs to know about one account, worked out once per report. */
export type AccountFacts = {
  /** Purchases up to the report's end; undefined = never bought. */
  sales: AccountSales | undefined;
  /** See `leadDay`. */
  leadDay: IsoDate | undefined;
  /** See `customerDay`. */
  customerDay: IsoDate | undefined;
};

/** The facts of one account; `clock` is the report's zone (built once per report, not per account). */
export function accountFacts(a: Account, salesIndex: ReadonlyMap<Id, AccountSales>, clock: ZoneClock): AccountFacts {
  const sales = salesIndex.get(a.id);
  return { sales, leadDay: leadDay(a, clock), customerDay: customerDay(a, sales, clock) };
}

/** A single-pass consumer of accounts, fed the shared facts so several KPIs share one loop. */
export type AccountAccumulator<Result> = {
  add(a: Account, facts: AccountFacts): void;
  result(): Result;
};

/** Feeds every account (with its facts) to one accumulator; `tz` dates creation days (default the laptop's zone). */
export function runAccountAccumulator<Result>(
  accounts: readonly Account[],
  salesIndex: ReadonlyMap<Id, AccountSales>,
  acc: AccountAccumulator<Result>,
  tz?: string,
): Result {
  const clock = zoneClock(tz);
  for (const a of accounts) acc.add(a, accountFacts(a, salesIndex, clock));
  return acc.result();
}
