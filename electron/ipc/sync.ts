import { readFile } from 'node:fs/promises';
import { SYNC_FOLDER_UNAVAILABLE, type SyncFolderInfo } from '../../shared/bridge/contract';
import { FolderUnavailableError } from '../../shared/sync/folder';
import { writeFileAtomic } from '../fs/atomic-write';
import { NodeFolder } from '../sync/node-folder';
import { type HandlerMap, ShellError } from './types';

/** Where the chosen sync folder is remembered (the shell's own settings file). */
export type SyncFolderConfig = { get(): Promise<string | undefined>; set(path: string | undefined): Promise<void> };

export type SyncDeps<S> = {
  config: SyncFolderConfig;
  /** Folder dialog attached to the sender's window; undefined when cancelled. */
  chooseFolder(sender: S): Promise<string | undefined>;
  /** The folder implementation (tests inject faults); default NodeFolder. */
  openFolder?: (root: string) => NodeFolder;
};

/** The sync folder path kept in a small JSON file in the app's data folder, written atomically. */
export function fileSyncFolderConfig(file: string): SyncFolderConfig {
  return {
    async get() {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (!text) return undefined;
      try {
        const parsed = JSON.parse(text) as { folder?: unknown };
        return typeof parsed.folder === 'string' && parsed.folder !== '' ? parsed.folder : undefined;
      } catch {
        return undefined;
      }
    },
    set: (folder) => writeFileAtomic(file, JSON.stringify(folder ? { folder } : {})),
  };
}

/**
 * syncFolderInfo, chooseSyncFolder, syncList, syncRead, syncWrite, syncRemove. Every file operation
 * is scoped to the folder the user chose here (the renderer never names an absolute path); paths
 * are checked by the schema and again by NodeFolder, which refuses anything leaving the folder.
 */
export function createSyncHandlers<S>(
  deps: SyncDeps<S>,
): HandlerMap<S, 'syncFolderInfo' | 'chooseSyncFolder' | 'syncList' | 'syncRead' | 'syncWrite' | 'syncRemove'> {
  const open = deps.openFolder ?? ((root: string) => new NodeFolder(root));
  let cached: { root: string; folder: NodeFolder } | undefined;

  const info = async (): Promise<SyncFolderInfo> => {
    const path = await deps.config.get();
    return path ? { path, canChoose: true } : { canChoose: true };
  };

  const withFolder = async <T>(run: (folder: NodeFolder) => Promise<T>): Promise<T> => {
    const root = await deps.config.get();
    if (!root) throw new ShellError(SYNC_FOLDER_UNAVAILABLE, 'No sync folder has been chosen.');
    if (cached?.root !== root) cached = { root, folder: open(root) };
    try {
      return await run(cached.folder);
    } catch (error) {
      if (error instanceof FolderUnavailableError) throw new ShellError(SYNC_FOLDER_UNAVAILABLE, 'The sync folder is not available.');
      if (/invalid sync path/.test((error as Error).message)) throw new ShellError('ERR_INVALID_PATH', (error as Error).message);
      const code = (error as { code?: string }).code;
      throw new ShellError(`ERR_SYNC_IO`, `${code ?? 'error'}: ${(error as Error).message}`);
    }
  };

  return {
    syncFolderInfo: () => info(),
    chooseSyncFolder: async (action, event) => {
      if (action === 'clear') await deps.config.set(undefined);
      else if (action === 'choose') {
        const folder = await deps.chooseFolder(event.sender);
        if (folder) await deps.config.set(folder);
      }
      return info();
    },
    syncList: (prefix) => withFolder((f) => f.list(prefix)),
    syncRead: (path) => withFolder((f) => f.read(path)),
    syncWrite: ({ path, data }) => withFolder((f) => f.writeAtomic(path, data)),
    syncRemove: (path) => withFolder((f) => f.remove(path)),
  };
}
