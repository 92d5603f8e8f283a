import { type Bridge, SYNC_FOLDER_UNAVAILABLE } from '../../../shared/bridge/contract';
import { type Folder, FolderUnavailableError } from '../../../shared/sync';

/** Counts folder traffic so the settings can show progress while a run is under way. */
export type FolderTraffic = { read: number; written: number };

/**
 * The engine's Folder over the bridge (Electron: NodeFolder in the main process; browser: File
 * System Access API). The shell's "folder unavailable" error becomes FolderUnavailableError again,
 * so the engine stops without writing or deleting anything.
 */
export function bridgeFolder(bridge: Bridge, onTraffic?: (t: FolderTraffic) => void): Folder {
  const traffic: FolderTraffic = { read: 0, written: 0 };
  const call = async <T>(run: () => Promise<T>, kind?: keyof FolderTraffic): Promise<T> => {
    try {
      const result = await run();
      if (kind) {
        traffic[kind] += 1;
        onTraffic?.({ ...traffic });
      }
      return result;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (message.includes(SYNC_FOLDER_UNAVAILABLE)) throw new FolderUnavailableError(message);
      // IPC keeps only the message ("ERR_SYNC_IO: ENOSPC: …"): restore the file system's code, so the
      // log can say "disk full" or "file locked" in the user's language.
      const code = /ERR_SYNC_IO: ([A-Z_]+):/.exec(message)?.[1];
      if (code && e instanceof Error && !('code' in e)) throw Object.assign(e, { code });
      throw e;
    }
  };
  return {
    list: (prefix) => call(() => bridge.syncList(prefix)),
    read: (path) => call(() => bridge.syncRead(path), 'read'),
    writeAtomic: (path, data) => call(() => bridge.syncWrite({ path, data }), 'written'),
    remove: (path) => call(() => bridge.syncRemove(path)),
  };
}
