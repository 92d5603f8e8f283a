import { bytesSource } from '../../../shared/backup/chunks';
// Backup scenarios: the app's backup (worker, chunked) against the former one on the page's thread
// (one read of every table, one JSON string, one encode), both on the app's loaded database; and
// the restore (read line by line, one transaction) against the former one (JSON.parse of the file).
import { snapshotTables } from '../../../renderer/db/backup/backup';
import { openBackupSource, restoreBackup } from '../../../renderer/db/backup/restore';
import { backupToBytes } from '../../../renderer/db/backup/client';
import { getDb } from '../../../renderer/db/core/db';
import { SCHEMA_VERSION } from '../../../renderer/db/core/migrations';
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
  const worker = await withStallProbe(() => backupToBytes({ dbName: db.name, schema: 'current', createdAt }));
  const bytes = worker.value.data.length;
  if (!baseline) return { workerMs: worker.ms, workerStall: worker.stall, bytes };
  const main = await withStallProbe(async () => {
    const text = serializeBackup(createBackup(await snapshotTables(db), SCHEMA_VERSION, new Date(createdAt)));
    return new TextEncoder().encode(text);
  });
  // Same document (the worker lays it out one row per line and leaves derived fields out).
  const parsed = JSON.parse(new TextDecoder().decode(worker.value.data)) as { tables: Record<string, unknown[]> };
  const former = JSON.parse(new TextDecoder().decode(main.value)) as { tables: Record<string, unknown[]> };
  for (const [table, rows] of Object.entries(former.tables)) {
    if (parsed.tables[table]?.length !== rows.length) throw new Error(`worker backup differs from serializeBackup in ${table}`);
  }
  return { workerMs: worker.ms, workerStall: worker.stall, mainMs: main.ms, mainStall: main.stall, bytes };
}

export type RestoreBenchResult = { ms: number; stall: number; checkMs?: number; bytes: number };

/**
 * Restores the app's own backup into the loaded database (so it ends as it began). `app`: the app's
 * restore (check pass, then one transaction fed line by line). `former`: the restore as it was (the
 * file decoded to one string, JSON.parse, then clear + bulkPut per table in one transaction).
 */
export async function restoreBench(mode: 'app' | 'former'): Promise<RestoreBenchResult> {
  const db = getDb();
  await db.open();
  let bytes: Uint8Array | undefined = (await backupToBytes({ dbName: db.name, schema: 'current', createdAt: new Date().toISOString() })).data;
  const size = bytes.length;
  if (mode === 'app') {
    const t0 = performance.now();
    const restored = await withStallProbe(async () => {
      const checked = await openBackupSource(bytesSource(bytes!), db, undefined);
      if (!checked.ok) throw new Error(`restore bench: ${JSON.stringify(checked)}`);
      const checkMs = performance.now() - t0;
      await restoreBackup(checked, { backupFirst: false }, db, {} as never);
      return checkMs;
    });
    return { ms: restored.ms, stall: restored.stall, checkMs: restored.value, bytes: size };
  }
  const former = await withStallProbe(async () => {
    const backup = JSON.parse(new TextDecoder().decode(bytes)) as { tables: Record<string, unknown[]> };
    bytes = undefined;
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        const rows = backup.tables[table.name];
        if (rows?.length) await table.bulkPut(rows);
      }
    });
  });
  return { ms: former.ms, stall: former.stall, bytes: size };
}
