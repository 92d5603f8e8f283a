import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeReport, rhythmCheck } from '../../../shared/kpi';
import { FIXTURE, Q1, TODAY } from '../../../shared/kpi/test-fixtures';
import { openDb, useDatabase, type RapportDb } from '../core/db';
import { loadReportData } from '../pipeline/admin';
import { loadRhythmTable } from '../planning/planning';
import { JobCancelled } from '../workers/protocol';
import { connectJobWorker, localWorker, type JobPort } from '../workers/run';
import { serveJob } from '../workers/serve';
import { createReportJobs } from './job';
import { reportJob, type ReportProgress, type ReportRequest, type ReportResult } from './protocol';

let db: RapportDb;
let name: string;

async function seed(target: RapportDb): Promise<void> {
  await target.accounts.bulkAdd(FIXTURE.accounts.map((a) => ({ ...a })));
  await target.interactions.bulkAdd(FIXTURE.interactions.map((i) => ({ ...i })));
  await target.deals.bulkAdd(FIXTURE.deals.map((d) => ({ ...d })));
  await target.sales.bulkAdd(FIXTURE.sales.map((s) => ({ ...s })));
  await target.leadSources.bulkAdd(FIXTURE.leadSources.map((s) => ({ ...s })));
}

const request = (over: Partial<ReportRequest> = {}): ReportRequest => ({ dbName: name, reload: 0, filter: { ...Q1 }, today: TODAY, ...over });

type ReportReply =
  | { id: number; kind: 'progress'; progress: ReportProgress }
  | ({ id: number; kind: 'result' } & ReportResult)
  | { id: number; kind: 'error' | 'cancelled'; message: string };

let port: JobPort | undefined;
afterEach(() => port?.close());

/** The job served behind a MessageChannel as the worker serves it (db/workers protocol); every reply is logged with its request's number. */
function createReportWorker(replies: ReportReply[]): (id: number, over?: Partial<ReportRequest>) => Promise<void> {
  const worker = connectJobWorker(localWorker((scope) => serveJob(reportJob, createReportJobs(), scope)), { stop: 'message' });
  port = worker;
  return (id, over) =>
    worker.run(reportJob, request(over), { onProgress: (progress) => void replies.push({ id, kind: 'progress', progress }) }).then(
      (result) => void replies.push({ id, kind: 'result', ...result }),
      (error: unknown) => void replies.push({ id, kind: error instanceof JobCancelled ? 'cancelled' : 'error', message: String(error) }),
    );
}

describe('the reports worker job', () => {
  beforeEach(async () => {
    name = `report-job-${crypto.randomUUID()}`;
    db = openDb(name);
    useDatabase(db);
    await seed(db);
  });

  it('reads the database itself, reports progress and returns what computeReport gives on the same rows', async () => {
    const replies: ReportReply[] = [];
    const handle = createReportWorker(replies);
    await handle(1);
    const kinds = replies.map((r) => (r.kind === 'progress' ? r.progress.phase : r.kind));
    expect(kinds[0]).toBe('loading');
    expect(kinds).toContain('computing');
    expect(kinds.at(-1)).toBe('result');
    const result = replies.at(-1);
    if (result?.kind !== 'result') throw new Error('no result');
    // The job opened its own connection; the expected report is computed here from a fresh read.
    useDatabase(openDb(name));
    const data = await loadReportData();
    const expected = computeReport(data, { ...Q1 }, TODAY, { isWithinRhythm: rhythmCheck(await loadRhythmTable()), offerFollowUpDays: 14 });
    expect(result.report).toEqual(expected);
    expect(result.accountCount).toBe(FIXTURE.accounts.length);
    expect(result.countries).toEqual([...new Set(FIXTURE.accounts.map((a) => a.country))].sort());
  });

  it('drops a request superseded by a newer one and answers only the newer', async () => {
    const replies: ReportReply[] = [];
    const handle = createReportWorker(replies);
    const first = handle(1);
    const second = handle(2, { filter: { ...Q1, country: 'AT' } });
    await Promise.all([first, second]);
    const results = replies.filter((r) => r.kind === 'result');
    expect(results.map((r) => r.id)).toEqual([2]);
    expect(results[0]?.kind === 'result' && results[0].report.filter.country).toBe('AT');
    expect(replies.find((r) => r.id === 1 && r.kind !== 'progress')?.kind).toBe('cancelled');
  });

  it('recomputes from its copy for a new filter, and reads again only on reload', async () => {
    const replies: ReportReply[] = [];
    const handle = createReportWorker(replies);
    await handle(1);
    const extra = { ...FIXTURE.accounts[0]!, id: 'added-later', country: 'CH' };
    await db.accounts.add(extra);
    await handle(2, { filter: { ...Q1, repId: 'nobody' } });
    const count = (id: number) => replies.find((r) => r.id === id && r.kind === 'result');
    const second = count(2);
    expect(second?.kind === 'result' && second.accountCount).toBe(FIXTURE.accounts.length);
    expect(replies.some((r) => r.id === 2 && r.kind === 'progress' && r.progress.phase === 'loading')).toBe(false);
    await handle(3, { reload: 1 });
    const third = count(3);
    expect(third?.kind === 'result' && third.accountCount).toBe(FIXTURE.accounts.length + 1);
    expect(third?.kind === 'result' && third.countries).toContain('CH');
  });

  it('answers with an error when the rows cannot be read', async () => {
    const replies: ReportReply[] = [];
    const handle = createReportWorker(replies);
    // A database from a newer app version: opening it fails, and the job says so instead of hanging.
    const raw = indexedDB.open(`newer-${crypto.randomUUID()}`, 1_000_000_000);
    const emptyName = await new Promise<string>((resolve) => {
      raw.onsuccess = () => {
        raw.result.close();
        resolve(raw.result.name);
      };
    });
    await handle(1, { dbName: emptyName });
    expect(replies.at(-1)?.kind).toBe('error');
  });
});
