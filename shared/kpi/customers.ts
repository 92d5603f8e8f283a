import type { Account } from '../domain/account';
import type { Id } from '../domain/common';
import type { Sale } from '../domain/sale';
import type { Accumulator, Ratio, ReportFilter, ReportPeriod } from './common';
import { ratio, runAccumulator } from './common';
import { addDays, inRange } from './dates';
import type { AccountAccumulator, AccountSales } from './lifecycle';
import { formerDay, isCustomerOn, runAccountAccumulator } from './lifecycle';

/** Repeat and loyal customers, churn, retention and lifetime value. */
export type CustomerKpis = {
  /** Accounts with at least one purchase up to the period's end. */
  buyers: number;
  /** Buyers with ≥ 2 purchases, of all buyers. */
  repeat: Ratio;
  /** Buyers with ≥ 5 purchases, of all buyers. */
  loyal: Ratio;
  /** Customers at the start of the period (end of the day before `from`). */
  customersAtStart: number;
  /** Customers at the end of `to`. */
  customersAtEnd: number;
  /** Accounts that became customers in the period. */
  newCustomers: number;
  /** Customers at the start that were lost in the period, ÷ customers at the start. */
  churn: Ratio;
  /** 1 − churn: customers at the start still customers at the end, ÷ customers at the start. */
  retention: Ratio;
  /** Customer lifetime value: revenue of all buyers up to the period's end ÷ buyers (€). */
  clv: Ratio;
};

/** Customer KPIs over the filtered accounts; feed it with `runAccountAccumulator` or computeReport's account pass. */
export function customerAccumulator(filter: Pick<ReportFilter, 'from' | 'to'>): AccountAccumulator<CustomerKpis> {
  const dayBefore = addDays(filter.from, -1);
  let buyers = 0;
  let repeat = 0;
  let loyal = 0;
  let revenue = 0;
  let atStart = 0;
  let lost = 0;
  let atEnd = 0;
  let fresh = 0;
  return {
    add(a, f) {
      const s = f.sales;
      if (s !== undefined) {
        buyers += 1;
        revenue += s.revenue;
        if (s.purchases >= 2) repeat += 1;
        if (s.purchases >= 5) loyal += 1;
      }
      if (isCustomerOn(a, f.customerDay, dayBefore)) {
        atStart += 1;
        if (inRange(formerDay(a), filter.from, filter.to)) lost += 1;
      }
      if (isCustomerOn(a, f.customerDay, filter.to)) atEnd += 1;
      if (inRange(f.customerDay, filter.from, filter.to)) fresh += 1;
    },
    result: () => ({
      buyers,
      repeat: ratio(repeat, buyers),
      loyal: ratio(loyal, buyers),
      customersAtStart: atStart,
      customersAtEnd: atEnd,
      newCustomers: fresh,
      churn: ratio(lost, atStart),
      retention: ratio(atStart - lost, atStart),
      clv: ratio(revenue, buyers),
    }),
  };
}

/** Customer KPIs from the filtered accounts and the sales index (`buildSalesIndex(sales, filter.to)`); one pass. */
export function customerKpis(
  accounts: readonly Account[],
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: ReportPeriod,
): CustomerKpis {
  return runAccountAccumulator(accounts, salesIndex, customerAccumulator(filter), filter.tz);
}

/** Revenue in the period and the part of it that is new revenue. */
export type RevenueKpis = {
  /** Net revenue of sales dated in the period (€). */
  revenue: number;
  /** Revenue in the period from accounts within 6 months of their first purchase (€). */
  newRevenue: number;
  /** newRevenue ÷ revenue; null when the period's revenue is not positive. */
  newRevenueShare: number | null;
  /** Number of sales in the period. */
  salesCount: number;
};

/**
 * New revenue = revenue from sales dated before first purchase + 6 months (calendar months,
 * exclusive), counted for sales in the period. Feed the filtered sales.
 */
export function revenueAccumulator(
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: Pick<ReportFilter, 'from' | 'to'>,
): Accumulator<Sale, RevenueKpis> {
  let revenue = 0;
  let newRevenue = 0;
  let count = 0;
  return {
    add(s) {
      if (s.date < filter.from || s.date > filter.to) return;
      revenue += s.amount;
      count += 1;
      const first = salesIndex.get(s.accountId);
      if (first !== undefined && s.date < first.newUntil) newRevenue += s.amount;
    },
    result: () => ({
      revenue,
      newRevenue,
      newRevenueShare: revenue > 0 ? newRevenue / revenue : null,
      salesCount: count,
    }),
  };
}

export function revenueKpis(
  sales: readonly Sale[],
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: Pick<ReportFilter, 'from' | 'to'>,
): RevenueKpis {
  return runAccumulator(sales, revenueAccumulator(salesIndex, filter));
}
