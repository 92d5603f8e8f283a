import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../shared/demo';
import { computeReport, KPI_DEFINITIONS } from '../../../shared/kpi';
import { formatters } from '../../i18n/format';
import { chartRows, kpiRows } from './report-export';
import { exportValue, reportSections } from './report-model';
import { asIsoDate } from '../../../shared/time';

const data = generateDemoData({ seed: 3, accounts: 150, today: asIsoDate('2026-11-23'), selfName: 'Test' });
const report = computeReport(data, { from: asIsoDate('2026-01-01'), to: asIsoDate('2026-11-23') }, asIsoDate('2026-11-23'), { isWithinRhythm: () => true });
const t = ((key: string) => key) as unknown as TFunction;

describe('report model', () => {
  it('shows every KPI of the catalogue, as a card or as a chart', () => {
    const sections = reportSections(report, (id) => `Name ${id}`);
    const shown = new Set(sections.flatMap((s) => [...s.kpis.map((k) => k.id), ...s.charts.map((c) => c.id)]));
    const missing = KPI_DEFINITIONS.filter((d) => !shown.has(d.id) && d.id !== 'won_deals_trend').map((d) => d.id);
    expect(missing).toEqual([]);
    for (const s of sections) expect(s.charts.length, s.id).toBeGreaterThan(0);
  });

  it('exports the values the cards show, rounded the same way, plus the chart series', () => {
    const sections = reportSections(report);
    const rows = kpiRows(t, sections);
    const churn = rows.find((r) => r.kpi === 'kpi.churn_rate.name');
    expect(churn?.value).toBe(exportValue(report.customers.churn.value, 'percent'));
    expect(churn?.numerator).toBe(report.customers.churn.numerator);
    expect(rows.find((r) => r.kpi === 'kpi.open_deals_count.name')?.value).toBe(report.pipeline.openDeals.count);
    const charts = chartRows(t, formatters('de'), sections);
    expect(charts.filter((r) => r.chart === 'chart.revenue_trend').length).toBe(report.trends.revenue.labels.length * 2);
  });

  it('rounds exported values like the page: percent to 0.1, money to cents', () => {
    expect(exportValue(0.12345, 'percent')).toBe(12.3);
    expect(exportValue(1234.567, 'currency')).toBe(1234.57);
    expect(exportValue(null, 'currency')).toBeNull();
  });

  it('puts the sales-cycle median on its card, and cost per lead beside acquisition cost', () => {
    const sections = reportSections(report);
    const rows = sections.flatMap((sec) => sec.kpis);
    const cycle = rows.find((r) => r.id === 'sales_cycle');
    expect(cycle?.median).toBe(report.pipeline.salesCycle.medianDays);
    expect(cycle?.denominator).toBeGreaterThan(0);
    // Σ cost ÷ Σ leads over the sources shown, the same rows the ranking counts.
    const src = report.sources.rows;
    const cost = src.reduce((n, r) => n + r.cost, 0);
    const leads = src.reduce((n, r) => n + r.leads, 0);
    expect(leads).toBeGreaterThan(0);
    const perLead = rows.find((r) => r.id === 'cost_per_lead');
    expect(perLead).toMatchObject({ unit: 'currency', value: cost / leads, numerator: cost, denominator: leads });
    const ranking = sections.flatMap((sec) => sec.charts).find((c) => c.id === 'source_ranking');
    expect(ranking?.series.find((x) => x.key === 'costPerLead')?.values).toEqual(src.map((r) => r.costPerLead.value));
  });
});
