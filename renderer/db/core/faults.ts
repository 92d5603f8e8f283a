import type { Table } from 'dexie';
import { getDb, type RapportDb } from './db';

/** Thrown by runWrite when the disk (or the browser's quota) is full; nothing of the transaction was stored. */
export class StorageFullError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The storage is full; the change was not saved.', options);
    this.name = 'StorageFullError';
  }
}

/** What went wrong with the database, for the global alert. */
export type DbFault =
  /** A write failed because the disk or quota is full. */
  | { kind: 'storage-full' }
  /** Another window upgraded or deleted the database; this window's connection is closed. */
  | { kind: 'versionchange'; deleted: boolean }
  /** This window waits for an older window to close before it can upgrade. */
  | { kind: 'blocked' };

const listeners = new Set<(fault: DbFault) => void>();

export function onDbFault(listener: (fault: DbFault) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportDbFault(fault: DbFault): void {
  for (const l of listeners) l(fault);
}

/**
 * Whether an error is (or wraps) a quota error. Chromium reports a full disk as an AbortError of
 * the transaction whose `inner`/`cause` is a QuotaExceededError; Dexie may never settle the single
 * request, so the transaction's rejection is where it shows.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: string; message?: string; inner?: unknown; cause?: unknown; failures?: unknown[] };
  if (e.name === 'QuotaExceededError' || e.name === 'StorageFullError') return true;
  if (typeof e.message === 'string' && /QuotaExceeded|quota (has been )?exceeded|disk is full/i.test(e.message)) return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1) || (e.failures ?? []).some((f) => isQuotaError(f, depth + 1));
}

/**
 * Runs `fn` in one read-write transaction. A full disk becomes a StorageFullError (and the global
 * alert); the transaction is rolled back as a whole, so what was saved before stays as it was.
 */
export async function runWrite<T>(tables: (db: RapportDb) => Table[], fn: () => Promise<T>, db: RapportDb = getDb()): Promise<T> {
  try {
    return await db.transaction('rw', tables(db), fn);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    reportDbFault({ kind: 'storage-full' });
    throw new StorageFullError({ cause: error });
  }
}

/**
 * Reacts to other windows: an upgrade or delete elsewhere closes this connection for good (no
 * silent re-open at the old version) and says so; an upgrade blocked by an older window says so
 * instead of waiting silently. Call before the first open.
 */
const watched = new WeakSet<RapportDb>();

export function watchDb(db: RapportDb): void {
  if (watched.has(db)) return;
  watched.add(db);
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    db.close({ disableAutoOpen: true });
    reportDbFault({ kind: 'versionchange', deleted: !event.newVersion });
    return false;
  });
  db.on('blocked', () => reportDbFault({ kind: 'blocked' }));
}
