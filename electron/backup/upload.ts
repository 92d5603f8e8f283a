import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AtomicWriteOptions } from '../fs/atomic-write';
import { createChunkedWrites } from '../fs/chunked-file';

// A backup arrives from the renderer in chunks (shared/bridge/contract.ts), written by the chunked
// writer of electron/fs/chunked-file.ts into its own dot-named temp file in the backup folder,
// `.<backup name>.<id>.upload.tmp`; only `commit` renames it to the backup's name (after fsync), so
// a crash, an abort or a closed window midway leaves at most a temp file, which no listing counts
// as a backup and `cleanLeftovers` removes.

/** Temp files in a backup folder: uploads' and writeFileAtomic's (`.rapport-backup-….tmp`). */
const TEMP_NAME = /^\.rapport-backup-.*\.tmp$/;

export { ChunkedFileError as BackupFileError, DISK_FULL_CODES } from '../fs/chunked-file';

export type UploadOptions = {
  /** An upload without a chunk for this long is dropped (the window that sent it is gone); default 10 min. */
  idleMs?: number;
  /** Passed to the final rename (tests simulate locked files). */
  atomic?: AtomicWriteOptions;
  /** Largest backup accepted. */
  maxBytes?: number;
};

export type BackupUploads = {
  /** Opens the temp file for a backup called `name`; returns the upload's id. */
  begin(name: string): Promise<string>;
  /** Writes `data` at `offset`, which must be exactly the bytes written so far. */
  append(id: string, offset: number, data: Uint8Array): Promise<void>;
  /** Checks the size, fsyncs and renames the temp file to the backup's name; returns the backup's path. */
  commit(id: string, size: number): Promise<string>;
  /** Closes and deletes an upload's temp file; unknown ids are ignored. */
  abort(id: string): Promise<void>;
  /** The backup name an upload will get. */
  nameOf(id: string): string | undefined;
  /** Deletes temp files no running upload or write owns; returns their names. */
  cleanLeftovers(): Promise<string[]>;
};

/** Uploads into `dir`, the primary backup folder. */
export function createUploads(dir: string, options: UploadOptions = {}): BackupUploads {
  const writes = createChunkedWrites({ ...options, noun: 'backup' });

  return {
    async begin(name) {
      await mkdir(dir, { recursive: true });
      await this.cleanLeftovers();
      return writes.begin(join(dir, name), (id) => join(dir, `.${name}.${id}.upload.tmp`));
    },
    append: (id, offset, data) => writes.append(id, offset, data),
    commit: (id, size) => writes.commit(id, size),
    abort: (id) => writes.abort(id),
    nameOf: (id) => writes.nameOf(id),

    async cleanLeftovers() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const owned = new Set(writes.temps().map((temp) => basename(temp)));
      const removed: string[] = [];
      for (const name of names) {
        if (!TEMP_NAME.test(name) || owned.has(name)) continue;
        // A writeFileAtomic temp may belong to a running commit (the manifest); leave those until it is done.
        if (writes.committing() && !name.endsWith('.upload.tmp')) continue;
        await rm(join(dir, name), { force: true });
        removed.push(name);
      }
      return removed;
    },
  };
}
