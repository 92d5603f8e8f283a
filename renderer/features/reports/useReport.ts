import { useEffect, useMemo, useState } from 'react';
import type { IsoDate } from '../../../shared/domain';
import type { ReportData, ReportFilter, Report } from '../../../shared/kpi';
import { computeReport, rhythmCheck } from '../../../shared/kpi';
import { loadReportData, getFollowUpDays, type LoadStep } from '../../db/pipeline-admin';
import { loadRhythmTable } from '../../db/planning';
import type { RhythmTable } from '../../../shared/planning/rhythm';

export type ReportState =
  | { phase: 'loading'; step: LoadStep; done: number; total: number }
  | { phase: 'computing'; data: ReportData }
  | { phase: 'ready'; data: ReportData; report: Report; ms: number };

/** Lets the browser paint before heavy work, so the page shows its progress line first. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Loads every row once (table by table, with progress), then computes the report for the filter
 * after the next paint. A changed filter recomputes from memory without reading the database again.
 */
export function useReport(filter: ReportFilter, today: IsoDate, reloadKey: number): ReportState {
  const [loaded, setLoaded] = useState<{ data: ReportData; rhythms: RhythmTable; followUpDays: number } | undefined>();
  const [progress, setProgress] = useState<{ step: LoadStep; done: number; total: number }>({ step: 'accounts', done: 0, total: 5 });
  const [result, setResult] = useState<{ report: Report; ms: number; key: string } | undefined>();
  const key = JSON.stringify(filter) + reloadKey;

  useEffect(() => {
    let live = true;
    void (async () => {
      await afterPaint();
      const [data, rhythms, followUpDays] = await Promise.all([
        loadReportData((step, done, total) => live && setProgress({ step, done, total })),
        loadRhythmTable(),
        getFollowUpDays(),
      ]);
      if (live) setLoaded({ data, rhythms, followUpDays });
    })();
    return () => {
      live = false;
    };
  }, [reloadKey]);

  const check = useMemo(() => (loaded ? rhythmCheck(loaded.rhythms) : undefined), [loaded]);

  useEffect(() => {
    if (!loaded || !check) return undefined;
    let live = true;
    void (async () => {
      await afterPaint();
      if (!live) return;
      const t0 = performance.now();
      // Meetings count over the chosen period (a week is one preset away), as their definition says.
      const report = computeReport(loaded.data, filter, today, { isWithinRhythm: check, offerFollowUpDays: loaded.followUpDays });
      if (live) setResult({ report, ms: performance.now() - t0, key });
    })();
    return () => {
      live = false;
    };
    // `key` covers the filter's content; the object itself changes identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, check, key, today]);

  if (!loaded) return { phase: 'loading', ...progress };
  if (!result || result.key !== key) return { phase: 'computing', data: loaded.data };
  return { phase: 'ready', data: loaded.data, report: result.report, ms: result.ms };
}
