/**
 * The sync Folder over Node fs: a plain Node module (no electron import), tested on real temp folders.
 * Atomic writes go to a dot-named temp file beside the target, are fsynced, then renamed; Windows
 * briefly refuses renames while a virus scanner or the sync client holds a file (EPERM/EBUSY/EACCES),
 * so the rename is retried with backoff. This is a small twin of electron/fs/atomic-write.ts, kept
 * here until the two are merged.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename as fsRename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { type Folder, type FolderEntry, FolderUnavailableError } from '../../shared/sync/folder';

const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);
const TEMP_MARK = '.tmp-';

export type NodeFolderOptions = {
  /** Replaces fs.rename (tests simulate locked files or a writer killed before the rename). */
  rename?: (from: string, to: string) => Promise<void>;
  /** Rename attempts (default 8). */
  attempts?: number;
  /** First retry delay in ms, doubling (default 25). */
  delayMs?: number;
};

function code(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** Relative `/` path → absolute path inside the root; anything escaping the root is refused. */
function resolveInside(root: string, path: string): string {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || path.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..'))
    throw new Error(`invalid sync path ${path}`);
  return join(root, ...parts);
}

export class NodeFolder implements Folder {
  /** Absolute, normalised path of the sync folder. */
  readonly root: string;

  constructor(
    root: string,
    private readonly options: NodeFolderOptions = {},
  ) {
    this.root = resolve(root);
  }

  async list(prefix: string): Promise<FolderEntry[]> {
    await this.checkRoot();
    const start = prefix === '' ? this.root : resolveInside(this.root, prefix.replace(/\/$/, ''));
    const out: FolderEntry[] = [];
    await this.walk(start, out);
    return out;
  }

  async read(path: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(resolveInside(this.root, path)));
    } catch (e) {
      if (code(e) === 'ENOENT' || code(e) === 'EISDIR') {
        await this.checkRoot();
        return null;
      }
      throw e;
    }
  }

  async writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    await this.checkRoot();
    const target = resolveInside(this.root, path);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${target.slice(dir.length + 1)}${TEMP_MARK}${randomBytes(4).toString('hex')}`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await this.renameWithRetry(temp, target);
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw e;
    }
    await syncDir(dir);
  }

  async remove(path: string): Promise<void> {
    try {
      await unlink(resolveInside(this.root, path));
    } catch (e) {
      if (code(e) !== 'ENOENT') throw e;
    }
  }

  /** Deletes temp files left by killed writers once they are surely abandoned (default: a day old). */
  async removeStaleTemps(olderThanMs = 86_400_000, now = Date.now()): Promise<number> {
    const temps: string[] = [];
    await this.walk(this.root, [], temps);
    let removed = 0;
    for (const t of temps) {
      const s = await stat(t).catch(() => null);
      if (s && now - s.mtimeMs > olderThanMs) {
        await unlink(t).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }

  private async checkRoot(): Promise<void> {
    const s = await stat(this.root).catch(() => null);
    if (!s?.isDirectory()) throw new FolderUnavailableError('sync folder missing', this.root);
  }

  /** Collects files below `dir`; dot-names (own temp files, `.stfolder`, `.dropbox`) are skipped. */
  private async walk(dir: string, out: FolderEntry[], temps?: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return;
      throw e;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.name.startsWith('.')) {
        if (temps && entry.isFile() && entry.name.includes(TEMP_MARK)) temps.push(full);
        continue;
      }
      if (entry.isDirectory()) await this.walk(full, out, temps);
      else if (entry.isFile()) {
        const s = await stat(full).catch(() => null);
        if (s) out.push({ path: full.slice(this.root.length + 1).split(sep).join('/'), size: s.size });
      }
    }
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    const rename = this.options.rename ?? fsRename;
    const attempts = this.options.attempts ?? 8;
    let delay = this.options.delayMs ?? 25;
    for (let i = 1; ; i++) {
      try {
        await rename(from, to);
        return;
      } catch (e) {
        if (i >= attempts || !TRANSIENT.has(code(e) ?? '')) throw e;
        await new Promise((r) => setTimeout(r, delay));
        delay *= 2;
      }
    }
  }
}

/** Makes the rename durable on POSIX; directories cannot be opened for sync on Windows, which is fine. */
async function syncDir(dir: string): Promise<void> {
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Best effort only.
  }
}
