/**
 * The follow-up of a move (move.ts) on a migrated laptop: segments written before their laptop noticed
 * the marker arrive late in the folder; they are sent to the server before being applied here.
 */
import { type SyncEngineOptions, SyncEngine, type SyncStatus } from '../engine';
import { readMovedMarker } from '../engine-moved';
import { decodeState, type StateFile } from '../engine-state';
import type { Folder } from '../folder';
import { isStatePath, STATE_DIR } from '../layout';
import type { SyncStore } from '../store';
import type { CouchPusher } from './move';

/**
 * A store for the late replay's folder engine: whatever the folder brings is merged into the server
 * first (per field, so sending more than needed is harmless), then applied here. A failed push throws
 * before anything is applied, so the engine leaves the files unread and the next run tries again. The
 * queue is hidden: the app's queued edits belong to the server, and must never be written into the
 * folder, even should the marker vanish.
 */
export function pushingStore(inner: SyncStore, couch: CouchPusher, onPushed: (n: number) => void = () => undefined): SyncStore {
  return {
    pending: async () => [],
    recordLocal: (changes) => inner.recordLocal(changes),
    dropPending: async () => undefined,
    apply: async (changes) => {
      await couch.pushAll(changes);
      onPushed(changes.length);
      return inner.apply(changes);
    },
    exportAll: () => inner.exportAll(),
    getMeta: (key) => inner.getMeta(key),
    setMeta: (key, value) => inner.setMeta(key, value),
    setMetas: (entries) => inner.setMetas(entries),
  };
}

export type LateReplayResult = {
  /** Field changes from late folder files sent to the server in this run. */
  pushed: number;
  /** The folder run (problems: e.g. `folder.unavailable` once the folder is archived, `couch.unreachable`). */
  status: SyncStatus;
  /**
   * Devices whose state file has not yet acknowledged the marker (those away longer than `expireAfterMs`
   * not counted). Empty: every laptop has seen it, the folder can be archived.
   */
  notYetSeen: string[];
};

export type LateReplay = { run(): Promise<LateReplayResult> };

/**
 * The follow-up on a migrated laptop. `options` are those of its folder engine (folder, store, clock,
 * passphrase or keyring of an encrypted folder); the store's bookkeeping says which files were read.
 * Runs only while the folder holds the marker: a folder that was not moved is left alone.
 */
export function createLateReplay(options: SyncEngineOptions & { couch: CouchPusher }): LateReplay {
  const { couch, ...rest } = options;
  let pushed = 0;
  const engine = new SyncEngine({ ...rest, quickRuns: false, store: pushingStore(rest.store, couch, (n) => (pushed += n)) });
  return {
    async run() {
      pushed = 0;
      let listing;
      try {
        listing = await rest.folder.list('');
      } catch {
        // The archived or unmounted folder: the engine's run reports it without reading anything.
        return { pushed: 0, status: await engine.syncOnce(), notYetSeen: [] };
      }
      const state = await readMovedMarker(rest.folder, listing);
      if (!state || !('marker' in state)) {
        const status: SyncStatus = { ...engine.getStatus(), problems: [] };
        return { pushed: 0, status, notYetSeen: [] };
      }
      const status = await engine.syncOnce();
      return { pushed, status, notYetSeen: status.ok ? await unacknowledged(rest.folder, status) : [] };
    },
  };
}

/** Devices of this folder whose state file does not acknowledge the marker yet. */
async function unacknowledged(folder: Folder, status: SyncStatus): Promise<string[]> {
  const away = new Set(status.devices.filter((d) => d.expired).map((d) => d.device));
  const states: StateFile[] = [];
  for (const entry of await folder.list(`${STATE_DIR}/`)) {
    if (!isStatePath(entry.path)) continue;
    const bytes = await folder.read(entry.path);
    const s = bytes && decodeState(bytes);
    if (s && s.folder === status.folderId) states.push(s);
  }
  const retired = new Set(states.flatMap((s) => s.retired));
  // Conflicted copies of one device's state file: acknowledged when any of them is.
  const seen = new Set(states.filter((s) => s.moved !== undefined).map((s) => s.device));
  const open = states.map((s) => s.device).filter((d) => !seen.has(d) && !retired.has(d) && !away.has(d) && d !== status.deviceId);
  return [...new Set(open)].sort();
}
