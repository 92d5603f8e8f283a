import { Dexie, type Table } from 'dexie';
import type { Bridge } from '../../shared/bridge/contract';
import { BackupCryptoError, decryptBackupBytes, isEncryptedBackup } from '../../shared/backup/encryption';
import type { BackupIssue } from '../../shared/export/backup';
import { BackupReadError, openBackupReader, type BackupReadOptions } from '../../shared/export/backup-reader';
import { withoutDerived, type BackupHeader } from '../../shared/export/backup-writer';
import { getBridge } from '../bridge';
import { backupPassphrase, takeBackup } from './backup';
import { backedUpTables } from './backup-job';
import { getDb, type RapportDb } from './db';
import { SCHEMA_VERSION } from './migrations';

// Restore reads the backup's bytes a batch of rows at a time (shared/export/backup-reader.ts), never
// as one string, so a backup of any size the writer wrote can be restored. Two passes over the bytes:
// `checkBackupBytes` reads every row before anything is touched (the preview's counts, every issue
// with table, row and line), then `restoreBackup` writes them in ONE transaction: a cut-off file, a
// duplicate id or a cancel aborts it and the database is exactly as before. The bytes are held as
// bytes (an ArrayBuffer has no 512 MB limit); rows exist only one batch at a time. Inside the
// transaction nothing but IndexedDB may be awaited (the transaction would commit), so the rows are
// cut from the bytes synchronously; each batch's write is awaited, which lets the page paint.

type BackupBridge = Pick<Bridge, 'backupStatus' | 'writeBackup' | 'readBackup'>;

/** A backup read through and found sound: what the preview shows and the restore writes. */
export type CheckedBackup = { ok: true; bytes: Uint8Array; header: BackupHeader; counts: Record<string, number> } | { ok: false; issues: BackupIssue[] };

export type LoadedBackup =
  | CheckedBackup
  /** Encrypted: no passphrase given, a wrong one, or the file was altered. */
  | { ok: false; crypto: BackupCryptoError['code'] | 'backup.crypto.passphraseRequired' };

/** The user cancelled; nothing was changed. */
export class RestoreCancelled extends Error {
  constructor() {
    super('restore cancelled');
    this.name = 'RestoreCancelled';
  }
}

export type RestoreProgress = { onProgress?: (share: number) => void; signal?: AbortSignal };

/** Rows per batch: a few milliseconds of parsing and writing between two paints. */
const BATCH = 500;
/** Longest stretch of checking before the page gets the thread back. */
const SLICE_MS = 12;

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

function issuesOf(error: unknown): BackupIssue[] {
  if (error instanceof BackupReadError) return [error.issue];
  throw error;
}

/** Reads every row of a backup (a stored one or an opened file) and checks it against this install; nothing is written. */
export async function checkBackupBytes(bytes: Uint8Array, db: RapportDb = getDb(), progress: RestoreProgress = {}): Promise<CheckedBackup> {
  try {
    const reader = openBackupReader(bytes, readOptions(db));
    const counts: Record<string, number> = {};
    let slice = performance.now();
    for (let batch = reader.next(BATCH); batch; batch = reader.next(BATCH)) {
      counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length;
      if (performance.now() - slice > SLICE_MS) {
        progress.onProgress?.(reader.progress());
        await yieldToPage();
        if (progress.signal?.aborted) throw new RestoreCancelled();
        slice = performance.now();
      }
    }
    return { ok: true, bytes, header: reader.header, counts };
  } catch (error) {
    return { ok: false, issues: issuesOf(error) };
  }
}

/** Reads, decrypts (when encrypted) and checks a stored backup; nothing is written. */
export async function loadBackup(
  name: string,
  db: RapportDb = getDb(),
  bridge: BackupBridge = getBridge(),
  passphrase: string | undefined = backupPassphrase(),
  progress: RestoreProgress = {},
): Promise<LoadedBackup> {
  return openBackupBytes(await bridge.readBackup(name), db, passphrase, progress);
}

/** Decrypts (when encrypted) and checks a backup's bytes, from the backup folder or a file the user opened; nothing is written. */
export async function openBackupBytes(
  bytes: Uint8Array,
  db: RapportDb = getDb(),
  passphrase: string | undefined = backupPassphrase(),
  progress: RestoreProgress = {},
): Promise<LoadedBackup> {
  if (!isEncryptedBackup(bytes)) return checkBackupBytes(bytes, db, progress);
  if (!passphrase) return { ok: false, crypto: 'backup.crypto.passphraseRequired' };
  let plain: Uint8Array;
  try {
    plain = await decryptBackupBytes(bytes, passphrase);
  } catch (error) {
    if (error instanceof BackupCryptoError) return { ok: false, crypto: error.code };
    throw error;
  }
  return checkBackupBytes(plain, db, progress);
}

/** Writes one batch; a second row with the same id fails the add (and so the transaction) with its row named. */
async function addRows(table: Table, rows: unknown[], name: string, first: number): Promise<void> {
  try {
    await table.bulkAdd(rows);
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const [pos] = Object.keys(error.failuresByPos).map(Number).sort((a, b) => a - b);
    const id = (rows[pos ?? 0] as { id?: unknown } | undefined)?.id;
    throw new BackupReadError({ code: 'backup.duplicate_id', table: name, index: first + (pos ?? 0), params: { id: String(id) } });
  }
}

/**
 * Replaces every table with the backup's rows in one transaction: either all of it is restored or
 * nothing changed (a broken row, a cancel or a crash midway leave the database as it was). Derived
 * fields are not taken from the file; the middlewares derive them as the rows are written. A
 * backup of the current state is taken first (unless the caller already has one, e.g. the database
 * is empty after a wipe and there is nothing worth keeping). Throws BackupReadError or RestoreCancelled.
 */
export async function restoreBackup(
  backup: Extract<CheckedBackup, { ok: true }>,
  options: RestoreProgress & { backupFirst?: boolean } = {},
  db: RapportDb = getDb(),
  bridge: BackupBridge = getBridge(),
): Promise<void> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new RestoreCancelled();
  if (options.backupFirst ?? true) await takeBackup('pre-restore', db, bridge);
  if (signal?.aborted) throw new RestoreCancelled();
  onProgress?.(0.2);
  const reader = openBackupReader(backup.bytes, readOptions(db));
  await db.transaction('rw', db.tables, async () => {
    // Derived tables are emptied with the table they derive from (history-postings-index.ts).
    for (const table of backedUpTables(db)) await table.clear();
    // Tables come in the writer's order (contacts before interactions), so an interaction's
    // search words are derived with its people already in place.
    for (let batch = reader.next(BATCH); batch; batch = reader.next(BATCH)) {
      if (signal?.aborted) throw new RestoreCancelled();
      await addRows(db.table(batch.table), batch.rows.map(withoutDerived), batch.table, batch.first);
      onProgress?.(0.2 + 0.8 * reader.progress());
    }
  });
}
