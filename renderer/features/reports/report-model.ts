import type { KpiId, KpiUnit, Report } from '../../../shared/kpi';
import { KPI_DEFINITIONS } from '../../../shared/kpi';

// The report as rows: every KPI card and every chart of the page comes from here, and so do the
// CSV/XLSX exports, so what is exported is exactly what is shown.

export const SECTION_IDS = ['leads', 'revenue', 'pipeline', 'sources', 'loyalty', 'coverage'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** One KPI card: value, and the counts behind it when it is a rate or an average. */
export type KpiRow = {
  id: KpiId;
  unit: KpiUnit;
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** The median beside an average (sales cycle), in the row's unit; null when nothing was counted. */
  median?: number | null;
};

/** One data series of a chart. */
export type ChartSeries = {
  key: string;
  unit: KpiUnit;
  values: (number | null)[];
  /** Only in the table and the export: a third scale would make the chart unreadable. */
  tableOnly?: boolean;
};

/** A chart: its KPI (name and definition), kind, category labels (raw: months, stages, segments…). */
export type ChartModel = { id: KpiId; kind: 'line' | 'bar'; labelKind: 'month' | 'stage' | 'segment' | 'text'; labels: string[]; series: ChartSeries[] };

export type SectionModel = { id: SectionId; kpis: KpiRow[]; charts: ChartModel[] };

const unitOf = new Map(KPI_DEFINITIONS.map((d) => [d.id, d.unit]));

function kpi(id: KpiId, value: number | null, numerator?: number, denominator?: number): KpiRow {
  const row: KpiRow = { id, unit: unitOf.get(id) ?? 'number', value };
  if (numerator !== undefined) row.numerator = numerator;
  if (denominator !== undefined) row.denominator = denominator;
  return row;
}

function leadsSection(r: Report): SectionModel {
  const { leads, callsPerLead, trends } = r;
  return {
    id: 'leads',
    kpis: [
      kpi('leads_new', leads.newLeads),
      kpi('leads_open', leads.openLeads),
      kpi('conversion_rate', leads.conversion.value, leads.conversion.numerator, leads.conversion.denominator),
      kpi('calls_per_lead', callsPerLead.perLead.value, callsPerLead.perLead.numerator, callsPerLead.perLead.denominator),
    ],
    charts: [
      {
        id: 'leads_trend', kind: 'bar', labelKind: 'month', labels: trends.leads.labels,
        series: [{ key: 'leads', unit: 'count', values: trends.leads.values }, { key: 'won', unit: 'count', values: trends.won.counts }],
      },
    ],
  };
}

function revenueSection(r: Report): SectionModel {
  const { customers: c, revenue, trends } = r;
  return {
    id: 'revenue',
    kpis: [
      kpi('revenue', revenue.revenue),
      kpi('new_revenue', revenue.newRevenue, revenue.newRevenue, revenue.revenue),
      kpi('repeat_customers', c.repeat.numerator, c.repeat.numerator, c.repeat.denominator),
      kpi('loyal_customers', c.loyal.numerator, c.loyal.numerator, c.loyal.denominator),
      kpi('churn_rate', c.churn.value, c.churn.numerator, c.churn.denominator),
      kpi('retention_rate', c.retention.value, c.retention.numerator, c.retention.denominator),
      kpi('customer_lifetime_value', c.clv.value, c.clv.numerator, c.clv.denominator),
    ],
    charts: [
      {
        id: 'revenue_trend', kind: 'line', labelKind: 'month', labels: trends.revenue.labels,
        series: [{ key: 'revenue', unit: 'currency', values: trends.revenue.values }, { key: 'wonValue', unit: 'currency', values: trends.won.values }],
      },
    ],
  };
}

function pipelineSection(r: Report): SectionModel {
  const p = r.pipeline;
  return {
    id: 'pipeline',
    kpis: [
      kpi('open_deals_count', p.openDeals.count),
      kpi('open_deals_value', p.openDeals.value),
      kpi('open_deals_weighted', p.openDeals.weightedValue),
      kpi('offers_without_follow_up', p.staleOffers.count),
      kpi('lost_without_follow_up', p.lostWithoutFollowUp.value, p.lostWithoutFollowUp.numerator, p.lostWithoutFollowUp.denominator),
      { ...kpi('sales_cycle', p.salesCycle.average.value, p.salesCycle.average.numerator, p.salesCycle.average.denominator), median: p.salesCycle.medianDays },
    ],
    charts: [
      {
        id: 'deal_funnel', kind: 'bar', labelKind: 'stage', labels: p.funnel.stages,
        series: [{ key: 'deals', unit: 'count', values: p.funnel.counts }, { key: 'dealValue', unit: 'currency', values: p.funnel.values }],
      },
    ],
  };
}

function sourcesSection(r: Report): SectionModel {
  const s = r.sources;
  let cost = 0;
  let won = 0;
  let leads = 0;
  for (const row of s.rows) {
    cost += row.cost;
    won += row.customers;
    leads += row.leads;
  }
  return {
    id: 'sources',
    kpis: [kpi('acquisition_cost', won === 0 ? null : cost / won, cost, won), kpi('cost_per_lead', leads === 0 ? null : cost / leads, cost, leads)],
    charts: [
      {
        id: 'source_ranking', kind: 'bar', labelKind: 'text', labels: s.chart.labels,
        series: [
          { key: 'customers', unit: 'count', values: s.chart.customers },
          { key: 'sourceRevenue', unit: 'currency', values: s.chart.revenue },
          { key: 'cac', unit: 'currency', values: s.chart.cac, tableOnly: true },
          { key: 'costPerLead', unit: 'currency', values: s.rows.map((row) => row.costPerLead.value), tableOnly: true },
        ],
      },
    ],
  };
}

function loyaltySection(r: Report, names: RepNames): SectionModel {
  const { nps, ror, referrals, meetings } = r;
  const m = meetings.team;
  return {
    id: 'loyalty',
    kpis: [
      kpi('referrals', referrals.referrals),
      kpi('nps', nps.nps, nps.promoters - nps.detractors, nps.responses),
      kpi('return_on_relationship', ror.ror.value, ror.ror.numerator, ror.ror.denominator),
      kpi('meetings_held', m.held),
      kpi('meeting_success_rate', m.successful.value, m.successful.numerator, m.successful.denominator),
      kpi('follow_ups_booked', m.followUpBooked.value, m.followUpBooked.numerator, m.followUpBooked.denominator),
      kpi('appointments_next_month', m.upcoming),
    ],
    charts: [
      {
        id: 'nps', kind: 'bar', labelKind: 'text', labels: ['promoters', 'passives', 'detractors'],
        series: [{ key: 'answers', unit: 'count', values: [nps.promoters, nps.passives, nps.detractors] }],
      },
      {
        id: 'meetings_held', kind: 'bar', labelKind: 'text', labels: meetings.byPerson.map((p) => names(p.userId)),
        series: [
          { key: 'held', unit: 'count', values: meetings.byPerson.map((p) => p.held) },
          { key: 'successful', unit: 'count', values: meetings.byPerson.map((p) => p.successful.numerator) },
          { key: 'followUps', unit: 'count', values: meetings.byPerson.map((p) => p.followUpBooked.numerator) },
        ],
      },
    ],
  };
}

function coverageSection(r: Report, names: RepNames): SectionModel {
  const c = r.coverage;
  if (c === null) return { id: 'coverage', kpis: [], charts: [] };
  let overdue = 0;
  let missed = 0;
  for (const rep of c.byRep) {
    overdue += rep.overdueAccounts;
    missed += rep.missedVisits;
  }
  return {
    id: 'coverage',
    kpis: [kpi('visit_coverage', c.total.value, c.total.numerator, c.total.denominator), kpi('overdue_accounts', overdue), kpi('missed_visits', missed)],
    charts: [
      {
        id: 'visit_coverage', kind: 'bar', labelKind: 'segment', labels: c.bySegment.map((s) => s.segment),
        series: [{ key: 'coverage', unit: 'percent', values: c.bySegment.map((s) => s.covered.value) }],
      },
      {
        id: 'overdue_accounts', kind: 'bar', labelKind: 'text', labels: c.byRep.map((p) => names(p.repId)),
        series: [
          { key: 'overdueAccounts', unit: 'count', values: c.byRep.map((p) => p.overdueAccounts) },
          { key: 'missedVisits', unit: 'count', values: c.byRep.map((p) => p.missedVisits) },
        ],
      },
    ],
  };
}

/** A team member's display name by id. */
export type RepNames = (id: string) => string;

/** The page's sections in display order; per-rep charts are labelled with `names`. */
export function reportSections(report: Report, names: RepNames = (id) => id): SectionModel[] {
  return [leadsSection(report), revenueSection(report), pipelineSection(report), sourcesSection(report), loyaltySection(report, names), coverageSection(report, names)];
}

/** A value as exported: percentages in % and averages to one decimal, money to cents, so a spreadsheet shows what the page does. */
export function exportValue(value: number | null, unit: KpiUnit): number | null {
  if (value === null) return null;
  if (unit === 'percent') return Math.round(value * 1000) / 10;
  if (unit === 'count') return value;
  if (unit === 'currency') return Math.round(value * 100) / 100;
  return Math.round(value * 10) / 10;
}
