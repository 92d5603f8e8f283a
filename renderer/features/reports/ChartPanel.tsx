import { useCallback, useMemo, useState, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters } from '../../i18n/format';
import { ChartCanvas, type ChartDataset } from './ChartCanvas';
import { chartLabel, formatValue } from './format-kpi';
import type { ChartModel } from './report-model';

/** One chart with its definition and a data table as the accessible (and printable) alternative. */
export function ChartPanel({ chart }: { chart: ChartModel }) {
  const { t, i18n } = useTranslation('reports');
  const fmt = formatters(i18n.language);
  const [showDef, setShowDef] = useState(false);
  const [showTable, setShowTable] = useState(false);
  const defId = useId();
  const name = t(`chart.${chart.id}`);
  const labels = useMemo(() => chart.labels.map((l) => chartLabel(fmt, t, chart, l)), [chart, fmt, t]);
  const firstUnit = chart.series[0]?.unit;
  // Series in another unit than the first (money beside counts) get the second axis.
  const datasets = useMemo<ChartDataset[]>(
    () => chart.series.filter((s) => !s.tableOnly).map((s) => ({ label: t(`series.${s.key}`), data: s.unit === 'percent' ? s.values.map((v) => (v === null ? null : v * 100)) : s.values, axis: s.unit === firstUnit ? 'y' : 'y2' })),
    [chart, t, firstUnit],
  );
  const secondUnit = chart.series.find((s) => s.unit !== firstUnit && !s.tableOnly)?.unit;
  // Axis ticks in compact money ("16 Mio. €"); the table shows exact amounts.
  const money = useMemo(() => new Intl.NumberFormat(fmt.locale, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }), [fmt]);
  const format = useCallback(
    (v: number, axis: 'y' | 'y2') => {
      const unit = axis === 'y' ? firstUnit : secondUnit;
      return unit === 'percent' ? fmt.percent(v / 100) : unit === 'currency' ? money.format(v) : fmt.number(v);
    },
    [fmt, money, firstUnit, secondUnit],
  );
  const countAxes = useMemo(() => (['y', 'y2'] as const).filter((axis) => (axis === 'y' ? firstUnit : secondUnit) === 'count'), [firstUnit, secondUnit]);
  const empty = chart.labels.length === 0;
  return (
    <figure className="chart-panel" data-chart={chart.id}>
      <figcaption>
        <span className="chart-title">{name}</span>
        <button type="button" className="info" aria-expanded={showDef} aria-controls={defId} aria-label={t('showDefinition', { name })} onClick={() => setShowDef((o) => !o)}>
          i
        </button>
      </figcaption>
      <p id={defId} className="kpi-definition" hidden={!showDef}>
        {t(`kpi.${chart.id}.definition`)}
      </p>
      {empty ? (
        <p className="empty-state">{t(`chartEmpty.${chart.id}`)}</p>
      ) : (
        <ChartCanvas kind={chart.kind} labels={labels} datasets={datasets} label={name} format={format} countAxes={countAxes} horizontal={chart.labelKind === 'text' && chart.id === 'source_ranking'} />
      )}
      <details className="chart-table" onToggle={(e) => setShowTable(e.currentTarget.open)}>
        <summary>{t('dataTable')}</summary>
        {/* Built when opened: eight closed tables were a third of the page's nodes, re-rendered on every period change. */}
        {showTable && <ChartTable chart={chart} labels={labels} name={name} />}
      </details>
    </figure>
  );
}

/** The chart's figures as a table: the accessible alternative, opened below the chart. */
function ChartTable({ chart, labels, name }: { chart: ChartModel; labels: string[]; name: string }) {
  const { t, i18n } = useTranslation('reports');
  const fmt = formatters(i18n.language);
  return (
    <table className="data-table" aria-label={t('dataTableOf', { name })}>
      <thead>
        <tr>
          <th scope="col">{t(`labelHeader.${chart.labelKind}`)}</th>
          {chart.series.map((s) => (
            <th key={s.key} scope="col">
              {t(`series.${s.key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.labels.map((l, i) => (
          <tr key={l}>
            <th scope="row">{labels[i]}</th>
            {chart.series.map((s) => (
              <td key={s.key}>{formatValue(fmt, t, s.values[i] ?? null, s.unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
