import type { ReportData } from '../../../shared/kpi';
import { computeReportSteps, rhythmCheck } from '../../../shared/kpi';
import type { RhythmTable } from '../../../shared/planning/rhythm';
// Aliased: the name `useDatabase` reads as a React hook to the linter, and this is no component.
import { openDb, useDatabase as selectDatabase } from '../core/db';
import { getFollowUpDays, loadReportData } from '../pipeline/admin';
import { loadRhythmTable } from '../planning/planning';
import { JobCancelled } from '../workers/protocol';
import type { JobContext, JobHandler } from '../workers/serve';
import type { ReportProgress, ReportRequest, ReportResult } from './protocol';

// The reports worker's logic, free of the worker global so it runs in unit tests: it reads the
// database once per (database, reload), keeps the rows, and computes each request in steps,
// handing control back every few milliseconds so a newer request can supersede a running one.

type Loaded = { data: ReportData; rhythms: RhythmTable; followUpDays: number; countries: string[] };

/** How long the worker computes before it looks at its message queue again. */
const SLICE_MS = 25;

class Superseded extends Error {}

/** Gives queued messages (a newer request) their turn. */
const yieldToQueue = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function load(dbName: string, onStep: Parameters<typeof loadReportData>[0], stillWanted: () => boolean): Promise<Loaded> {
  const db = openDb(dbName);
  selectDatabase(db);
  try {
    const data = await loadReportData((step, done, total) => {
      if (!stillWanted()) throw new Superseded();
      onStep?.(step, done, total);
    });
    const [rhythms, followUpDays] = await Promise.all([loadRhythmTable(), getFollowUpDays()]);
    const countries = [...new Set(data.accounts.map((a) => a.country).filter(Boolean))].sort();
    return { data, rhythms, followUpDays, countries };
  } finally {
    // Closed at once: an open connection here would hold up a restore or a schema upgrade in the page.
    db.close();
  }
}

/** Handles the page's requests (db/workers protocol): one handler for the worker's lifetime, so the rows read stay cached. */
export function createReportJobs(): JobHandler<ReportRequest, ReportProgress, ReportResult> {
  let latest: { request: ReportRequest; job: JobContext<ReportProgress> } | undefined;
  let cache: { key: string; value: Promise<Loaded> } | undefined;
  const keyOf = (r: ReportRequest) => `${r.dbName}\n${r.reload}`;

  return async (request, job) => {
    const mine = { request, job };
    latest = mine;
    // Superseded by a newer request, or cancelled by the page.
    const live = () => latest === mine && !job.signal.aborted;
    const key = keyOf(request);
    const t0 = performance.now();
    try {
      if (cache?.key !== key) {
        const wanted = () => latest !== undefined && keyOf(latest.request) === key;
        // A read shared by several requests reports to the newest.
        const value = load(request.dbName, (step, done, total) => latest?.job.progress({ phase: 'loading', step, done, total }), wanted);
        cache = { key, value };
        // A failed or superseded read is not kept: the next request reads again.
        value.catch(() => {
          if (cache?.value === value) cache = undefined;
        });
      }
      const loaded = await cache.value;
      if (!live()) throw new Superseded();
      job.progress({ phase: 'computing', share: 0 });
      // The worker runs in the window's process, so its default zone is the window's; the rhythm
      // check takes the filter's zone too, so a filter with `tz` is read in one calendar throughout.
      const isWithinRhythm = rhythmCheck(loaded.rhythms, request.filter.tz);
      const steps = computeReportSteps(loaded.data, request.filter, request.today, { isWithinRhythm, offerFollowUpDays: loaded.followUpDays });
      let slice = performance.now();
      for (;;) {
        const next = steps.next();
        if (next.done === true) {
          const { data, countries } = loaded;
          return { report: next.value, ms: performance.now() - t0, accountCount: data.accounts.length, countries };
        }
        if (performance.now() - slice < SLICE_MS) continue;
        job.progress({ phase: 'computing', share: next.value });
        await yieldToQueue();
        if (!live()) throw new Superseded();
        slice = performance.now();
      }
    } catch (error) {
      if (error instanceof Superseded || !live()) throw new JobCancelled('superseded by a newer report request');
      throw error;
    }
  };
}
