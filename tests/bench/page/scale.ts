// Bulk paths at full size (BENCH_ONLY=scale): the app's backup, restore and import into the loaded
// database, each against its floor measured in the same run (raw read, JSON.parse + raw put, papaparse +
// raw put). The import into an empty base and the sync merge reuse import-export.ts and sync.ts.
import { bytesSource } from '../../../shared/backup/chunks';
import { planImport } from '../../../shared/import/duplicates';
import { backupToBytes } from '../../../renderer/db/backup/client';
import { openBackupSource, restoreBackup } from '../../../renderer/db/backup/restore';
import { getDb, openDb } from '../../../renderer/db/core/db';
import { applyImport, loadExistingIndex } from '../../../renderer/db/transfer/import';
import { buildInChunks, readSource } from '../../../renderer/features/import-export/pipeline';
import { ieCsv } from './import-export';
import { deleteDb, openPlainDb } from './raw-idb';

const gc = () => (window as unknown as { gc?: () => void }).gc?.();

/** Rows per raw transaction and per raw read in the floors. */
const BATCH = 20_000;

/** Reads every row of `store` in key order, BATCH at a time (getAll over key ranges), and drops them. */
function readStore(db: IDBDatabase, store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const step = (after: IDBValidKey | undefined) => {
      const os = db.transaction(store, 'readonly').objectStore(store);
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const keys = os.getAllKeys(range, BATCH);
      const rows = os.getAll(range, BATCH);
      rows.onsuccess = () => {
        count += rows.result.length;
        const last = (keys.result as IDBValidKey[]).at(-1);
        if (rows.result.length < BATCH || last === undefined) resolve(count);
        else step(last);
      };
      rows.onerror = () => reject(rows.error);
    };
    step(undefined);
  });
}

/** Raw puts of `rows` into `store`, one strict transaction. */
function putRows(db: IDBDatabase, store: string, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
    const os = tx.objectStore(store);
    for (const r of rows) os.put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

let backup: Uint8Array | undefined;

/** The app's backup (worker, chunked) of the loaded database, against a raw read of every table it holds. */
export async function scaleBackup(): Promise<{ ms: number; floorMs: number; bytes: number; rows: number }> {
  const db = getDb();
  await db.open();
  gc();
  const t0 = performance.now();
  backup = (await backupToBytes({ dbName: db.name, schema: 'current', createdAt: new Date().toISOString() })).data;
  const ms = performance.now() - t0;
  const names = db.tables.map((t) => t.name);
  db.close();
  gc();
  const raw = await openPlainDb(db.name);
  const t1 = performance.now();
  let rows = 0;
  for (const name of names) rows += await readStore(raw, name);
  const floorMs = performance.now() - t1;
  raw.close();
  return { ms, floorMs, bytes: backup.length, rows };
}

/** The rows of a backup file, read line by line (JSON.parse of each row), per table: the floor's parse. */
function* backupRows(bytes: Uint8Array): Generator<[string, unknown]> {
  const dec = new TextDecoder();
  let table = '';
  let at = 0;
  while (at < bytes.length) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    const line = dec.decode(bytes.subarray(at, end));
    at = end + 1;
    const head = /^"([A-Za-z]+)":\[$/.exec(line);
    if (head) table = head[1]!;
    else if (line.startsWith('{"') && table && !line.startsWith('{"format"')) yield [table, JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as unknown];
  }
}

/**
 * The app's restore of the backup scaleBackup made (check pass, then the restore into the loaded
 * database, so it ends as it began), against JSON.parse of every row line + raw put of the rows into a
 * plain database with the app's stores, BATCH rows a transaction.
 */
export async function scaleRestore(): Promise<{ ms: number; checkMs: number; floorMs: number; bytes: number; rows: number }> {
  if (!backup) throw new Error('scaleRestore needs scaleBackup first');
  const bytes = backup;
  const db = getDb();
  await db.open();
  gc();
  const t0 = performance.now();
  const checked = await openBackupSource(bytesSource(bytes), db, undefined);
  if (!checked.ok) throw new Error(`restore: ${JSON.stringify(checked)}`);
  const checkMs = performance.now() - t0;
  await restoreBackup(checked, { backupFirst: false }, db, {} as never);
  const ms = performance.now() - t0;
  db.close();
  const name = 'bench-raw-restore';
  await deleteDb(name);
  const schema = openDb(name);
  await schema.open();
  schema.close();
  const raw = await openPlainDb(name);
  gc();
  const t1 = performance.now();
  let rows = 0;
  let batch: unknown[] = [];
  let current = '';
  for (const [table, row] of backupRows(bytes)) {
    if (table !== current || batch.length === BATCH) {
      if (batch.length) await putRows(raw, current, batch);
      batch = [];
      current = table;
    }
    batch.push(row);
    rows++;
  }
  if (batch.length) await putRows(raw, current, batch);
  const floorMs = performance.now() - t1;
  raw.close();
  await deleteDb(name);
  backup = undefined;
  return { ms, checkMs, floorMs, bytes: bytes.length, rows };
}

/**
 * The app's import of the CSV made by ieMakeCsv into the loaded database (its duplicate check reads
 * the accounts the file can match, through the `matchKeys` index): decode, parse, build, plan, write. Its floor is ieImportRaw (papaparse + raw put
 * into an empty plain database with the app's indexes).
 */
export async function scaleImportFull(): Promise<{ total: number; plan: number; write: number; created: number }> {
  const db = getDb();
  await db.open();
  gc();
  const t0 = performance.now();
  const source = await readSource({ name: 'bench.csv', data: ieCsv() });
  const built = await buildInChunks(source, source.mapping, { locale: 'de' });
  const t1 = performance.now();
  const plan = planImport(built.records, await loadExistingIndex(built.records), 'skip');
  const t2 = performance.now();
  await applyImport(plan, { fileName: 'bench.csv', ownerId: 'bench' });
  const t3 = performance.now();
  return { total: t3 - t0, plan: t2 - t1, write: t3 - t2, created: plan.toCreate.length };
}
