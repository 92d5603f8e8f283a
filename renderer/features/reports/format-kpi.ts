import type { TFunction } from 'i18next';
import type { KpiId, KpiUnit } from '../../../shared/kpi';
import type { Formatters } from '../../i18n/format';
import { exportValue, type ChartModel } from './report-model';

/** A KPI value as the page shows it; "–" when it is undefined (e.g. no base to divide by). */
export function formatValue(fmt: Formatters, t: TFunction, value: number | null, unit: KpiUnit): string {
  const v = exportValue(value, unit);
  if (v === null) return '–';
  switch (unit) {
    case 'percent':
      return fmt.percent(v / 100);
    case 'currency':
      return fmt.currency(v);
    case 'days':
      return t('reports:daysValue', { value: fmt.number(v, 1) });
    case 'count':
      return fmt.number(v);
    default:
      return fmt.number(v, 1);
  }
}

const MONEY_NUMERATOR: ReadonlySet<KpiId> = new Set(['customer_lifetime_value', 'acquisition_cost', 'cost_per_lead', 'new_revenue']);
const MONEY_DENOMINATOR: ReadonlySet<KpiId> = new Set(['new_revenue']);

/** Units of the counts behind a KPI (money for CLV, CAC and cost-per-lead numerators, counts otherwise). */
export function partUnits(id: KpiId): { numerator: KpiUnit; denominator: KpiUnit } {
  return {
    numerator: MONEY_NUMERATOR.has(id) ? 'currency' : id === 'sales_cycle' ? 'days' : 'count',
    denominator: MONEY_DENOMINATOR.has(id) ? 'currency' : 'count',
  };
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov. 2026": one formatter per locale (building one costs more than the label). */
function monthFormat(locale: string): Intl.DateTimeFormat {
  let f = monthFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
    monthFormats.set(locale, f);
  }
  return f;
}

/** A chart category label in the UI language: months, stages, segments, NPS groups or names. */
export function chartLabel(fmt: Formatters, t: TFunction, chart: ChartModel, label: string): string {
  if (chart.labelKind === 'month') {
    return monthFormat(fmt.locale).format(new Date(`${label}-15T12:00:00`));
  }
  if (chart.labelKind === 'stage') return t(`common:dealStage.${label}`);
  if (chart.labelKind === 'segment') {
    const [category, type] = label.split('-');
    return `${category ?? ''} · ${t(`common:accountType.${type ?? ''}`)}`;
  }
  if (chart.id === 'nps') return t(`reports:npsGroup.${label}`);
  return label;
}
