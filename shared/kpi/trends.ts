import type { Account } from '../domain/account';
import type { Deal } from '../domain/deal';
import type { Sale } from '../domain/sale';
import { zoneClock } from '../planning/calendar';
import type { Accumulator, ReportPeriod } from './common';
import { runAccumulator } from './common';
import { dayOfInstant, monthOf, monthsInRange } from './dates';
import type { AccountAccumulator } from './lifecycle';
import { leadDay } from './lifecycle';

/** One value per month of the period, ready for a chart.js line or bar chart. */
export type MonthlySeries = {
  /** Month keys `YYYY-MM`, every month of the period, also empty ones (the UI formats them). */
  labels: string[];
  /** Value per label. */
  values: number[];
};

/** Won deals per month: how many and their value. */
export type WonSeries = { labels: string[]; counts: number[]; values: number[] };

function buckets(filter: ReportPeriod): { labels: string[]; index: Map<string, number> } {
  const labels = monthsInRange(filter.from, filter.to);
  return { labels, index: new Map(labels.map((m, i) => [m, i])) };
}

/** Net revenue per month of sales dated in the period. */
export function revenueByMonthAccumulator(filter: ReportPeriod): Accumulator<Sale, MonthlySeries> {
  const { labels, index } = buckets(filter);
  const values = labels.map(() => 0);
  return {
    add(s) {
      if (s.date < filter.from || s.date > filter.to) return;
      const k = index.get(monthOf(s.date));
      if (k !== undefined) values[k] = (values[k] ?? 0) + s.amount;
    },
    result: () => ({ labels, values }),
  };
}

export function revenueByMonth(sales: readonly Sale[], filter: ReportPeriod): MonthlySeries {
  return runAccumulator(sales, revenueByMonthAccumulator(filter));
}

/** New leads per month (same lead day as the leads KPI). */
export function leadsByMonthAccumulator(filter: ReportPeriod): AccountAccumulator<MonthlySeries> {
  const { labels, index } = buckets(filter);
  const values = labels.map(() => 0);
  return {
    add(_a, f) {
      const day = f.leadDay;
      if (day === undefined || day < filter.from || day > filter.to) return;
      const k = index.get(monthOf(day));
      if (k !== undefined) values[k] = (values[k] ?? 0) + 1;
    },
    result: () => ({ labels, values }),
  };
}

export function leadsByMonth(accounts: readonly Account[], filter: ReportPeriod): MonthlySeries {
  const acc = leadsByMonthAccumulator(filter);
  const clock = zoneClock(filter.tz);
  for (const a of accounts) acc.add(a, { sales: undefined, leadDay: leadDay(a, clock), customerDay: undefined });
  return acc.result();
}

/** Deals won per month, by the local day (in `filter.tz`) they were closed. */
export function wonDealsByMonthAccumulator(filter: ReportPeriod): Accumulator<Deal, WonSeries> {
  const { labels, index } = buckets(filter);
  const clock = zoneClock(filter.tz);
  const counts = labels.map(() => 0);
  const values = labels.map(() => 0);
  return {
    add(d) {
      if (d.stage !== 'won' || d.closedAt === undefined || d.deletedAt !== undefined) return;
      const day = dayOfInstant(d.closedAt, clock);
      if (day < filter.from || day > filter.to) return;
      const k = index.get(monthOf(day));
      if (k === undefined) return;
      counts[k] = (counts[k] ?? 0) + 1;
      values[k] = (values[k] ?? 0) + d.value;
    },
    result: () => ({ labels, counts, values }),
  };
}

export function wonDealsByMonth(deals: readonly Deal[], filter: ReportPeriod): WonSeries {
  return runAccumulator(deals, wonDealsByMonthAccumulator(filter));
}
