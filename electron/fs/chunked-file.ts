import { randomBytes } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { moveIntoPlace, type AtomicWriteOptions } from './atomic-write';

// A file that arrives from the renderer in chunks (a stored backup, or a big export saved where the
// user chose) is written into a temp file beside its target; only `commit` renames it over the
// target, after fsync. A crash, an abort or a closed window midway leaves at most the temp file (a
// dot-named `.tmp`, which listings skip); the target keeps whatever it held before. Chunks must come
// in order (each at the bytes written so far), so a lost or repeated one is noticed, not written.

/** Disk (or quota) full: the caller tells the user to free space. */
export const DISK_FULL_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

/** Something went wrong writing a chunked file; `file` names it, `code` keeps the OS code (ENOSPC…). */
export class ChunkedFileError extends Error {
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ChunkedFileError';
  }
}

export type ChunkedWriteOptions = {
  /** What the files are in messages ("backup", "file"). */
  noun: string;
  /** A write without a chunk for this long is dropped (the window that sent it is gone); default 10 min. */
  idleMs?: number;
  /** Passed to the final rename (tests simulate locked files). */
  atomic?: AtomicWriteOptions;
  /** Largest file accepted. */
  maxBytes?: number;
};

export type ChunkedWrites = {
  /** Opens `tempFor(id)` (beside `target`) for a new write; returns its id (32 hex digits). */
  begin(target: string, tempFor: (id: string) => string): Promise<string>;
  /** Writes `data` at `offset`, which must be exactly the bytes written so far. */
  append(id: string, offset: number, data: Uint8Array): Promise<void>;
  /** Checks the size, fsyncs and renames the temp file over the target; returns the target. */
  commit(id: string, size: number): Promise<string>;
  /** Closes and deletes a write's temp file; unknown ids are ignored. */
  abort(id: string): Promise<void>;
  /** The file name (no folder) a write will get. */
  nameOf(id: string): string | undefined;
  /** Temp files of running writes (paths). */
  temps(): string[];
  /** Whether a commit is renaming right now. */
  committing(): boolean;
};

type Write = { target: string; temp: string; handle: FileHandle; written: number; busy: boolean; timer?: NodeJS.Timeout };

export function createChunkedWrites(options: ChunkedWriteOptions): ChunkedWrites {
  const { noun } = options;
  const idleMs = options.idleMs ?? 10 * 60_000;
  const maxBytes = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
  const active = new Map<string, Write>();
  let committing = 0;

  const get = (id: string): Write => {
    const write = active.get(id);
    if (!write) throw new ChunkedFileError('', 'ERR_NO_UPLOAD', `This ${noun} was already finished, aborted or dropped after being idle; start it again.`);
    return write;
  };

  const discard = async (id: string) => {
    const write = active.get(id);
    if (!write) return;
    active.delete(id);
    clearTimeout(write.timer);
    await write.handle.close().catch(() => undefined);
    await rm(write.temp, { force: true });
  };

  const touch = (id: string, write: Write) => {
    clearTimeout(write.timer);
    write.timer = setTimeout(() => void discard(id), idleMs);
    write.timer.unref?.();
  };

  /** Drops the write (freeing the disk space) and says what failed, naming the file and its folder. */
  const fail = async (id: string, target: string, error: unknown, what: string): Promise<never> => {
    await discard(id);
    throw explain(error, target, what, noun);
  };

  const refuse = (id: string, write: Write, code: string, message: string) =>
    fail(id, write.target, new ChunkedFileError(basename(write.target), code, message), 'write');

  return {
    async begin(target, tempFor) {
      const id = randomBytes(16).toString('hex');
      const temp = tempFor(id);
      let handle: FileHandle;
      try {
        handle = await open(temp, 'wx', 0o644);
      } catch (error) {
        throw explain(error, target, 'write', noun);
      }
      const write: Write = { target, temp, handle, written: 0, busy: false };
      active.set(id, write);
      touch(id, write);
      return id;
    },

    async append(id, offset, data) {
      const write = get(id);
      const name = basename(write.target);
      if (write.busy) throw new ChunkedFileError(name, 'ERR_CHUNK_ORDER', `A chunk of the ${noun} "${name}" is still being written; chunks go one after another.`);
      if (offset !== write.written) {
        return refuse(id, write, 'ERR_CHUNK_ORDER', `Chunk of the ${noun} "${name}" at byte ${offset}, expected byte ${write.written}: a chunk was lost or repeated. The ${noun} was dropped.`);
      }
      if (offset + data.byteLength > maxBytes) return refuse(id, write, 'ERR_TOO_LARGE', `The ${noun} "${name}" is larger than ${maxBytes} bytes and was dropped.`);
      write.busy = true;
      try {
        for (let done = 0; done < data.byteLength; ) {
          const { bytesWritten } = await write.handle.write(data, done, data.byteLength - done, offset + done);
          done += bytesWritten;
        }
        write.written += data.byteLength;
        write.busy = false;
        touch(id, write);
      } catch (error) {
        return fail(id, write.target, error, 'write');
      }
    },

    async commit(id, size) {
      const write = get(id);
      if (write.busy || size !== write.written) {
        return fail(id, write.target, new ChunkedFileError(basename(write.target), 'ERR_SIZE_MISMATCH', `The ${noun} "${basename(write.target)}" should have ${size} bytes but ${write.written} arrived; it was dropped.`), 'finish');
      }
      committing++;
      try {
        clearTimeout(write.timer);
        await write.handle.sync();
        await write.handle.close();
        await moveIntoPlace(write.temp, write.target, options.atomic);
        active.delete(id);
        return write.target;
      } catch (error) {
        return fail(id, write.target, error, 'finish');
      } finally {
        committing--;
      }
    },

    abort: discard,
    nameOf: (id) => {
      const write = active.get(id);
      return write && basename(write.target);
    },
    temps: () => [...active.values()].map((write) => write.temp),
    committing: () => committing > 0,
  };
}

/** An OS error as a ChunkedFileError naming the file and its folder; a full disk says so. */
function explain(error: unknown, target: string, what: string, noun: string): ChunkedFileError {
  if (error instanceof ChunkedFileError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const full = code !== undefined && DISK_FULL_CODES.has(code);
  const reason = full ? `the disk is full (${code})` : (error as Error).message;
  const name = basename(target);
  return new ChunkedFileError(name, code, `Could not ${what} the ${noun} "${name}" in "${dirname(target)}": ${reason}.`, { cause: error });
}
