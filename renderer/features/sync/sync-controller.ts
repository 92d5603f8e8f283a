/**
 * The app's sync: one engine over the app database and the chosen folder, one run at a time, and the
 * state the settings panel shows. Errors never lose data: the engine stops before writing when the
 * folder is missing, queued changes stay queued until a segment is safely written.
 */
import { create } from 'zustand';
import type { SyncFolderInfo } from '../../../shared/bridge/contract';
import type { SyncStatus } from '../../../shared/sync';
import { getBridge } from '../../bridge';
import type { DbSync } from '../../db/sync-run';
import { appendSyncLog, createAppSync, getSyncLog, getSyncPassphrase, localPendingCount, setSyncPassphrase, type SyncLogEntry } from '../../db/sync-settings';
import { bridgeFolder, type FolderTraffic } from './bridge-folder';

export type SyncState = {
  folder?: SyncFolderInfo;
  /** A passphrase is stored on this laptop. */
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
};

export const useSync = create<SyncState>(() => ({ hasPassphrase: false, running: false, log: [] }));

let engine: { key: string; sync: DbSync } | undefined;
let running: Promise<void> | null = null;

async function current(): Promise<DbSync | undefined> {
  const folder = useSync.getState().folder;
  if (!folder?.path || folder.needsPermission) return undefined;
  const passphrase = await getSyncPassphrase();
  const key = `${folder.path}\u0000${passphrase ?? ''}`;
  if (engine?.key !== key) engine = { key, sync: createAppSync(bridgeFolder(getBridge(), (traffic) => useSync.setState({ traffic })), passphrase) };
  return engine.sync;
}

/** Reads folder, passphrase presence, log and pending count (on mount and after changes). */
export async function refreshSync(): Promise<void> {
  const [folder, passphrase, log, pending] = await Promise.all([getBridge().syncFolderInfo(), getSyncPassphrase(), getSyncLog(), localPendingCount()]);
  useSync.setState({ folder, hasPassphrase: !!passphrase, log, pending });
}

/** One run now (shared with a run already under way); does nothing without a usable folder. */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    try {
      if (!useSync.getState().folder) await refreshSync();
      const sync = await current();
      if (!sync) return;
      useSync.setState({ running: true, traffic: { read: 0, written: 0 }, failure: undefined });
      const status = await sync.sync();
      const log = status.problems.length ? await appendSyncLog(status.problems, Date.now()) : useSync.getState().log;
      useSync.setState({ status, log, pending: await localPendingCount() });
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
  useSync.setState({ folder, status: undefined });
}

/** Stores (or with '' removes) the team passphrase on this laptop; the next run uses it. */
export async function savePassphrase(passphrase: string): Promise<void> {
  await setSyncPassphrase(passphrase || undefined);
  engine = undefined;
  useSync.setState({ hasPassphrase: passphrase !== '' });
}

/** The user accepts a device's far-ahead clock; its held-back files are merged in the next run. */
export async function trustClock(device: string): Promise<void> {
  const sync = await current();
  if (!sync) return;
  await sync.engine.trustFutureClock(device);
  await syncNow();
}
