import { basename, dirname, join } from 'node:path';
import { FILE_LOCKED } from '../fs/atomic-write';
import { createChunkedWrites, DISK_FULL_CODES, type ChunkedWrites } from '../fs/chunked-file';
import { createReadHandles, type ReadHandles } from '../fs/read-handles';
import type { FileDeps } from './files';
import { type HandlerMap, ShellError } from './types';

type Method = 'beginSaveFile' | 'appendSaveFile' | 'finishSaveFile' | 'abortSaveFile' | 'beginOpenFile' | 'readOpenFile' | 'closeOpenFile';

export type ChunkedFileDeps<S> = Pick<FileDeps<S>, 'showSaveDialog' | 'showOpenDialog' | 'defaultFolder'> & {
  /** Writes of saves in progress (tests pass one with a short idle time). */
  saves?: ChunkedWrites;
  /** Files open for reading (tests pass one with a short idle time). */
  reads?: ReadHandles;
};

/** A failure as the user reads it, naming the file: a full disk, a vanished file, a locked target; the rest keeps the OS message. */
function asShellError(error: unknown, fallback: string): ShellError {
  if (error instanceof ShellError) return error;
  const { code, file } = error as { code?: string; file?: string };
  const which = file ? ` "${file}"` : '';
  if (code !== undefined && DISK_FULL_CODES.has(code)) {
    return new ShellError('ERR_DISK_FULL', `The disk is full; the file${which} was not saved. Free some space and save again.`);
  }
  if (code === FILE_LOCKED) return new ShellError(FILE_LOCKED, (error as Error).message);
  if (code?.startsWith('ERR_')) return new ShellError(code, (error as Error).message);
  if (code === 'ENOENT') return new ShellError('ERR_FILE_GONE', `The folder of the file${which} is no longer there: ${(error as Error).message}`);
  return new ShellError(fallback, (error as Error).message);
}

async function explained<R>(work: () => Promise<R>, fallback: string): Promise<R> {
  try {
    return await work();
  } catch (error) {
    throw asShellError(error, fallback);
  }
}

/**
 * Big files the user saves or opens, in chunks (shared/bridge/contract.ts). Only a path the dialog
 * returned is ever opened; the renderer holds ids. A save writes `.<name>.<id>.part.tmp` beside the
 * chosen file and renames it over that file on finish.
 */
export function createChunkedFileHandlers<S>(deps: ChunkedFileDeps<S>): HandlerMap<S, Method> {
  const saves = deps.saves ?? createChunkedWrites({ noun: 'file' });
  const reads = deps.reads ?? createReadHandles();
  return {
    beginSaveFile: async (request, event) => {
      const path = await deps.showSaveDialog(event.sender, { defaultPath: join(deps.defaultFolder(), request.suggestedName), filters: request.filters });
      if (!path) return null;
      const name = basename(path);
      const id = await explained(() => saves.begin(path, (upload) => join(dirname(path), `.${name}.${upload}.part.tmp`)), 'ERR_WRITE_FAILED');
      return { id, name };
    },
    appendSaveFile: ({ id, offset, data }) => explained(() => saves.append(id, offset, data), 'ERR_WRITE_FAILED'),
    finishSaveFile: ({ id, size }) => explained(async () => ({ saved: true as const, path: await saves.commit(id, size) }), 'ERR_WRITE_FAILED'),
    abortSaveFile: (id) => saves.abort(id),
    beginOpenFile: async (request, event) => {
      const [path] = await deps.showOpenDialog(event.sender, { filters: request.filters, multiple: false });
      if (!path) return null;
      return explained(() => reads.open(path), 'ERR_READ_FAILED');
    },
    readOpenFile: ({ id, offset, length }) => explained(() => reads.read(id, offset, length), 'ERR_READ_FAILED'),
    closeOpenFile: (id) => reads.close(id),
  };
}
