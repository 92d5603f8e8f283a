// Backup scenarios: the app's backup (worker, chunked) against the former one on the page's thread
// (one read of every table, one JSON string, one encode), both on the app's loaded database.
import { snapshotTables } from '../../../renderer/db/backup';
import { runBackup } from '../../../renderer/db/backup-client';
import { getDb } from '../../../renderer/db/db';
import { SCHEMA_VERSION } from '../../../renderer/db/migrations';
import { createBackup, serializeBackup } from '../../../shared/export/backup';

/** Longest gap between timer ticks on the page while `work` runs: how long the UI could not answer. */
async function withStallProbe<T>(work: () => Promise<T>): Promise<{ ms: number; stall: number; value: T }> {
  let last = performance.now();
  let stall = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  running = false;
  tick();
  return { ms, stall, value };
}

export type BackupBenchResult = { workerMs: number; workerStall: number; mainMs?: number; mainStall?: number; bytes: number };

/**
 * The worker backup, and with `baseline` the former one on the same database and timestamp (throws
 * unless the bytes are identical). The baseline holds the whole database as rows, one string and
 * bytes at once, so at 100k it may exhaust the tab or pass V8's string limit: run.ts leaves it out there.
 */
export async function backupBench(baseline: boolean): Promise<BackupBenchResult> {
  const db = getDb();
  await db.open();
  const createdAt = new Date().toISOString();
  const worker = await withStallProbe(() => runBackup({ dbName: db.name, schema: 'current', createdAt }));
  const bytes = worker.value.data.length;
  if (!baseline) return { workerMs: worker.ms, workerStall: worker.stall, bytes };
  const main = await withStallProbe(async () => {
    const text = serializeBackup(createBackup(await snapshotTables(db), SCHEMA_VERSION, new Date(createdAt)));
    return new TextEncoder().encode(text);
  });
  const a = worker.value.data;
  const b = main.value;
  if (a.length !== b.length || a.some((byte, i) => byte !== b[i])) throw new Error('worker backup bytes differ from serializeBackup');
  return { workerMs: worker.ms, workerStall: worker.stall, mainMs: main.ms, mainStall: main.stall, bytes };
}
