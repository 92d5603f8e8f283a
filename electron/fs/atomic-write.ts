import { randomBytes } from 'node:crypto';
import { open, rename as fsRename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Rename codes Windows reports while a virus scanner, indexer or sync client briefly holds the file. */
const TRANSIENT_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** `code` of the error thrown when the target stayed locked through every retry. */
export const FILE_LOCKED = 'ERR_FILE_LOCKED';

/** Codes of a disk (or quota) that is full: the error keeps its code and gets a message a person understands. */
const FULL_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** Temp files are dot-named beside the target, `.<name>.<random>.tmp`: listings skip them, cleanup finds them. */
export function isAtomicTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

export type AtomicWriteOptions = {
  /** Replaces fs.rename, so tests can simulate a locked target. */
  rename?: (from: string, to: string) => Promise<void>;
  /** Rename attempts before giving up (default 8). */
  attempts?: number;
  /** First retry delay in ms; doubles each time (default 50, so ~6 s in total at most). */
  delayMs?: number;
};

/**
 * Writes `data` to `target` so that the target holds either the old or the new content, never a
 * torn mix: write a temp file beside it, fsync, then rename over the target. Strings are written as
 * UTF-8 exactly as given (a BOM stays a BOM).
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const rename = options.rename ?? fsRename;
  const attempts = Math.max(1, options.attempts ?? 8);
  const delayMs = options.delayMs ?? 50;
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(rename, temp, target, attempts, delayMs);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw explain(error, target);
  }
  await syncDirectory(dir);
}

/**
 * The second half of writeFileAtomic for a temp file the caller wrote and fsynced itself (a backup
 * arriving in chunks): renames it over `target` (retrying while Windows holds the target), makes
 * the rename durable, and removes the temp file when that fails.
 */
export async function moveIntoPlace(temp: string, target: string, options: AtomicWriteOptions = {}): Promise<void> {
  try {
    await renameWithRetry(options.rename ?? fsRename, temp, target, Math.max(1, options.attempts ?? 8), options.delayMs ?? 50);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw explain(error, target);
  }
  await syncDirectory(dirname(target));
}

/** A full disk says so (the code stays, so callers can react to it); other errors pass unchanged. */
function explain(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (!FULL_CODES.has(code)) return error;
  const full = new Error(`Could not write "${target}": the disk is full (${code}). Free some space and try again; the existing file is unchanged.`, { cause: error });
  return Object.assign(full, { code });
}

async function renameWithRetry(
  rename: (from: string, to: string) => Promise<void>,
  from: string,
  to: string,
  attempts: number,
  delayMs: number,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT_CODES.has(code)) throw error;
      if (attempt >= attempts) {
        const locked = new Error(
          `Could not replace "${to}": the file is locked by another program (${code}) ` +
            `after ${attempts} attempts. Close programs that use it and try again; the existing file is unchanged.`,
          { cause: error },
        );
        throw Object.assign(locked, { code: FILE_LOCKED });
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
}

// Makes the rename itself durable on POSIX; Windows cannot open folders this way, and that is fine.
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network shares) refuse fsync on folders; the data is already synced.
  }
}
