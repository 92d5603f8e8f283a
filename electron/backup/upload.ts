import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { moveIntoPlace, type AtomicWriteOptions } from '../fs/atomic-write';

// A backup arrives from the renderer in chunks (shared/bridge/contract.ts). Each upload writes into
// its own dot-named temp file in the backup folder, `.<backup name>.<id>.upload.tmp`; only `commit`
// renames it to the backup's name (after fsync), so a crash, an abort or a closed window midway
// leaves at most a temp file, which no listing counts as a backup and `cleanLeftovers` removes.

/** Temp files in a backup folder: uploads' and writeFileAtomic's (`.rapport-backup-….tmp`). */
const TEMP_NAME = /^\.rapport-backup-.*\.tmp$/;

/** Disk (or quota) full: the caller tells the user to free space. */
export const DISK_FULL_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

/** Something went wrong writing a backup; `file` names the backup, `code` keeps the OS code (ENOSPC…). */
export class BackupFileError extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'BackupFileError';
  }
}

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

type Upload = { name: string; temp: string; handle: FileHandle; written: number; busy: boolean; timer?: NodeJS.Timeout };

/** Uploads into `dir`, the primary backup folder. */
export function createUploads(dir: string, options: UploadOptions = {}): BackupUploads {
  const idleMs = options.idleMs ?? 10 * 60_000;
  const maxBytes = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
  const active = new Map<string, Upload>();
  /** Commits running: their writeFileAtomic temp files must not be taken for leftovers. */
  let committing = 0;

  const get = (id: string): Upload => {
    const upload = active.get(id);
    if (!upload) throw new BackupFileError('', 'ERR_NO_UPLOAD', 'This backup was already finished, aborted or dropped after being idle; start it again.');
    return upload;
  };

  const discard = async (id: string) => {
    const upload = active.get(id);
    if (!upload) return;
    active.delete(id);
    clearTimeout(upload.timer);
    await upload.handle.close().catch(() => undefined);
    await rm(upload.temp, { force: true });
  };

  const touch = (id: string, upload: Upload) => {
    clearTimeout(upload.timer);
    upload.timer = setTimeout(() => void discard(id), idleMs);
    upload.timer.unref?.();
  };

  /** Drops the upload (freeing the disk space) and says what failed, naming the backup. */
  const fail = async (id: string, name: string, error: unknown, what: string): Promise<never> => {
    await discard(id);
    if (error instanceof BackupFileError) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const full = code !== undefined && DISK_FULL_CODES.has(code);
    const reason = full ? `the disk is full (${code})` : (error as Error).message;
    throw new BackupFileError(name, code, `Could not ${what} the backup "${name}" in "${dir}": ${reason}.`, { cause: error });
  };

  return {
    async begin(name) {
      await mkdir(dir, { recursive: true });
      await this.cleanLeftovers();
      const id = randomBytes(16).toString('hex');
      const temp = join(dir, `.${name}.${id}.upload.tmp`);
      const handle = await open(temp, 'wx', 0o644);
      const upload: Upload = { name, temp, handle, written: 0, busy: false };
      active.set(id, upload);
      touch(id, upload);
      return id;
    },

    async append(id, offset, data) {
      const upload = get(id);
      if (upload.busy) throw new BackupFileError(upload.name, 'ERR_CHUNK_ORDER', `A chunk of the backup "${upload.name}" is still being written; chunks go one after another.`);
      if (offset !== upload.written) {
        return fail(id, upload.name, new BackupFileError(upload.name, 'ERR_CHUNK_ORDER', `Chunk of the backup "${upload.name}" at byte ${offset}, expected byte ${upload.written}: a chunk was lost or repeated. The backup was dropped.`), 'write');
      }
      if (offset + data.byteLength > maxBytes) {
        return fail(id, upload.name, new BackupFileError(upload.name, 'ERR_TOO_LARGE', `The backup "${upload.name}" is larger than ${maxBytes} bytes and was dropped.`), 'write');
      }
      upload.busy = true;
      try {
        for (let done = 0; done < data.byteLength; ) {
          const { bytesWritten } = await upload.handle.write(data, done, data.byteLength - done, offset + done);
          done += bytesWritten;
        }
        upload.written += data.byteLength;
        upload.busy = false;
        touch(id, upload);
      } catch (error) {
        return fail(id, upload.name, error, 'write');
      }
    },

    async commit(id, size) {
      const upload = get(id);
      if (upload.busy || size !== upload.written) {
        return fail(id, upload.name, new BackupFileError(upload.name, 'ERR_SIZE_MISMATCH', `The backup "${upload.name}" should have ${size} bytes but ${upload.written} arrived; it was dropped.`), 'finish');
      }
      committing++;
      try {
        clearTimeout(upload.timer);
        await upload.handle.sync();
        await upload.handle.close();
        const target = join(dir, upload.name);
        await moveIntoPlace(upload.temp, target, options.atomic);
        active.delete(id);
        return target;
      } catch (error) {
        return fail(id, upload.name, error, 'finish');
      } finally {
        committing--;
      }
    },

    abort: discard,

    nameOf: (id) => active.get(id)?.name,

    async cleanLeftovers() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const owned = (name: string) => [...active.keys()].some((id) => name.endsWith(`.${id}.upload.tmp`));
      const removed: string[] = [];
      for (const name of names) {
        if (!TEMP_NAME.test(name) || owned(name)) continue;
        // A writeFileAtomic temp may belong to a running commit (the manifest); leave those until it is done.
        if (committing > 0 && !name.endsWith('.upload.tmp')) continue;
        await rm(join(dir, name), { force: true });
        removed.push(name);
      }
      return removed;
    },
  };
}
