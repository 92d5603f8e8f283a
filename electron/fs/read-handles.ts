import { randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { ChunkedFileError } from './chunked-file';

// A file the user chose in the open dialog (a backup of a gigabyte to restore) is read a piece at a
// time: the shell keeps it open under a random id and the renderer asks for ranges by that id. The
// renderer never names a path, so nothing but files the user picked is reachable this way. A handle
// nobody reads for a while is closed (the window that held it is gone, or the user walked away
// from the preview).

export type OpenedHandle = { id: string; name: string; size: number };

export type ReadHandles = {
  /** Opens a file the user chose; refuses folders and other non-files. */
  open(path: string): Promise<OpenedHandle>;
  /** Up to `length` bytes from `offset` (fewer at the end) and the file's current size. */
  read(id: string, offset: number, length: number): Promise<{ data: Uint8Array; size: number }>;
  /** Closes a handle; unknown ids are ignored. */
  close(id: string): Promise<void>;
  /** Open handles (tests, shutdown). */
  count(): number;
};

type Entry = { path: string; handle: FileHandle; timer?: NodeJS.Timeout };

/** `idleMs`: a handle not read for this long is closed (default 30 min: the restore preview may sit open a while). */
export function createReadHandles(options: { idleMs?: number } = {}): ReadHandles {
  const idleMs = options.idleMs ?? 30 * 60_000;
  const active = new Map<string, Entry>();

  const close = async (id: string) => {
    const entry = active.get(id);
    if (!entry) return;
    active.delete(id);
    clearTimeout(entry.timer);
    await entry.handle.close().catch(() => undefined);
  };
  const touch = (id: string, entry: Entry) => {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void close(id), idleMs);
    entry.timer.unref?.();
  };
  const failed = (path: string, error: unknown): ChunkedFileError => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const gone = code === 'ENOENT';
    const name = basename(path);
    const message = gone ? `The file "${name}" is no longer there (moved or deleted).` : `Could not read the file "${name}": ${(error as Error).message}`;
    return new ChunkedFileError(name, gone ? 'ERR_FILE_GONE' : 'ERR_READ_FAILED', message, { cause: error });
  };

  return {
    async open(path) {
      let handle: FileHandle;
      try {
        handle = await open(path, 'r');
      } catch (error) {
        throw failed(path, error);
      }
      const info = await handle.stat().catch(async (error: unknown) => {
        await handle.close().catch(() => undefined);
        throw failed(path, error);
      });
      if (!info.isFile()) {
        await handle.close().catch(() => undefined);
        throw new ChunkedFileError(basename(path), 'ERR_NOT_A_FILE', `"${basename(path)}" is not a file.`);
      }
      const id = randomBytes(16).toString('hex');
      const entry: Entry = { path, handle };
      active.set(id, entry);
      touch(id, entry);
      return { id, name: basename(path), size: info.size };
    },

    async read(id, offset, length) {
      const entry = active.get(id);
      if (!entry) throw new ChunkedFileError('', 'ERR_NO_HANDLE', 'The chosen file was closed after a long pause; open it again.');
      touch(id, entry);
      try {
        // Stat every time: a file cut short or replaced meanwhile shows in its size, and the reader notices.
        const { size } = await entry.handle.stat();
        const want = Math.max(0, Math.min(length, size - offset));
        const data = new Uint8Array(want);
        let got = 0;
        while (got < want) {
          const { bytesRead } = await entry.handle.read(data, got, want - got, offset + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return { data: got === want ? data : data.subarray(0, got), size };
      } catch (error) {
        throw failed(entry.path, error);
      }
    },

    close,
    count: () => active.size,
  };
}
