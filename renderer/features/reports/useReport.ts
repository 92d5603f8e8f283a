import { startTransition, useEffect, useRef, useState } from 'react';
import type { IsoDate } from '../../../shared/domain';
import type { ReportFilter } from '../../../shared/kpi';
import { reportDbName, startReportWorker } from '../../db/reports/client';
import { reportJob, type ReportProgress, type ReportResult } from '../../db/reports/protocol';
import { JobCancelled } from '../../db/workers/protocol';
import type { JobPort } from '../../db/workers/run';

export type ReportState = {
  /** The newest finished report; while a newer one is computed it stays (marked `stale`). */
  result?: ReportResult;
  /** True while `result` belongs to an older filter (or there is none yet). */
  stale: boolean;
  /** Progress of the running request; undefined when none runs. */
  progress?: ReportProgress;
  /** Why the last request failed. */
  error?: string;
};

/**
 * The report for a filter, computed in a Web Worker (renderer/db/reports/report.worker.ts) that reads the
 * database itself: the page never blocks, shows progress, and keeps the previous result on screen
 * while it recomputes. A changed filter supersedes the running computation; a changed `reloadKey`
 * makes the worker read the database again, otherwise it recomputes from its copy.
 */
export function useReport(filter: ReportFilter, today: IsoDate, reloadKey: number): ReportState {
  const worker = useRef<JobPort | undefined>(undefined);
  const [state, setState] = useState<ReportState>({ stale: true });
  const key = JSON.stringify(filter);

  useEffect(() => {
    const port = startReportWorker();
    worker.current = port;
    return () => {
      port.close();
      worker.current = undefined;
    };
  }, []);

  useEffect(() => {
    const port = worker.current;
    if (!port) return;
    // A changed filter cancels the running request: the worker drops it, its replies are ignored.
    const controller = new AbortController();
    setState((s) => ({ ...s, stale: true, error: undefined, progress: s.progress ?? { phase: 'computing', share: 0 } }));
    port
      .run(reportJob, { dbName: reportDbName(), reload: reloadKey, filter: JSON.parse(key) as ReportFilter, today }, {
        signal: controller.signal,
        onProgress: (progress) => setState((s) => ({ ...s, progress })),
      })
      .then(
        // A transition: React renders the new sections in slices of a few milliseconds between frames
        // instead of one long task (all KPI cards, tables and charts at once made a 60 ms frame at 700 accounts).
        (result) => startTransition(() => setState({ result, stale: false })),
        (error: unknown) => {
          if (controller.signal.aborted || error instanceof JobCancelled) return;
          setState((s) => ({ ...s, progress: undefined, error: error instanceof Error ? error.message : String(error) }));
        },
      );
    return () => controller.abort();
  }, [key, today, reloadKey]);

  return state;
}
