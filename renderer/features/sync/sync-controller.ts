/**
 * The app's sync: one engine over the app database and the chosen folder, one run at a time, and the
 * state the settings panel shows. Errors never lose data: the engine stops before writing when the
 * folder is missing, queued changes stay queued until a segment is safely written.
 */
import { create } from 'zustand';
import type { CouchTargetInfo, SyncFolderInfo } from '../../../shared/bridge/contract';
import { SyncError, type SyncStatus, unlockFolderKey } from '../../../shared/sync';
import { MOVED_MARKER_PATH, type MovedMarker, unlockCouchKey } from '../../../shared/sync/couch';
import { decodeMovedMarker } from '../../../shared/sync/engine-moved';
import { getBridge } from '../../bridge';
import { dropLegacyPassphrase, forgetSyncKeys, hasSyncKey, legacyPassphrase, syncKeyring } from '../../db/sync/keys';
import { appendSyncLog, createAppCouchSync, createAppSync, getSyncLog, getSyncTarget, localPendingCount, setSyncTarget, type SyncLogEntry, type SyncTarget } from '../../db/sync/settings';
import { bridgeCouch, couchLabels } from './bridge-couch';
import { bridgeFolder, type FolderTraffic } from './bridge-folder';
import { replayLateFolder } from './move-controller';

export type SyncState = {
  /** Where this laptop syncs: the folder or the team's CouchDB database (kept in syncMeta). */
  target: SyncTarget;
  folder?: SyncFolderInfo;
  /** The CouchDB server as the shell keeps it (never the password). */
  couch?: CouchTargetInfo;
  /** This laptop can open an encrypted folder (a key is kept, or a passphrase waits for the first run). */
  hasPassphrase: boolean;
  running: boolean;
  /** Files read and written in the run under way. */
  traffic?: FolderTraffic;
  status?: SyncStatus;
  /** Local edits not yet in the folder. */
  pending?: number;
  log: SyncLogEntry[];
  /** Unexpected failure of the last run (a bug or a browser refusal), shown as is. */
  failure?: string;
  /** The folder's "moved to a server" marker as the panel last read it (a folder run's status carries it too). */
  moved?: MovedMarker;
};

export const useSync = create<SyncState>(() => ({ target: 'folder', hasPassphrase: false, running: false, log: [] }));

/** Whether a run can start: a usable folder, or a server (with its password kept, unless it needs no login). */
export function canSync(s: Pick<SyncState, 'target' | 'folder' | 'couch'>): boolean {
  if (s.target === 'couch') return !!s.couch?.url && (s.couch.kept !== 'none' || !s.couch.user);
  return !!s.folder?.path && !s.folder.needsPermission;
}

/** What both engines' app syncs offer the controller (run.ts and couch-run.ts). */
type AppSync = { sync(): Promise<SyncStatus>; engine: { trustFutureClock(device: string): Promise<void> } };

let engine: { key: string; sync: AppSync } | undefined;
let running: Promise<void> | null = null;
/**
 * A passphrase entered for a folder that has no root yet (or none chosen): kept in memory only, until
 * the first run creates the encrypted root and keeps its key. An app restart before that asks again.
 */
let waitingPassphrase: string | undefined;

export async function passphraseForRun(): Promise<string | undefined> {
  return waitingPassphrase ?? (await legacyPassphrase());
}

/** The next run builds its engine anew (target, folder, server or passphrase changed). */
export function resetEngine(): void {
  engine = undefined;
}

async function current(): Promise<AppSync | undefined> {
  const state = useSync.getState();
  if (!canSync(state)) return undefined;
  const passphrase = await passphraseForRun();
  const couch = state.couch;
  if (state.target === 'couch' && couch?.url) {
    const key = `couch\u0000${couch.url}\u0000${couch.user ?? ''}\u0000${passphrase ?? ''}`;
    if (engine?.key !== key) engine = { key, sync: createAppCouchSync(bridgeCouch(getBridge()), passphrase, couchLabels(couch.url, couch.user)) };
    return engine.sync;
  }
  const folder = state.folder;
  if (!folder?.path) return undefined;
  const key = `${folder.path}\u0000${passphrase ?? ''}`;
  if (engine?.key !== key) engine = { key, sync: createAppSync(bridgeFolder(getBridge(), (traffic) => useSync.setState({ traffic })), passphrase) };
  return engine.sync;
}

/** Reads folder, passphrase presence, log and pending count (on mount and after changes). */
export function refreshSync(): Promise<void> {
  return refresh(true);
}

/**
 * The same but leaves the pending count as it is: counting reads every unsynced row's index entry,
 * seconds at 100k, and only the sync panel shows it (it refreshes with the count when it opens).
 */
export function refreshSyncFolder(): Promise<void> {
  return refresh(false);
}

async function refresh(count: boolean): Promise<void> {
  const bridge = getBridge();
  const [target, folder, couch, kept, passphrase, log, pending] = await Promise.all([
    getSyncTarget(), bridge.syncFolderInfo(), bridge.couchTargetInfo(), hasSyncKey(), passphraseForRun(), getSyncLog(), count ? localPendingCount() : undefined,
  ]);
  // The panel (count) also reads the folder's marker: after a move the server runs never look at the folder.
  const moved = count && folder.path && !folder.needsPermission ? await readMovedFolder() : useSync.getState().moved;
  // While a choice is being stored the radio already shows it; the database still holds the old one.
  const shown = choosing ? useSync.getState().target : target;
  if (shown !== useSync.getState().target) engine = undefined;
  useSync.setState({ target: shown, folder, couch, hasPassphrase: kept || !!passphrase, log, moved, ...(pending === undefined ? {} : { pending }) });
}

/** The marker file alone (no listing of the folder); a missing, unreadable or half-written one counts as none. */
async function readMovedFolder(): Promise<MovedMarker | undefined> {
  try {
    const bytes = await getBridge().syncRead(MOVED_MARKER_PATH);
    return (bytes && decodeMovedMarker(bytes)) || undefined;
  } catch {
    return undefined;
  }
}

/** Choices of the target not yet stored; the newest one is what the radio shows. */
let choosing = 0;
let choice = 0;

/**
 * The radio follows the click at once; the choice is stored behind it (a run under way may hold the
 * write a moment). If storing fails the radio goes back to what is stored, and the error is thrown.
 */
export async function chooseTarget(target: SyncTarget): Promise<void> {
  const mine = ++choice;
  const before = useSync.getState().target;
  choosing++;
  engine = undefined;
  useSync.setState({ target, status: undefined });
  try {
    await setSyncTarget(target);
  } catch (e) {
    // Only the newest choice decides what shows; an older one failing changes nothing on screen.
    if (mine === choice) {
      engine = undefined;
      useSync.setState({ target: before === target ? await getSyncTarget() : before });
    }
    throw e;
  } finally {
    choosing--;
  }
  await refreshSync();
}

/** One run now (shared with a run already under way); does nothing without a usable folder. */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    try {
      if (!useSync.getState().folder) await refreshSync();
      const sync = await current();
      if (!sync) return;
      const onFolder = useSync.getState().target === 'folder';
      useSync.setState({ running: true, traffic: onFolder ? { read: 0, written: 0 } : undefined, failure: undefined });
      const status = await sync.sync();
      if (status.ok && status.folderId && (await syncKeyring.get(status.folderId))) {
        // The folder's key is kept now: the passphrase is no longer needed anywhere.
        waitingPassphrase = undefined;
        await dropLegacyPassphrase();
      }
      const log = status.problems.length ? await appendSyncLog(status.problems, Date.now()) : useSync.getState().log;
      useSync.setState({ status, log, pending: await localPendingCount() });
      // After a move, files laptops wrote into the old folder before seeing the marker still reach the server.
      if (!onFolder && status.ok) await replayLateFolder();
    } catch (e) {
      useSync.setState({ failure: e instanceof Error ? e.message : String(e) });
    } finally {
      useSync.setState({ running: false, traffic: undefined });
      running = null;
    }
  })();
  return running;
}

export async function chooseFolder(action: 'choose' | 'grant' | 'clear'): Promise<void> {
  const folder = await getBridge().chooseSyncFolder(action);
  engine = undefined;
  useSync.setState({ folder, status: undefined, moved: undefined });
}

/** What happened to a passphrase entered in the settings. */
export type PassphraseResult = 'unlocked' | 'waiting' | 'wrong' | 'notEncrypted' | 'removed';

/** The server's key document as saveServer already read it (before keeping the server): null = none yet, 'unread' = no answer. */
export type CheckedCouchKey = { opened: { databaseId: string; key: CryptoKey | undefined } | null } | 'unread';

/**
 * Checks the passphrase against the chosen folder (or the kept server's key document) right away and
 * keeps only the unlocked key (see renderer/db/sync/keys.ts); without a root yet it waits in memory
 * for the first run. A wrong one changes nothing. '' forgets every kept key. `checked`: the server's
 * key document was already read and opened (saveServer), so it is not read and unwrapped again.
 */

export async function savePassphrase(passphrase: string, where: SyncTarget = useSync.getState().target, checked?: CheckedCouchKey): Promise<PassphraseResult> {
  engine = undefined;
  if (passphrase === '') {
    waitingPassphrase = undefined;
    await forgetSyncKeys();
    useSync.setState({ hasPassphrase: false });
    return 'removed';
  }
  const { folder, couch } = useSync.getState();
  let result: PassphraseResult = 'waiting';
  try {
    if (where === 'folder' && folder?.path && !folder.needsPermission) {
      const opened = await unlockFolderKey(bridgeFolder(getBridge()), passphrase);
      if (opened?.key) await syncKeyring.save(opened.folderId, opened.key);
      result = !opened ? 'waiting' : opened.key ? 'unlocked' : 'notEncrypted';
    } else if (where === 'couch' && couch?.url && checked !== 'unread') {
      // The server's `rapport:key` document, read the same way: a wrong passphrase is refused here, not in a later run.
      // Already read and checked: not again (a second PBKDF2, and a second answer that could differ).
      const opened = checked ? checked.opened : await unlockCouchKey(bridgeCouch(getBridge()), couchLabels(couch.url, couch.user), passphrase);
      if (opened?.key) await syncKeyring.save(opened.databaseId, opened.key);
      result = !opened ? 'waiting' : opened.key ? 'unlocked' : 'notEncrypted';
    }
  } catch (e) {
    if (e instanceof SyncError && e.code === 'crypto.wrongPassphrase') return 'wrong';
    // The folder or server could not be read now: the passphrase waits for the next run, which reports why.
  }
  waitingPassphrase = result === 'waiting' ? passphrase : undefined;
  if (result === 'unlocked') await dropLegacyPassphrase();
  useSync.setState({ hasPassphrase: result === 'unlocked' || result === 'waiting' || (await hasSyncKey()) });
  return result;
}

/** The user accepts a device's far-ahead clock; its held-back files are merged in the next run. */
export async function trustClock(device: string): Promise<void> {
  const sync = await current();
  if (!sync) return;
  await sync.engine.trustFutureClock(device);
  await syncNow();
}
