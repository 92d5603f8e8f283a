import { Dexie, type Table } from 'dexie';
import { BACKUP_CHUNK_BYTES } from '../../../shared/bridge/contract';
import type { ByteSource } from '../../../shared/backup/chunks';
import { BackupCryptoError, type BackupCryptoCode } from '../../../shared/backup/encryption';
import { openBackupContent, type BackupContent } from '../../../shared/backup/encrypted-stream';
import type { BackupIssue } from '../../../shared/export/backup';
import { BackupReadError, NEED_BYTES, openBackupReader, type BackupReadOptions } from '../../../shared/export/backup-reader';
import { withoutDerived, type BackupHeader } from '../../../shared/export/backup-writer';
import { getBridge } from '../../bridge';
import { backupPassphrase, takeBackup, type BackupBridge } from './backup';
import { backedUpTables } from './job';
import { eraseContact } from '../accounts/gdpr';
import { getDb, type RapportDb } from '../core/db';
import { hasSyncIdentity, keepSyncBookkeeping, putBackSyncBookkeeping, restoredAsNewEdit } from '../sync/restore';
import { isStorageFull, runWrite } from '../core/write';
import { POSTINGS } from '../history/postings';
import { finishBulkPosting, postInBulk } from '../history/postings-index';
import { SCHEMA_VERSION } from '../core/migrations';

// Restore reads a backup a chunk at a time (from the shell through the bridge, or from a file the
// user opened) and a batch of rows at a time (shared/export/backup-reader.ts): never one string and
// never one buffer of the whole file (~1.3 GB at 100k accounts). Encrypted backups are decrypted
// chunk by chunk (shared/backup/encrypted-stream.ts); plain ones are hashed as they are read and
// checked against the hash they end with (shared/backup/integrity.ts). Two passes over the file: `openBackup…`
// reads every row before anything is touched (the preview's counts, every issue with table, row
// and line), then `restoreBackup` reads it again and writes the rows in ONE transaction: a cut-off
// file, a chunk that fails its check, a duplicate id or a cancel aborts it and the database is
// exactly as before. Inside the transaction nothing but IndexedDB may be awaited (it would
// commit), so each wait for the next chunk goes through Dexie.waitFor, which keeps it alive.

/**
 * A backup read through and found sound: what the preview shows and the restore writes (reading it
 * again). `verified`: its bytes passed a check (GCM tags, or the hash of a plain backup); false for
 * an older plain backup written before backups carried a hash (restorable, with a note).
 */
export type CheckedBackup =
  | { ok: true; content: BackupContent; header: BackupHeader; counts: Record<string, number>; chunkBytes: number; verified: boolean }
  | { ok: false; issues: BackupIssue[] };

export type LoadedBackup =
  | CheckedBackup
  /** Encrypted: no passphrase given, a wrong one, or the file was altered (`params.chunk`: which chunk). */
  | { ok: false; crypto: BackupCryptoCode; params?: Record<string, number> };

/** The user cancelled; nothing was changed. */
export class RestoreCancelled extends Error {
  constructor() {
    super('restore cancelled');
    this.name = 'RestoreCancelled';
  }
}

/** `chunkBytes`: bytes per read (default BACKUP_CHUNK_BYTES; tests pass small ones). */
export type RestoreProgress = { onProgress?: (share: number) => void; signal?: AbortSignal; chunkBytes?: number };

/** Rows per batch of the check pass: a few milliseconds of parsing between two paints. */
const BATCH = 500;
/**
 * Rows per write of the restore pass. Inside the transaction the page awaits only IndexedDB, so the
 * batch size only sets how many round trips the writes take (each bulkAdd, and the contacts the
 * search words read per batch of interactions): fewer, larger ones cost less.
 */
const WRITE_BATCH = 2000;
/** Batches handed to IndexedDB and not yet written, at most: the page parses the next while they are written. */
const WRITES_IN_FLIGHT = 3;
/** Longest stretch of checking before the page gets the thread back. */
const SLICE_MS = 12;
/** Longest wait for one chunk inside the restore transaction before it gives up (and changes nothing). */
const CHUNK_WAIT_MS = 10 * 60_000;

/** This install's tables: each row needs its primary key, and domain rows (tables indexed by `updatedAt`) their `updatedAt`. */
const readOptions = (db: RapportDb): BackupReadOptions => ({
  tables: Object.fromEntries(
    db.tables.map((t) => [t.name, { key: t.schema.primKey.keyPath ?? null, updatedAt: t.schema.idxByName.updatedAt !== undefined }]),
  ),
  maxSchemaVersion: SCHEMA_VERSION,
});

/** Hands the thread back to the page (input, paint) without a timer's 4 ms clamp. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

function refusal(error: unknown): LoadedBackup {
  if (error instanceof BackupReadError) return { ok: false, issues: [error.issue] };
  if (error instanceof BackupCryptoError) return { ok: false, crypto: error.code, ...(Object.keys(error.params).length ? { params: error.params } : {}) };
  throw error;
}

/** A stored backup, read through the shell a chunk at a time. */
export function storedBackupSource(name: string, bridge: Pick<BackupBridge, 'readBackup'> = getBridge()): ByteSource {
  return { read: (offset, length) => bridge.readBackup({ name, offset, length }) };
}

/** Reads every row of a backup and checks it against this install; nothing is written. */
async function checkContent(content: BackupContent, chunkBytes: number, db: RapportDb, progress: RestoreProgress): Promise<LoadedBackup> {
  try {
    const reader = await openBackupReader(content.open(), readOptions(db));
    const counts: Record<string, number> = {};
    let slice = performance.now();
    for (let batch = await reader.next(BATCH); batch; batch = await reader.next(BATCH)) {
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
      if (performance.now() - slice > SLICE_MS) {
        progress.onProgress?.(reader.progress());
        await yieldToPage();
        if (progress.signal?.aborted) throw new RestoreCancelled();
        slice = performance.now();
      }
    }
    return { ok: true, content, chunkBytes, header: reader.header, counts, verified: content.encrypted || reader.integrity() === 'verified' };
  } catch (error) {
    return refusal(error);
  }
}

/** Opens (decrypting when encrypted) and checks a backup from any source; nothing is written. */
export async function openBackupSource(
  source: ByteSource,
  db: RapportDb = getDb(),
  passphrase: string | undefined = backupPassphrase(),
  progress: RestoreProgress = {},
): Promise<LoadedBackup> {
  const chunkBytes = progress.chunkBytes ?? BACKUP_CHUNK_BYTES;
  let content: BackupContent;
  try {
    content = await openBackupContent(source, passphrase, { chunkBytes });
  } catch (error) {
    return refusal(error);
  }
  return checkContent(content, chunkBytes, db, progress);
}

/** Reads, decrypts (when encrypted) and checks a stored backup through the shell, chunk by chunk; nothing is written. */
export async function loadBackup(
  name: string,
  db: RapportDb = getDb(),
  bridge: BackupBridge = getBridge(),
  passphrase: string | undefined = backupPassphrase(),
  progress: RestoreProgress = {},
): Promise<LoadedBackup> {
  return openBackupSource(storedBackupSource(name, bridge), db, passphrase, progress);
}


/**
 * Writes one batch; a second row with the same id fails the add (and so the transaction) with its row
 * named. A Dexie promise, not an async function's: several are in flight and awaited later, and only
 * awaiting Dexie's own promises keeps the transaction's zone (a native one resolved earlier loses it,
 * and the next write would open a transaction of its own).
 */
function addRows(table: Table, rows: unknown[], name: string, first: number): Promise<unknown> {
  return table.bulkAdd(rows).catch((error: unknown) => {
    // A full disk can arrive as a BulkError too: it is no duplicate.
    if (!(error instanceof Dexie.BulkError) || isStorageFull(error)) throw error;
    const [pos] = Object.keys(error.failuresByPos).map(Number).sort((a, b) => a - b);
    const id = (rows[pos ?? 0] as { id?: unknown } | undefined)?.id;
    throw new BackupReadError({ code: 'backup.duplicate_id', table: name, index: first + (pos ?? 0), params: { id: String(id) } });
  });
}

/**
 * Replaces every table with the backup's rows in one transaction: either all of it is restored or
 * nothing changed (a broken row, a cancel or a crash midway leave the database as it was). Derived
 * fields are not taken from the file; the middlewares derive them as the rows are written. A
 * backup of the current state is taken first (unless the caller already has one, e.g. the database
 * is empty after a wipe and there is nothing worth keeping). Throws BackupReadError (`backup.altered`:
 * the file no longer matches its hash), BackupCryptoError (the file changed since the check) or RestoreCancelled.
 */
export async function restoreBackup(
  backup: Extract<CheckedBackup, { ok: true }>,
  options: RestoreProgress & { backupFirst?: boolean; erasedPlaceholder?: string } = {},
  db: RapportDb = getDb(),
  bridge: BackupBridge = getBridge(),
): Promise<void> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new RestoreCancelled();
  if (options.backupFirst ?? true) await takeBackup('pre-restore', db, bridge, undefined, backup.chunkBytes);
  if (signal?.aborted) throw new RestoreCancelled();
  onProgress?.(0.2);
  const reader = await openBackupReader(backup.content.open(), readOptions(db));
  // People erased since the backup was taken stay erased (docs/data-safety.md: a restore re-applies erasures).
  const erased = (await db.contacts.filter((c) => c.erased === true).primaryKeys()) as string[];
  // On a laptop that syncs, the restore becomes its newest edit for the team (db/sync/restore.ts).
  const synced = await hasSyncIdentity(db);
  await runWrite(db.tables, async (tx) => {
    const kept = synced ? await keepSyncBookkeeping(db) : undefined;
    // Derived tables are emptied with the table they derive from (history/postings-index.ts).
    for (const table of backedUpTables(db)) await table.clear();
    // The emptied history is posted in memory as the rows come, not list by list per batch.
    postInBulk(tx);
    // Tables come in the writer's order (contacts before interactions), so an interaction's
    // search words are derived with its people already in place. Only Dexie promises are awaited
    // here: the writes, and each next chunk through Dexie.waitFor.
    // The next batch is parsed while IndexedDB still writes the ones before it (up to WRITES_IN_FLIGHT):
    // waiting for each batch before parsing the next left the page and the database taking turns.
    // Only batches of one table overlap: the middlewares read before they write (an interaction's
    // words read its contacts), so a table is written completely before the next one begins.
    const writing: Promise<unknown>[] = [];
    let writingTable: string | undefined;
    for (;;) {
      const batch = reader.take(WRITE_BATCH);
      if (batch === NEED_BYTES) {
        await Dexie.waitFor(Dexie.ignoreTransaction(() => reader.more()), CHUNK_WAIT_MS);
        continue;
      }
      if (!batch) break;
      if (signal?.aborted) throw new RestoreCancelled();
      if (batch.table !== writingTable) {
        while (writing.length) await writing.shift();
        writingTable = batch.table;
      }
      const written = addRows(db.table(batch.table), batch.rows.map(withoutDerived), batch.table, batch.first);
      // Awaited in order below; a later batch failing first must not count as unhandled meanwhile.
      written.catch(() => undefined);
      writing.push(written);
      if (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
      onProgress?.(0.2 + 0.8 * reader.progress());
    }
    for (const written of writing) await written;
    await finishBulkPosting(tx, db.table(POSTINGS));
    if (kept) await putBackSyncBookkeeping(db, kept);
  }, { label: 'restore' });
  if (synced) await restoredAsNewEdit(db);
  await reapplyErasures(erased, options.erasedPlaceholder, db);
}

/**
 * Erases again whom the backup still holds but this laptop had erased. Its own transactions after the
 * restore (not inside it): written like any local erasure, so sync sends them and scrubs their text.
 */
async function reapplyErasures(ids: string[], placeholder: string | undefined, db: RapportDb): Promise<void> {
  for (const id of ids) {
    const row = await db.contacts.get(id);
    if (row && row.erased !== true) await eraseContact(id, placeholder, db);
  }
}
