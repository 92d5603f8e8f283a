/**
 * The small file interface the engine runs on. Electron implements it with Node fs
 * (electron/sync/node-folder.ts), the browser with the File System Access API, tests with memory.
 * Paths are relative to the sync folder and use `/`.
 */

/** A file found by `list`. */
export type FolderEntry = {
  /** Relative path with `/`, e.g. `segments/alice/00000007-<hash>.seg`. */
  path: string;
  /** Size in bytes as listed (a file still being delivered may grow). */
  size: number;
  /**
   * Last modification (ms since epoch) where the folder knows it: lets a run with nothing new stop
   * after listing even when a file was rewritten in place with the same size (state files).
   */
  modified?: number;
};

export type Folder = {
  /**
   * Every file below `prefix` (recursive; `''` = everything). Implementations skip their own temp
   * files. Throws FolderUnavailableError when the folder itself is missing (unmounted share, USB stick
   * pulled) — which must never be confused with "empty".
   */
  list(prefix: string): Promise<FolderEntry[]>;
  /** Content of a file, or null when it does not exist (any more). */
  read(path: string): Promise<Uint8Array | null>;
  /**
   * Writes a whole file so that readers see either nothing or all of it (temp name, flush, rename).
   * Where rename is impossible the engine still copes: file names carry the content hash and readers
   * skip a file whose hash does not match until it is complete.
   */
  writeAtomic(path: string, bytes: Uint8Array): Promise<void>;
  /** Deletes a file; no error when it is already gone. */
  remove(path: string): Promise<void>;
};

/** The folder itself is not there: the engine must write and delete nothing. */
export class FolderUnavailableError extends Error {
  constructor(
    message: string,
    readonly folderPath?: string,
  ) {
    super(message);
    this.name = 'FolderUnavailableError';
  }
}
