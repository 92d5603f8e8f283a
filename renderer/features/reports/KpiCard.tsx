import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters } from '../../i18n/format';
import { formatValue, partUnits } from './format-kpi';
import type { KpiRow } from './report-model';

/** A KPI's name, value, the counts behind it and — one click away — its definition. */
export function KpiCard({ row }: { row: KpiRow }) {
  const { t, i18n } = useTranslation('reports');
  const fmt = formatters(i18n.language);
  const [open, setOpen] = useState(false);
  const defId = useId();
  const nameId = useId();
  const units = partUnits(row.id);
  return (
    <article className="kpi-card" aria-labelledby={nameId} data-kpi={row.id}>
      <header>
        <h3 id={nameId}>{t(`kpi.${row.id}.name`)}</h3>
        <button
          type="button"
          className="info"
          aria-expanded={open}
          aria-controls={defId}
          aria-label={t('showDefinition', { name: t(`kpi.${row.id}.name`) })}
          onClick={() => setOpen((o) => !o)}
        >
          i
        </button>
      </header>
      <p className="kpi-value" data-testid={`kpi-value-${row.id}`}>
        {formatValue(fmt, t, row.value, row.unit)}
      </p>
      {row.median !== undefined ? (
        // An average over few deals says little alone: the median and how many deals it rests on.
        <p className="kpi-parts">
          {t('medianOf', {
            median: formatValue(fmt, t, row.median, row.unit),
            counted: t('common:counted.deals', { count: row.denominator ?? 0 }),
          })}
        </p>
      ) : row.numerator !== undefined && row.denominator !== undefined && (
        <p className="kpi-parts">
          {t('parts', {
            numerator: formatValue(fmt, t, row.numerator, units.numerator),
            denominator: formatValue(fmt, t, row.denominator, units.denominator),
          })}
        </p>
      )}
      <p id={defId} className="kpi-definition" hidden={!open}>
        {t(`kpi.${row.id}.definition`)}
      </p>
    </article>
  );
}
