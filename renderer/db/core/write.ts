import { Dexie, type DBCore, type Middleware, type Table, type Transaction } from 'dexie';
import { getDb, type RapportDb } from './db';
import { reportDbFault } from './faults';

/**
 * What a write saves, for the message when it fails ("Storage full — the contact was not saved"; the
 * UI translates it under `common:write.what.*`) and, later, for an undo journal's entry.
 */
export const WRITE_LABELS = [
  'account', 'contact', 'interaction', 'appointment', 'deal', 'sale', 'plan', 'reminder', 'settings', 'team', 'view',
  'draft', 'import', 'merge', 'restore', 'demo', 'sync', 'erase', 'index',
] as const;
export type WriteLabel = (typeof WRITE_LABELS)[number];

/** Thrown by runWrite when the disk (or the browser's quota) is full; nothing of the transaction was stored. */
export class StorageFullError extends Error {
  /** What was being saved, when the caller said so. */
  readonly label: WriteLabel | undefined;
  constructor(options?: { cause?: unknown; label?: WriteLabel | undefined }) {
    super('The storage is full; the change was not saved.', { cause: options?.cause });
    this.name = 'StorageFullError';
    this.label = options?.label;
  }
}

/**
 * Thrown by runWrite when the browser closed the database under the app (after a disk error Chromium
 * closes the origin's store: "Internal error opening backing store", "Connection is closing"). Nothing
 * of the transaction was stored; writes work again after a reload.
 */
export class DatabaseLostError extends Error {
  /** What was being saved, when the caller said so. */
  readonly label: WriteLabel | undefined;
  constructor(options?: { cause?: unknown; label?: WriteLabel | undefined }) {
    super('The database was closed by the browser; the change was not saved.', { cause: options?.cause });
    this.name = 'DatabaseLostError';
    this.label = options?.label;
  }
}

const LOST_MESSAGE = /Internal error opening backing store|Connection is closing/i;

// The names a full disk or quota arrives under: the standard one, the legacy constant, Firefox's.
const QUOTA_NAMES = new Set(['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 'NS_ERROR_DOM_QUOTA_REACHED', 'StorageFullError']);
// Chromium reports a full disk during commit as one of these, with an IO message (LevelDB's "IO error").
const IO_NAMES = new Set(['AbortError', 'DataError', 'UnknownError', 'Error']);
const QUOTA_MESSAGE = /QuotaExceeded|quota (has been )?exceeded|disk (is )?full/i;
const IO_MESSAGE = /IOError|IO error|Failed to write blobs|disk (is )?full|no space left|ENOSPC|FILE_ERROR_NO_SPACE/i;

type Wrapped = { name?: unknown; message?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; failuresByPos?: unknown };

/**
 * The error in `error`'s chain (itself, Dexie's `inner`, a `cause`, a BulkError's failures) that
 * says the storage is full, or undefined. Chromium reports a full disk as an AbortError of the
 * transaction whose `inner` is a QuotaExceededError, or as an Abort/Data/UnknownError saying "IO error".
 */
export function storageFullCause(error: unknown, depth = 0): object | undefined {
  if (!error || typeof error !== 'object' || depth > 6) return undefined;
  const e = error as Wrapped;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (QUOTA_NAMES.has(name) || e.code === 22 || QUOTA_MESSAGE.test(message)) return error;
  if (IO_NAMES.has(name) && IO_MESSAGE.test(message)) return error;
  const failures = [
    ...(Array.isArray(e.failures) ? e.failures : []),
    ...(e.failuresByPos && typeof e.failuresByPos === 'object' ? Object.values(e.failuresByPos) : []),
  ];
  for (const next of [e.inner, e.cause, ...failures]) {
    const found = storageFullCause(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The error in `error`'s chain that says the browser closed the database for good (see DatabaseLostError). */
export function databaseLostCause(error: unknown, depth = 0): object | undefined {
  if (!error || typeof error !== 'object' || depth > 6) return undefined;
  const e = error as Wrapped;
  if (e instanceof DatabaseLostError || (typeof e.message === 'string' && LOST_MESSAGE.test(e.message))) return error;
  for (const next of [e.inner, e.cause]) {
    const found = databaseLostCause(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Whether an error is (or wraps) a full disk or quota, in any of the forms above. */
export function isStorageFull(error: unknown): boolean {
  return storageFullCause(error) !== undefined;
}

// Errors already turned into the alert: nested writes and the unhandled-rejection logger see the
// same failure again and must not raise it twice.
const reported = new WeakSet<object>();
// Databases whose last settled write failed for want of space; the next successful top-level write
// says space is back, so the app-wide alert does not outlive the problem.
const spaceShort = new WeakSet<Dexie>();

/**
 * `error` as a StorageFullError when it is one in any form, else undefined; raises the app-wide
 * storage-full alert the first time this failure is seen (exactly once per failure).
 */
export function asStorageFull(error: unknown, label?: WriteLabel): StorageFullError | undefined {
  const cause = storageFullCause(error);
  if (!cause) return undefined;
  const typed = error instanceof StorageFullError ? error : new StorageFullError({ cause: error, label });
  return reportOnce(typed, cause, error, 'storage-full');
}

/**
 * `error` as a DatabaseLostError when the browser closed the database, else undefined; raises the
 * app-wide "reload" alert once per failure.
 */
export function asDatabaseLost(error: unknown, label?: WriteLabel): DatabaseLostError | undefined {
  const cause = databaseLostCause(error);
  if (!cause) return undefined;
  const typed = error instanceof DatabaseLostError ? error : new DatabaseLostError({ cause: error, label });
  return reportOnce(typed, cause, error, 'lost');
}

/**
 * Raises the app-wide alert for one failure once, however many layers rethrow it: the cause, the
 * typed error and the error as caught are all remembered.
 */
function reportOnce<E extends object>(typed: E, cause: object, error: unknown, kind: 'storage-full' | 'lost'): E {
  if (!reported.has(cause) && !reported.has(typed)) reportDbFault({ kind });
  reported.add(cause);
  reported.add(typed);
  if (error && typeof error === 'object') reported.add(error);
  return typed;
}

/** A committed top-level write: what it saved and which tables it covered. */
export type CommittedWrite = { label: WriteLabel | undefined; tables: readonly string[] };

const committedListeners = new Set<(write: CommittedWrite) => void>();

/**
 * Calls `listener` after every committed top-level write (not nested ones: their parent reports).
 * The call is synchronous and must stay cheap (a set lookup, a timer): it runs on every save. Used to
 * run automation rules on the write that triggers them. Returns the unsubscribe function.
 */
export function onWriteCommitted(listener: (write: CommittedWrite) => void): () => void {
  committedListeners.add(listener);
  return () => committedListeners.delete(listener);
}

function reportCommitted(write: CommittedWrite): void {
  for (const listener of committedListeners) {
    try {
      listener(write);
    } catch {
      // A listener's failure must not turn a saved write into a failed one.
    }
  }
}

/** How runWrite is called: the database (default: the app's) and what is being saved. */
export type WriteOptions = { db?: Dexie; label?: WriteLabel };

/** The tables of one write, given directly or picked from the app's database (or options.db). */
export type WriteTables = Table[] | ((db: RapportDb) => Table[]);

// Transactions the write path opened (Dexie's top-level transaction object; a nested write shares its parent's).
const opened = new WeakSet<object>();

/**
 * Every read-write transaction of the app goes through here: `fn` runs in one rw transaction over
 * `tables`; a full disk (any form) becomes a StorageFullError and the app-wide alert; the
 * transaction rolls back as a whole, so what was saved before stays as it was. Inside an open rw
 * transaction that covers `tables`, Dexie runs `fn` in it (the outermost write maps the error once).
 * This is the single place an undo journal can attach later (it gets `label`).
 */
export async function runWrite<T>(
  tables: WriteTables,
  fn: (tx: Transaction) => Promise<T> | T,
  options: WriteOptions | Dexie = {},
): Promise<T> {
  const { db: given, label } = options instanceof Dexie ? { db: options, label: undefined } : options;
  const list = typeof tables === 'function' ? tables((given ?? getDb()) as RapportDb) : tables;
  const db = given ?? list[0]?.db ?? getDb();
  let idbtrans: IDBTransaction | undefined;
  try {
    // An async scope function: Dexie then keeps its zone across native awaits in `fn` (it checks
    // the function's kind, so a plain wrapper would commit a transaction that awaits async helpers).
    const nested = Dexie.currentTransaction !== null && Dexie.currentTransaction !== undefined;
    const result = await db.transaction('rw', list, async (tx) => {
      idbtrans = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans;
      opened.add(idbtrans);
      return await fn(tx);
    });
    // A draft is a few bytes: that it fits says little, so only a real save lifts the notice.
    if (!nested && label !== 'draft' && spaceShort.delete(db)) reportDbFault({ kind: 'storage-recovered' });
    if (!nested && committedListeners.size > 0) reportCommitted({ label, tables: list.map((t) => t.name) });
    return result;
  } catch (error) {
    // A real full disk fails the commit: the request only says "AbortError: The transaction was
    // aborted", and the cause ("UnknownError … IO error … FILE_ERROR_NO_SPACE") is on the transaction.
    const full = asStorageFull(error, label) ?? (storageFullCause(idbtrans?.error) ? asStorageFull(idbtrans?.error, label) : undefined);
    if (full) spaceShort.add(db);
    throw full ?? asDatabaseLost(error, label) ?? error;
  }
}

let strict = false;

/** Tests only: make a mutation outside runWrite (and outside a schema upgrade) throw. */
export function setStrictWrites(on: boolean): void {
  strict = on;
}

/**
 * Watches that every mutation runs in a transaction runWrite opened. It sits on top of the stack,
 * where the transaction object is the one runWrite saw; it only checks when a test asked for it.
 */
export const writeGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'writeGuard',
  level: 1000,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: (req) => {
          const trans = req.trans as unknown as { mode?: string };
          if (strict && trans.mode !== 'versionchange' && !opened.has(req.trans)) {
            return Promise.reject(new Error(`A ${req.type} on ${name} ran outside the write path (runWrite).`));
          }
          return table.mutate(req);
        },
      };
    },
  }),
};
