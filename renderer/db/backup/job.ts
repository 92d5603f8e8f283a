import { Dexie, type IndexableType, type Table } from 'dexie';
import { BACKUP_CHUNK_BYTES } from '../../../shared/bridge/contract';
import { createChunker } from '../../../shared/backup/chunks';
import { createBackupSealer } from '../../../shared/backup/encrypted-stream';
import { createContentHasher, closeWithIntegrity } from '../../../shared/backup/integrity';
import { BACKUP_DERIVED_TABLES, BACKUP_FORMAT, BACKUP_VERSION } from '../../../shared/export/backup';
import { createBackupWriter, type BackupWriter } from '../../../shared/export/backup-writer';
import { openDb } from '../core/db';
import { SCHEMA_VERSION } from '../core/migrations';

// A full backup's bytes: every table read in one read transaction (a consistent snapshot), page by
// page, each page serialised and encoded at once (no string of the whole database, no copy of all
// rows), cut into chunks of BACKUP_CHUNK_BYTES and handed on chunk by chunk (sealed one by one when
// a passphrase is given, shared/backup/encrypted-stream.ts; otherwise hashed as they go and closed
// with the hash, shared/backup/integrity.ts), so the whole file never exists in
// memory: at 100k accounts it is ~1.3 GB. The chunks leave while the read transaction is open;
// anything but IndexedDB awaited there would let it commit, so those waits go through Dexie.waitFor,
// which keeps it alive. Runs in the backup worker (backup/backup.worker.ts, serve.ts); where there are no
// Workers (unit tests under Node) in this thread, through the same protocol (backup/client.ts).

/** One backup to take. Plain data: it crosses to the worker by structured clone. */
export type BackupJobRequest = {
  /** The database to read (the page's, or a test's). */
  dbName: string;
  /** `current`: opened with this app's schema. `stored`: opened as it lies on disk, before a migration. */
  schema: 'current' | 'stored';
  /** ISO instant written as the backup's exportedAt (the manifest uses the same). */
  createdAt: string;
  /** Encrypts with this passphrase; sent per request and never kept by the worker. */
  passphrase?: string;
  /** Bytes per chunk (default BACKUP_CHUNK_BYTES; tests pass small ones). */
  chunkBytes?: number;
};

export type BackupJobResult = {
  /** Rows per table, for the manifest. */
  counts: Record<string, number>;
  /** Schema version of the database read. */
  schemaVersion: number;
  /** Bytes of the file, all chunks together. */
  size: number;
};

/** Told the share of rows written (0 to 1) as the backup goes on. */
export type OnBackupProgress = (share: number) => void;

/**
 * Takes the file's next bytes, handed over for good: the job never reads or writes them again, so the
 * receiver may keep them or transfer them to another thread. A promise holds the backup until it settles.
 */
export type OnBackupChunk = (chunk: Uint8Array) => void | Promise<void>;

/** Longest wait for one chunk to be stored before the backup gives up (the read transaction is held meanwhile). */
const CHUNK_WAIT_MS = 10 * 60_000;

/** Rows per read and per encoded piece: big enough for few IndexedDB round trips, small enough to stay a few MB. */
const PAGE = 2000;

/** The tables a backup holds: all but those derived from others (rebuilt by the middlewares on restore). */
export function backedUpTables(db: Dexie): Table[] {
  return db.tables.filter((t) => !BACKUP_DERIVED_TABLES.includes(t.name));
}

/** Writes one table's rows in primary-key order (the order toArray gives), one page at a time; `onPage` may hold the next read back. */
async function writeTable(table: Table, writer: BackupWriter, onPage: (rows: number) => Promise<void> | undefined): Promise<number> {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string' || keyPath === '' || keyPath.includes('.')) {
    // No simple inline key to continue from (none of Rapport's tables): read it in one go.
    const rows = await table.toArray();
    writer.rows(rows);
    const held = onPage(rows.length);
    if (held) await held;
    return rows.length;
  }
  let count = 0;
  let last: IndexableType | undefined;
  for (;;) {
    const range = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const page = (await range.limit(PAGE).toArray()) as Record<string, IndexableType>[];
    writer.rows(page);
    // Awaited only when there is something to wait for: inside a transaction, awaiting anything but
    // a Dexie promise (even `undefined`) can lose Dexie's transaction zone, and the next reads would
    // then run in transactions of their own (no snapshot any more).
    const held = onPage(page.length);
    if (held) await held;
    count += page.length;
    if (page.length < PAGE) return count;
    last = page[page.length - 1]![keyPath];
  }
}

/** Takes the backup of an open database and hands its bytes to `onChunk`, chunk by chunk, in order. */
export async function writeBackupChunks(
  db: Dexie,
  request: Pick<BackupJobRequest, 'createdAt' | 'passphrase' | 'chunkBytes'>,
  schemaVersion: number,
  onChunk: OnBackupChunk,
  onProgress?: OnBackupProgress,
): Promise<BackupJobResult> {
  // Before the transaction: the key derivation takes a moment on purpose.
  const sealer = request.passphrase ? await createBackupSealer(request.passphrase) : undefined;
  const hasher = sealer ? undefined : createContentHasher();
  const chunkBytes = Math.max(1, request.chunkBytes ?? BACKUP_CHUNK_BYTES);
  const chunker = createChunker(chunkBytes);
  const writer = createBackupWriter({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: request.createdAt, schemaVersion });
  let size = 0;
  const emit = async (data: Uint8Array) => {
    size += data.length;
    await onChunk(data);
  };
  const send = async (chunks: Uint8Array[], last?: Uint8Array) => {
    for (const chunk of chunks) await emit(sealer ? await sealer.seal(chunk, false) : hasher ? await hasher.add(chunk) : chunk);
    if (last) await emit(sealer ? await sealer.seal(last, true) : last);
  };
  // `header` is a copy of the sealer's (which every chunk's associated data is computed from): it is
  // handed over like every chunk, and the backup worker transfers it to the page.
  if (sealer) await emit(sealer.header);
  const counts: Record<string, number> = {};
  const tables = backedUpTables(db);
  await db.transaction('r', db.tables, async () => {
    // Counted in the same snapshot, so the share ends at exactly 1; encryption after it is short.
    const total = onProgress ? (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0) : 0;
    let written = 0;
    const onPage = (rows: number) => {
      written += rows;
      if (total > 0) onProgress?.(written / total);
      for (const piece of writer.drain()) chunker.push(piece);
      const full = chunker.take();
      // Sent outside the transaction's zone (the receiver may use the database itself); waited for inside it.
      return full.length ? Dexie.waitFor(Dexie.ignoreTransaction(() => send(full)), CHUNK_WAIT_MS) : undefined;
    };
    for (const table of tables) {
      writer.table(table.name);
      counts[table.name] = await writeTable(table, writer, onPage);
    }
  });
  chunker.push(writer.finish(!!hasher));
  if (!hasher) await send(chunker.take(), chunker.rest());
  else {
    await send(chunker.take());
    for (const chunk of await closeWithIntegrity(hasher, chunker.rest(), chunkBytes)) await emit(chunk);
  }
  return { counts, schemaVersion, size };
}

/** Opens the database the request names, takes the backup, closes it again. */
export async function runBackupJob(request: BackupJobRequest, onChunk: OnBackupChunk, onProgress?: OnBackupProgress): Promise<BackupJobResult> {
  // `stored`: without a schema Dexie reads the one on disk and upgrades nothing.
  const db = request.schema === 'stored' ? new Dexie(request.dbName) : openDb(request.dbName);
  try {
    await db.open();
    return await writeBackupChunks(db, request, request.schema === 'stored' ? Math.round(db.verno) : SCHEMA_VERSION, onChunk, onProgress);
  } finally {
    // Closed at once: an open connection would hold up a restore or a schema upgrade in the page.
    db.close();
  }
}
