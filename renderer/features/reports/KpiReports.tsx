import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../shared/kpi';
import { getBridge } from '../../bridge';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { formatters } from '../../i18n/format';
import { presetPeriod } from './periods';
import { warmUpCharts } from './ChartCanvas';
import { drawAllNow } from './chart-queue';
import { exportReportCsv, exportReportXlsx, reportFileStem } from './report-export';
import { reportSections } from './report-model';
import { ReportFilters } from './ReportFilters';
import { ReportSection } from './ReportSection';
import { useReport, type ReportState } from './useReport';

const NO_COUNTRIES: readonly string[] = [];

/** Every KPI with its definition and charts, filterable and exportable; computed in a worker. */
export function KpiReports() {
  const { t, i18n } = useTranslation('reports');
  const fmt = formatters(i18n.language);
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const today = todayIso();
  const [filter, setFilter] = useState<ReportFilter>(() => ({ ...presetPeriod('thisYear', today), to: today }));
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);
  // The filters (two date pickers) are rendered in a transition after the page's first frame: mounted
  // together with the route change, they made one long frame on opening Reports.
  const [filtersShown, setFiltersShown] = useState(false);
  useEffect(() => startTransition(() => setFiltersShown(true)), []);
  useEffect(() => warmUpCharts(), []);
  const members = useLive(listTeam);
  const team = useMemo(() => members ?? [], [members]);
  const state = useReport(filter, today, reloadKey);
  const { result } = state;
  const names = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  // Every result brings its own copy of the country list: keep the old one while it says the same,
  // so the (memoised) filters don't re-render their date pickers for each result.
  const countryKey = result?.countries.join('\n') ?? '';
  const countries = useMemo(() => (countryKey === '' ? NO_COUNTRIES : countryKey.split('\n')), [countryKey]);
  const sections = useMemo(
    () => (result ? reportSections(result.report, (id) => names.get(id) ?? t('common:unknownMember')) : []),
    [result, names, t],
  );
  // The sections on screen follow in a deferred (time-sliced) render: a result or a team list arriving
  // never renders every card, table and chart in one task, whatever lane its update came in.
  const latest = useMemo(() => ({ result, sections }), [result, sections]);
  const view = useDeferredValue(latest);
  const behind = view !== latest;
  const viewed = view.result?.report.filter;

  // Exports and the print head describe the report on screen, which is the current filter's once ready.
  const shown = result?.report.filter ?? filter;
  const describe = [
    shown.repId ? team.find((m) => m.id === shown.repId)?.name ?? '' : t('allReps'),
    shown.segment ? `${t('segment')} ${shown.segment.replace('-', ' · ')}` : t('allSegments'),
    shown.country ?? t('allCountries'),
  ].join(' · ');
  const run = (job: () => Promise<unknown>) => {
    setBusy(true);
    void job().finally(() => setBusy(false));
  };
  const ready = result !== undefined && !state.stale;
  const noAccounts = result !== undefined && result.accountCount === 0;

  return (
    <>
      <div className="report-actions" role="group" aria-label={t('exportGroup')}>
        <button type="button" disabled={!ready || busy} onClick={() => run(() => exportReportCsv(t, fmt, lang, shown, describe, sections))}>
          {t('exportCsv')}
        </button>
        <button type="button" disabled={!ready || busy} onClick={() => run(() => exportReportXlsx(t, fmt, lang, shown, sections))}>
          {t('exportXlsx')}
        </button>
        <button type="button" disabled={!ready || busy} onClick={() => run(() => {
          // Charts off screen wait to be scrolled to; the PDF shows them all.
          drawAllNow();
          return getBridge().printToPdf({ suggestedName: `${reportFileStem(t, shown)}.pdf`, landscape: false });
        })}>
          {t('exportPdf')}
        </button>
        <button type="button" disabled={!ready} onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" onClick={() => setReloadKey((k) => k + 1)}>
          {t('reload')}
        </button>
      </div>
      {filtersShown ? <ReportFilters filter={filter} onChange={setFilter} today={today} team={team} countries={countries} /> : <div className="toolbar report-filters" />}
      <p className="print-only report-print-head">
        {t('periodValue', { from: fmt.date(shown.from), to: fmt.date(shown.to) })} · {describe} · {t('printedOn', { date: fmt.date(today) })}
      </p>
      <ReportStatus state={state} fmt={fmt} />
      {noAccounts ? (
        <p className="empty-state">{t('emptyBase')}</p>
      ) : (
        <div
          className={(state.stale || behind) && view.result ? 'report-sections is-stale' : 'report-sections'}
          aria-busy={!ready || behind}
          data-period={viewed ? `${viewed.from}..${viewed.to}` : undefined}
        >
          {view.sections.map((s) => (
            <ReportSection key={s.id} section={s} />
          ))}
        </div>
      )}
    </>
  );
}

/** The status line: what is being read or computed (with a bar), what was computed, or what failed. */
function ReportStatus({ state, fmt }: { state: ReportState; fmt: ReturnType<typeof formatters> }) {
  const { t } = useTranslation('reports');
  const { progress, result, error } = state;
  if (error !== undefined) {
    return (
      <p role="alert" className="error report-status">
        {t('failed', { message: error })}
      </p>
    );
  }
  const label =
    progress?.phase === 'loading'
      ? t('loadingStep', { step: t(`step.${progress.step}`), done: progress.done, total: progress.total })
      : result === undefined
        ? t('computingFirst')
        : t('computing', { count: result.accountCount });
  const share = progress?.phase === 'loading' ? progress.done / progress.total : (progress?.share ?? 0);
  return (
    <div className="report-status">
      <p role="status" className="hint">
        {state.stale ? label : result ? t('computed', { count: result.accountCount, ms: fmt.number(Math.round(result.ms)) }) : ''}
        {state.stale && result ? ` ${t('showingPrevious')}` : ''}
      </p>
      {state.stale && (
        <progress className="report-progress" max={100} value={Math.round(Math.min(1, Math.max(0, share)) * 100)} aria-label={label} />
      )}
    </div>
  );
}
