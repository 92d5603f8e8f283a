/**
 * This laptop's sync preferences and log (kept in `syncMeta`, local to the device). Also the app's
 * single DbSync over the app database; encrypted folders are opened with the kept key (sync/keys.ts).
 */
import type { Folder, SyncProblem } from '../../../shared/sync';
import type { CouchEngineOptions, CouchTransport } from '../../../shared/sync/couch';
import { getDb } from '../core/db';
import { clearSyncConflicts, getSyncConflicts, type SyncConflict } from './conflicts';
import { runWrite } from '../core/write';
import { syncKeyring } from './keys';
import { hasSyncIdentity } from './restore';
import { createCouchDbSync, type CouchDbSync } from './couch-run';
import { createDbSync, type DbSync } from './run';
import { syncMetaOf } from './store';

export { onLocalEdit } from './middleware';
export type { SyncConflict } from './conflicts';

export type SyncPrefs = {
  /** Sync when the app starts. */
  onStart: boolean;
  /** Sync every N minutes; 0 = off. */
  everyMinutes: number;
  /** Sync shortly after local edits (debounced). */
  afterEdits: boolean;
  /** Sync when the window gets the focus back. */
  onFocus: boolean;
};

export const DEFAULT_SYNC_PREFS: SyncPrefs = { onStart: true, everyMinutes: 5, afterEdits: true, onFocus: true };

/** One entry of the problems log. */
export type SyncLogEntry = SyncProblem & { at: number };

/** Where this laptop's team data goes: the shared folder or the team's CouchDB database. */
export type SyncTarget = 'folder' | 'couch';

const PREFS = 'sync.prefs';
const TARGET = 'sync.target';
const LOG = 'sync.log';
const LOG_MAX = 200;

export async function getSyncPrefs(): Promise<SyncPrefs> {
  const row = await syncMetaOf(getDb()).get(PREFS);
  return { ...DEFAULT_SYNC_PREFS, ...((row?.value as Partial<SyncPrefs> | undefined) ?? {}) };
}

export async function setSyncPrefs(prefs: SyncPrefs): Promise<void> {
  const meta = syncMetaOf(getDb());
  await runWrite([meta], () => meta.put({ key: PREFS, value: prefs }), { label: 'settings' });
}

/** The chosen target; 'folder' until the user chooses the server. */
export async function getSyncTarget(): Promise<SyncTarget> {
  return (await syncMetaOf(getDb()).get(TARGET))?.value === 'couch' ? 'couch' : 'folder';
}

export async function setSyncTarget(target: SyncTarget): Promise<void> {
  const meta = syncMetaOf(getDb());
  await runWrite([meta], () => meta.put({ key: TARGET, value: target }), { label: 'settings' });
}

export async function getSyncLog(): Promise<SyncLogEntry[]> {
  return ((await syncMetaOf(getDb()).get(LOG))?.value as SyncLogEntry[] | undefined) ?? [];
}

/** Appends problems (newest first), keeping the last LOG_MAX; repeats of the newest entries are merged by time. */
export async function appendSyncLog(problems: SyncProblem[], at: number): Promise<SyncLogEntry[]> {
  const db = getDb();
  return runWrite([syncMetaOf(db)], async () => {
    const log = ((await syncMetaOf(db).get(LOG))?.value as SyncLogEntry[] | undefined) ?? [];
    const next = [...problems.map((p) => ({ ...p, at })), ...log].slice(0, LOG_MAX);
    await syncMetaOf(db).put({ key: LOG, value: next });
    return next;
  }, { label: 'sync' });
}

export async function clearSyncLog(): Promise<void> {
  const meta = syncMetaOf(getDb());
  await runWrite([meta], () => meta.delete(LOG), { label: 'sync' });
}

/**
 * The app database's sync over a folder (one per folder/passphrase; the controller keeps it). The
 * passphrase is needed only until the folder's key is kept (first run with it); later runs use the key.
 */
export function createAppSync(folder: Folder, passphrase: string | undefined): DbSync {
  return createDbSync(getDb(), folder, passphrase ? { passphrase, keyring: syncKeyring } : { keyring: syncKeyring });
}

/**
 * The app database's sync over the team's CouchDB database (the transport is the bridge's). Like the
 * folder, a passphrase is needed only until the database's key is kept.
 */
export function createAppCouchSync(transport: CouchTransport, passphrase: string | undefined, labels: CouchEngineOptions['labels']): CouchDbSync {
  return createCouchDbSync(getDb(), transport, { keyring: syncKeyring, labels, ...(passphrase ? { passphrase } : {}) });
}

/** Whether this laptop has a sync identity (a restore then reaches the team, db/sync/restore.ts). */
export function isSyncSetUp(): Promise<boolean> {
  return hasSyncIdentity(getDb());
}

/** Concurrent edits the clocks decided (sync/conflicts.ts), newest first. */
export function listSyncConflicts(): Promise<SyncConflict[]> {
  return getSyncConflicts(getDb());
}

export function clearConflicts(): Promise<void> {
  return clearSyncConflicts(getDb());
}

/** Edits not yet written to the folder (queued, or made since the last capture). */
export async function localPendingCount(): Promise<number> {
  const db = getDb();
  let n = await db.table('syncPending').count();
  for (const t of db.tables) if (t.schema.indexes.some((i) => i.name === 'syncDirty')) n += await t.where('syncDirty').equals(1).count();
  return n;
}
