import type { ReportData } from '../../../shared/kpi';
import { computeReportSteps, rhythmCheck } from '../../../shared/kpi';
import type { RhythmTable } from '../../../shared/planning/rhythm';
// Aliased: the name `useDatabase` reads as a React hook to the linter, and this is no component.
import { openDb, useDatabase as selectDatabase } from '../core/db';
import { getFollowUpDays, loadReportData } from '../pipeline/admin';
import { loadRhythmTable } from '../planning/planning';
import type { ReportReply, ReportRequest } from './protocol';

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

/** Handles the page's requests; `post` sends replies back. */
export function createReportJobs(post: (reply: ReportReply) => void): (request: ReportRequest) => Promise<void> {
  let latest: ReportRequest | undefined;
  let cache: { key: string; value: Promise<Loaded> } | undefined;
  const keyOf = (r: ReportRequest) => `${r.dbName}\n${r.reload}`;

  return async (request) => {
    latest = request;
    const live = () => latest === request;
    const key = keyOf(request);
    const t0 = performance.now();
    try {
      if (cache?.key !== key) {
        const wanted = () => latest !== undefined && keyOf(latest) === key;
        const value = load(request.dbName, (step, done, total) => latest && post({ id: latest.id, kind: 'progress', progress: { phase: 'loading', step, done, total } }), wanted);
        cache = { key, value };
        // A failed or superseded read is not kept: the next request reads again.
        value.catch(() => {
          if (cache?.value === value) cache = undefined;
        });
      }
      const loaded = await cache.value;
      if (!live()) return;
      post({ id: request.id, kind: 'progress', progress: { phase: 'computing', share: 0 } });
      // The worker runs in the window's process, so its default zone is the window's; the rhythm
      // check takes the filter's zone too, so a filter with `tz` is read in one calendar throughout.
      const isWithinRhythm = rhythmCheck(loaded.rhythms, request.filter.tz);
      const steps = computeReportSteps(loaded.data, request.filter, request.today, { isWithinRhythm, offerFollowUpDays: loaded.followUpDays });
      let slice = performance.now();
      for (;;) {
        const next = steps.next();
        if (next.done === true) {
          const { data, countries } = loaded;
          post({ id: request.id, kind: 'result', report: next.value, ms: performance.now() - t0, accountCount: data.accounts.length, countries });
          return;
        }
        if (performance.now() - slice < SLICE_MS) continue;
        post({ id: request.id, kind: 'progress', progress: { phase: 'computing', share: next.value } });
        await yieldToQueue();
        if (!live()) return;
        slice = performance.now();
      }
    } catch (error) {
      if (error instanceof Superseded || !live()) return;
      post({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
