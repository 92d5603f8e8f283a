import type { Account } from '../domain/account';
import type { Id, IsoDate } from '../domain/common';
import type { LeadSource, LeadSourceKind } from '../domain/lead-source';
import type { Ratio, ReportFilter } from './common';
import { ratio } from './common';
import { zoneClock } from '../planning/calendar';
import { dayOfMs } from './dates';
import type { AccountAccumulator, AccountSales } from './lifecycle';
import { runAccountAccumulator } from './lifecycle';

/** One lead source with what it brought up to the period's end. */
export type SourceRow = {
  sourceId: Id;
  name: string;
  kind: LeadSourceKind;
  /** The source's total cost (€), never split by rep, segment or country. */
  cost: number;
  /** Accounts from this source that had arrived by the period's end. */
  leads: number;
  /** Of them, accounts that had become customers by the period's end. */
  customers: number;
  /** Revenue of those accounts up to the period's end (€). */
  revenue: number;
  /** Customer acquisition cost: cost ÷ customers (€). */
  cac: Ratio;
  /** Cost ÷ leads (€). */
  costPerLead: Ratio;
  /** Ranks (1 = best): most customers, most revenue, lowest CAC (sources without customers last). Ties share a rank. */
  rank: { customers: number; revenue: number; cac: number };
};

export type SourceKpis = {
  /** Sources whose campaign overlaps the period (undated sources always), by revenue, then customers, then name. */
  rows: SourceRow[];
  /** Accounts with no recorded source, for completeness. */
  withoutSource: { leads: number; customers: number; revenue: number };
  /** True when a rep, segment or country filter is set: costs then cover more than the counted accounts. */
  costShared: boolean;
  /** The same rows as parallel arrays for a bar chart. */
  chart: { labels: string[]; customers: number[]; revenue: number[]; cac: (number | null)[] };
};

function overlaps(s: LeadSource, from: IsoDate, to: IsoDate): boolean {
  return (s.periodStart === undefined || s.periodStart <= to) && (s.periodEnd === undefined || s.periodEnd >= from);
}

/** Standard competition ranking ("1, 2, 2, 4") by a key, better first; null keys rank last. */
function ranks(values: (number | null)[], higherIsBetter: boolean): number[] {
  const score = (v: number | null): number => (v === null ? Infinity : higherIsBetter ? -v : v);
  const order = values.map((v, i) => ({ s: score(v), i })).sort((a, b) => a.s - b.s);
  const out: number[] = new Array<number>(values.length).fill(0);
  order.forEach((o, pos) => {
    const prev = order[pos - 1];
    out[o.i] = prev !== undefined && prev.s === o.s ? (out[prev.i] as number) : pos + 1;
  });
  return out;
}

/**
 * Lead-source effectiveness and ranking. Counts are cumulative up to `filter.to` (a campaign's
 * customers keep arriving after it ends); `filter.from` only selects which campaigns are shown.
 * Feed the filtered accounts. Creation days are local days in `filter.tz`.
 */
export function sourceAccumulator(leadSources: readonly LeadSource[], filter: ReportFilter): AccountAccumulator<SourceKpis> {
  const clock = zoneClock(filter.tz);
  const tally = new Map<Id, { leads: number; customers: number; revenue: number }>();
  const none = { leads: 0, customers: 0, revenue: 0 };
  return {
    add(a, f) {
      const arrived = f.leadDay ?? f.customerDay ?? dayOfMs(a.createdAt, clock);
      if (arrived > filter.to) return;
      let t = none;
      if (a.leadSourceId !== undefined && a.leadSourceId !== '') {
        t = tally.get(a.leadSourceId) ?? { leads: 0, customers: 0, revenue: 0 };
        tally.set(a.leadSourceId, t);
      }
      t.leads += 1;
      if (f.customerDay !== undefined && f.customerDay <= filter.to) t.customers += 1;
      t.revenue += f.sales?.revenue ?? 0;
    },
    result: () => sourceResult(tally, none, leadSources, filter),
  };
}

function sourceResult(
  tally: ReadonlyMap<Id, { leads: number; customers: number; revenue: number }>,
  none: { leads: number; customers: number; revenue: number },
  leadSources: readonly LeadSource[],
  filter: ReportFilter,
): SourceKpis {
  const base = leadSources
    .filter((src) => overlaps(src, filter.from, filter.to))
    .map((src) => {
      const t = tally.get(src.id) ?? { leads: 0, customers: 0, revenue: 0 };
      return { src, t, cac: ratio(src.cost, t.customers), perLead: ratio(src.cost, t.leads) };
    });
  const rc = ranks(base.map((b) => b.t.customers), true);
  const rr = ranks(base.map((b) => b.t.revenue), true);
  const rk = ranks(base.map((b) => b.cac.value), false);
  const rows: SourceRow[] = base.map((b, i) => ({
    sourceId: b.src.id,
    name: b.src.name,
    kind: b.src.kind,
    cost: b.src.cost,
    leads: b.t.leads,
    customers: b.t.customers,
    revenue: b.t.revenue,
    cac: b.cac,
    costPerLead: b.perLead,
    rank: { customers: rc[i] ?? 0, revenue: rr[i] ?? 0, cac: rk[i] ?? 0 },
  }));
  rows.sort((x, y) => y.revenue - x.revenue || y.customers - x.customers || x.name.localeCompare(y.name, 'de'));
  return {
    rows,
    withoutSource: { ...none },
    costShared: filter.repId !== undefined || filter.segment !== undefined || filter.country !== undefined,
    chart: {
      labels: rows.map((r) => r.name),
      customers: rows.map((r) => r.customers),
      revenue: rows.map((r) => r.revenue),
      cac: rows.map((r) => r.cac.value),
    },
  };
}

/** Source KPIs over the filtered accounts; one pass. */
export function sourceKpis(
  accounts: readonly Account[],
  leadSources: readonly LeadSource[],
  salesIndex: ReadonlyMap<Id, AccountSales>,
  filter: ReportFilter,
): SourceKpis {
  return runAccountAccumulator(accounts, salesIndex, sourceAccumulator(leadSources, filter), filter.tz);
}
