import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LeadSourcesPanel, PipelineTab } from '../pipeline';
import { KpiReports } from './KpiReports';
import './reports.css';

const TABS = ['kpis', 'pipeline', 'sources'] as const;
type Tab = (typeof TABS)[number];

/** Reports: every KPI with its definition and charts; the pipeline, and the lead sources with their cost, beside it. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const [tab, setTab] = useState<Tab>('kpis');
  return (
    <section aria-labelledby="reports-title" className="reports-page">
      <header className="page-header">
        <h1 id="reports-title">{t('title')}</h1>
      </header>
      <div role="tablist" aria-label={t('tabs')} className="tabs">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const next = TABS[(TABS.indexOf(id) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'kpis';
              setTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t(`tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'kpis' ? <KpiReports /> : tab === 'pipeline' ? <PipelineTab /> : <LeadSourcesPanel />}
      </div>
    </section>
  );
}
