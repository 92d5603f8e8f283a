import { useEffect, useRef, useState } from 'react';
import type { IsoDate } from '../../../shared/domain';
import type { ReportFilter } from '../../../shared/kpi';
import { reportDbName, startReportWorker } from '../../db/reports/client';
import type { ReportProgress, ReportReply, ReportResult } from '../../db/reports/protocol';

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
  const worker = useRef<Worker | undefined>(undefined);
  const nextId = useRef(0);
  const wanted = useRef(0);
  const [state, setState] = useState<ReportState>({ stale: true });
  const key = JSON.stringify(filter);

  useEffect(() => {
    const w = startReportWorker();
    worker.current = w;
    w.onmessage = (event: MessageEvent<ReportReply>) => {
      const reply = event.data;
      // Replies to superseded requests are dropped.
      if (reply.id !== wanted.current) return;
      if (reply.kind === 'progress') setState((s) => ({ ...s, progress: reply.progress }));
      else if (reply.kind === 'error') setState((s) => ({ ...s, progress: undefined, error: reply.message }));
      else {
        const { id: _id, kind: _kind, ...result } = reply;
        setState({ result, stale: false });
      }
    };
    w.onerror = (event) => setState((s) => ({ ...s, progress: undefined, error: event.message || 'worker error' }));
    return () => {
      w.terminate();
      worker.current = undefined;
    };
  }, []);

  useEffect(() => {
    const w = worker.current;
    if (!w) return;
    nextId.current += 1;
    wanted.current = nextId.current;
    setState((s) => ({ ...s, stale: true, error: undefined, progress: s.progress ?? { phase: 'computing', share: 0 } }));
    w.postMessage({ id: nextId.current, dbName: reportDbName(), reload: reloadKey, filter: JSON.parse(key) as ReportFilter, today });
  }, [key, today, reloadKey]);

  return state;
}
