import type { TFunction } from 'i18next';
import type { CsvCell } from '../../../shared/export/csv';
import { toCsvBytes } from '../../../shared/export/csv';
import { exportXlsx, type XlsxSheet } from '../../../shared/export/xlsx';
import type { ReportFilter } from '../../../shared/kpi';
import { getBridge } from '../../bridge';
import type { Formatters } from '../../i18n/format';
import { chartLabel, partUnits } from './format-kpi';
import { exportValue, type SectionModel } from './report-model';

type Lang = 'de' | 'en';

/** Rows of the KPI table: section, KPI, value, unit, numerator, denominator, definition. */
export function kpiRows(t: TFunction, sections: readonly SectionModel[]): Record<string, string | number | null>[] {
  return sections.flatMap((s) =>
    s.kpis.map((k) => {
      const units = partUnits(k.id);
      return {
        section: t(`section.${s.id}`),
        kpi: t(`kpi.${k.id}.name`),
        value: exportValue(k.value, k.unit),
        unit: t(`unit.${k.unit}`),
        numerator: k.numerator === undefined ? null : exportValue(k.numerator, units.numerator),
        denominator: k.denominator === undefined ? null : exportValue(k.denominator, units.denominator),
        definition: t(`kpi.${k.id}.definition`),
      };
    }),
  );
}

/** Chart data in long form: chart, label, series, value. */
export function chartRows(t: TFunction, fmt: Formatters, sections: readonly SectionModel[]): Record<string, string | number | null>[] {
  return sections.flatMap((s) =>
    s.charts.flatMap((c) =>
      c.labels.flatMap((label, i) =>
        c.series.map((series) => ({
          chart: t(`chart.${c.id}`),
          label: chartLabel(fmt, t, c, label),
          series: t(`series.${series.key}`),
          value: exportValue(series.values[i] ?? null, series.unit),
        })),
      ),
    ),
  );
}

const KPI_KEYS = ['section', 'kpi', 'value', 'unit', 'numerator', 'denominator', 'definition'] as const;
const CHART_KEYS = ['chart', 'label', 'series', 'value'] as const;

/** File name stem, e.g. `bericht-2026-01-01-bis-2026-11-23`. */
export function reportFileStem(t: TFunction, filter: ReportFilter): string {
  return t('fileName', { from: filter.from, to: filter.to });
}

/** The header rows naming the period and filters, so an exported file says what it shows. */
function filterLine(t: TFunction, fmt: Formatters, filter: ReportFilter, describe: string): CsvCell[] {
  return [t('title'), t('periodValue', { from: fmt.date(filter.from), to: fmt.date(filter.to) }), describe];
}

export async function exportReportCsv(t: TFunction, fmt: Formatters, lang: Lang, filter: ReportFilter, describe: string, sections: readonly SectionModel[]): Promise<void> {
  const rows: CsvCell[][] = [filterLine(t, fmt, filter, describe), [], KPI_KEYS.map((k) => t(`col.${k}`))];
  for (const r of kpiRows(t, sections)) rows.push(KPI_KEYS.map((k) => r[k]));
  rows.push([], CHART_KEYS.map((k) => t(`col.${k}`)));
  for (const r of chartRows(t, fmt, sections)) rows.push(CHART_KEYS.map((k) => r[k]));
  await getBridge().saveFile({
    suggestedName: `${reportFileStem(t, filter)}.csv`, mimeType: 'text/csv;charset=utf-8', data: toCsvBytes(rows, { locale: lang }),
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  });
}

export async function exportReportXlsx(t: TFunction, fmt: Formatters, lang: Lang, filter: ReportFilter, sections: readonly SectionModel[]): Promise<void> {
  const num = new Set(['value', 'numerator', 'denominator']);
  const sheets: XlsxSheet[] = [
    { name: t('sheet.kpis'), columns: KPI_KEYS.map((k) => ({ key: k, header: t(`col.${k}`), type: num.has(k) ? 'number' : 'text', ...(k === 'definition' ? { width: 60 } : {}) })), rows: kpiRows(t, sections) },
    { name: t('sheet.charts'), columns: CHART_KEYS.map((k) => ({ key: k, header: t(`col.${k}`), type: k === 'value' ? 'number' : 'text' })), rows: chartRows(t, fmt, sections) },
  ];
  const data = await exportXlsx(sheets, { locale: lang });
  await getBridge().saveFile({
    suggestedName: `${reportFileStem(t, filter)}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data,
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
  });
}
