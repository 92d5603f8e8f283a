import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartPanel } from './ChartPanel';
import { KpiCard } from './KpiCard';
import type { SectionModel } from './report-model';

/**
 * One report: its KPI cards and its charts. Memoised: the page re-renders on every progress message
 * and filter click, and a section only changes with a new result.
 */
export const ReportSection = memo(function ReportSection({ section }: { section: SectionModel }) {
  const { t } = useTranslation('reports');
  const titleId = `report-${section.id}`;
  return (
    <section className="panel report-section" aria-labelledby={titleId} data-section={section.id}>
      <h2 id={titleId}>{t(`section.${section.id}`)}</h2>
      {section.kpis.length === 0 ? (
        <p className="empty-state">{t(`sectionEmpty.${section.id}`)}</p>
      ) : (
        <div className="kpi-grid">
          {section.kpis.map((k) => (
            <KpiCard key={k.id} row={k} />
          ))}
        </div>
      )}
      {section.charts.map((c) => (
        <ChartPanel key={c.id} chart={c} />
      ))}
    </section>
  );
});
