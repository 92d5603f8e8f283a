import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../shared/kpi';
import { getBridge } from '../../bridge';
import { todayIso } from '../../app/today';
import { useLive } from '../../db/live';
import { listTeam } from '../../db/team';
import { formatters } from '../../i18n/format';
import { PipelineTab } from '../pipeline/PipelineTab';
import { presetPeriod } from './periods';
import { exportReportCsv, exportReportXlsx, reportFileStem } from './report-export';
import { reportSections } from './report-model';
import { ReportFilters } from './ReportFilters';
import { ReportSection } from './ReportSection';
import { useReport } from './useReport';
import './reports.css';

const TABS = ['kpis', 'pipeline'] as const;
type Tab = (typeof TABS)[number];

/** Reports: every KPI with its definition and charts, filterable, exportable; the pipeline beside it. */
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
        {tab === 'kpis' ? <KpiReports /> : <PipelineTab />}
      </div>
    </section>
  );
}

function KpiReports() {
  const { t, i18n } = useTranslation('reports');
  const fmt = formatters(i18n.language);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const today = todayIso();
  const [filter, setFilter] = useState<ReportFilter>(() => ({ ...presetPeriod('thisYear', today), to: today }));
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const members = useLive(listTeam);
  const team = useMemo(() => members ?? [], [members]);
  const state = useReport(filter, today, reloadKey);
  const data = state.phase === 'loading' ? undefined : state.data;
  const countries = useMemo(() => [...new Set((data?.accounts ?? []).map((a) => a.country).filter(Boolean))].sort(), [data]);
  const names = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  const sections = useMemo(
    () => (state.phase === 'ready' ? reportSections(state.report, (id) => names.get(id) ?? t('common:unknownMember')) : []),
    [state, names, t],
  );

  const describe = [
    filter.repId ? team.find((m) => m.id === filter.repId)?.name ?? '' : t('allReps'),
    filter.segment ? `${t('segment')} ${filter.segment.replace('-', ' · ')}` : t('allSegments'),
    filter.country ?? t('allCountries'),
  ].join(' · ');
  const run = (job: () => Promise<unknown>) => {
    setBusy(true);
    void job().finally(() => setBusy(false));
  };
  const ready = state.phase === 'ready';
  const noAccounts = data !== undefined && data.accounts.length === 0;

  return (
    <>
      <div className="report-actions" role="group" aria-label={t('exportGroup')}>
        <button type="button" disabled={!ready || busy} onClick={() => run(() => exportReportCsv(t, fmt, lang, filter, describe, sections))}>
          {t('exportCsv')}
        </button>
        <button type="button" disabled={!ready || busy} onClick={() => run(() => exportReportXlsx(t, fmt, lang, filter, sections))}>
          {t('exportXlsx')}
        </button>
        <button type="button" disabled={!ready || busy} onClick={() => run(() => getBridge().printToPdf({ suggestedName: `${reportFileStem(t, filter)}.pdf`, landscape: false }))}>
          {t('exportPdf')}
        </button>
        <button type="button" disabled={!ready} onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" onClick={() => setReloadKey((k) => k + 1)}>
          {t('reload')}
        </button>
      </div>
      <ReportFilters filter={filter} onChange={setFilter} today={today} team={team} countries={countries} />
      <p className="print-only report-print-head">
        {t('periodValue', { from: fmt.date(filter.from), to: fmt.date(filter.to) })} · {describe} · {t('printedOn', { date: fmt.date(today) })}
      </p>
      <p role="status" className="hint report-status">
        {state.phase === 'loading'
          ? t('loadingStep', { step: t(`step.${state.step}`), done: state.done, total: state.total })
          : state.phase === 'computing'
            ? t('computing', { count: state.data.accounts.length })
            : t('computed', { count: state.data.accounts.length, ms: fmt.number(state.ms) })}
      </p>
      {noAccounts ? (
        <p className="empty-state">{t('emptyBase')}</p>
      ) : (
        <div className="report-sections" aria-busy={!ready}>
          {sections.map((s) => (
            <ReportSection key={s.id} section={s} />
          ))}
        </div>
      )}
    </>
  );
}
