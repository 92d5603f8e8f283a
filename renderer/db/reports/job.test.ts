import { beforeEach, describe, expect, it } from 'vitest';
import { computeReport, rhythmCheck } from '../../../shared/kpi';
import { FIXTURE, Q1, TODAY } from '../../../shared/kpi/test-fixtures';
import { openDb, useDatabase, type RapportDb } from '../core/db';
import { loadReportData } from '../pipeline/admin';
import { loadRhythmTable } from '../planning/planning';
import { createReportJobs } from './job';
import type { ReportReply, ReportRequest } from './protocol';

let db: RapportDb;
let name: string;

async function seed(target: RapportDb): Promise<void> {
  await target.accounts.bulkAdd(FIXTURE.accounts.map((a) => ({ ...a })));
  await target.interactions.bulkAdd(FIXTURE.interactions.map((i) => ({ ...i })));
  await target.deals.bulkAdd(FIXTURE.deals.map((d) => ({ ...d })));
  await target.sales.bulkAdd(FIXTURE.sales.map((s) => ({ ...s })));
  await target.leadSources.bulkAdd(FIXTURE.leadSources.map((s) => ({ ...s })));
}

const request = (id: number, over: Partial<ReportRequest> = {}): ReportRequest => ({ id, dbName: name, reload: 0, filter: { ...Q1 }, today: TODAY, ...over });

describe('the reports worker job', () => {
  beforeEach(async () => {
    name = `report-job-${crypto.randomUUID()}`;
    db = openDb(name);
    useDatabase(db);
    await seed(db);
  });

  it('reads the database itself, reports progress and returns what computeReport gives on the same rows', async () => {
    const replies: ReportReply[] = [];
    const handle = createReportJobs((r) => replies.push(r));
    await handle(request(1));
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
    const handle = createReportJobs((r) => replies.push(r));
    const first = handle(request(1));
    const second = handle(request(2, { filter: { ...Q1, country: 'AT' } }));
    await Promise.all([first, second]);
    const results = replies.filter((r) => r.kind === 'result');
    expect(results.map((r) => r.id)).toEqual([2]);
    expect(results[0]?.kind === 'result' && results[0].report.filter.country).toBe('AT');
  });

  it('recomputes from its copy for a new filter, and reads again only on reload', async () => {
    const replies: ReportReply[] = [];
    const handle = createReportJobs((r) => replies.push(r));
    await handle(request(1));
    const extra = { ...FIXTURE.accounts[0]!, id: 'added-later', country: 'CH' };
    await db.accounts.add(extra);
    await handle(request(2, { filter: { ...Q1, repId: 'nobody' } }));
    const count = (id: number) => replies.find((r) => r.id === id && r.kind === 'result');
    const second = count(2);
    expect(second?.kind === 'result' && second.accountCount).toBe(FIXTURE.accounts.length);
    expect(replies.some((r) => r.id === 2 && r.kind === 'progress' && r.progress.phase === 'loading')).toBe(false);
    await handle(request(3, { reload: 1 }));
    const third = count(3);
    expect(third?.kind === 'result' && third.accountCount).toBe(FIXTURE.accounts.length + 1);
    expect(third?.kind === 'result' && third.countries).toContain('CH');
  });

  it('answers with an error when the rows cannot be read', async () => {
    const replies: ReportReply[] = [];
    const handle = createReportJobs((r) => replies.push(r));
    // A database from a newer app version: opening it fails, and the job says so instead of hanging.
    const raw = indexedDB.open(`newer-${crypto.randomUUID()}`, 1_000_000_000);
    const emptyName = await new Promise<string>((resolve) => {
      raw.onsuccess = () => {
        raw.result.close();
        resolve(raw.result.name);
      };
    });
    await handle(request(1, { dbName: emptyName }));
    expect(replies.at(-1)?.kind).toBe('error');
  });
});
