/**
 * The sync-folder part of the browser bridge: the user picks a directory (File System Access API);
 * its handle is remembered in IndexedDB and, after a restart, access is re-checked — Chromium asks
 * again only after a click, so the settings show "grant access" until then.
 */
import { type Bridge, SYNC_FOLDER_UNAVAILABLE, type SyncFolderInfo } from '../../shared/bridge/contract';
import { FolderUnavailableError } from '../../shared/sync/folder';
import { type DirHandleLike, FsaFolder } from './fsa-folder';

type Permissioned = DirHandleLike & {
  queryPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<PermissionState>;
};

/** Where the browser keeps the chosen folder's handle across restarts (the app passes its database's store). */
export type HandleStore = {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
};

/** Until the app provides its store, a handle lives as long as the page (tests, early calls). */
export function memoryHandleStore(): HandleStore {
  const values = new Map<string, unknown>();
  return {
    get: async <T,>(key: string) => values.get(key) as T | undefined,
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}

export type FsaSyncDeps = {
  /** Opens the directory picker; undefined when cancelled or unsupported. */
  pick(): Promise<Permissioned | undefined>;
  load(): Promise<Permissioned | undefined>;
  save(handle: Permissioned | undefined): Promise<void>;
};

const KEY = 'syncFolder';

type PickerWindow = { showDirectoryPicker?(o: { id: string; mode: 'readwrite' }): Promise<Permissioned> };

export function defaultFsaDeps(store: HandleStore): FsaSyncDeps {
  return {
    async pick() {
      const w = window as unknown as PickerWindow;
      if (!w.showDirectoryPicker) return undefined;
      try {
        return await w.showDirectoryPicker({ id: 'rapport-sync', mode: 'readwrite' });
      } catch (e) {
        if ((e as { name?: string }).name === 'AbortError') return undefined;
        throw e;
      }
    },
    load: () => store.get<Permissioned>(KEY),
    save: (handle) => (handle ? store.set(KEY, handle) : store.delete(KEY)),
  };
}

type SyncMethods = Pick<Bridge, 'syncFolderInfo' | 'chooseSyncFolder' | 'syncList' | 'syncRead' | 'syncWrite' | 'syncRemove'>;

export function createFsaSyncBridge(deps: FsaSyncDeps, canChoose = typeof window !== 'undefined' && 'showDirectoryPicker' in window): SyncMethods {
  let handle: Permissioned | undefined;
  let loaded = false;
  const current = async () => {
    if (!loaded) {
      handle = await deps.load();
      loaded = true;
    }
    return handle;
  };
  const permitted = async (h: Permissioned) => (h.queryPermission ? (await h.queryPermission({ mode: 'readwrite' })) === 'granted' : true);
  const info = async (): Promise<SyncFolderInfo> => {
    const h = await current();
    if (!h) return { canChoose };
    return (await permitted(h)) ? { path: h.name, canChoose } : { path: h.name, needsPermission: true, canChoose };
  };
  const folder = async () => {
    const h = await current();
    if (!h) throw new Error(`${SYNC_FOLDER_UNAVAILABLE}: no sync folder has been chosen`);
    if (!(await permitted(h))) throw new Error(`${SYNC_FOLDER_UNAVAILABLE}: access to the sync folder must be granted again`);
    return new FsaFolder(h);
  };
  const run = async <T>(fn: (f: FsaFolder) => Promise<T>): Promise<T> => {
    try {
      return await fn(await folder());
    } catch (e) {
      if (e instanceof FolderUnavailableError) throw new Error(`${SYNC_FOLDER_UNAVAILABLE}: ${e.message}`, { cause: e });
      throw e;
    }
  };
  return {
    syncFolderInfo: info,
    async chooseSyncFolder(action) {
      if (action === 'clear') {
        handle = undefined;
        loaded = true;
        await deps.save(undefined);
      } else if (action === 'grant') {
        const h = await current();
        await h?.requestPermission?.({ mode: 'readwrite' });
      } else {
        const picked = await deps.pick();
        if (picked) {
          handle = picked;
          loaded = true;
          await deps.save(picked);
        }
      }
      return info();
    },
    syncList: (prefix) => run((f) => f.list(prefix)),
    syncRead: (path) => run((f) => f.read(path)),
    syncWrite: ({ path, data }) => run((f) => f.writeAtomic(path, data)),
    syncRemove: (path) => run((f) => f.remove(path)),
  };
}
