/**
 * The sync Folder over Node fs: a plain Node module (no electron import), tested on real temp folders.
 * Writes go through electron/fs/atomic-write.ts, the app's one atomic writer: a dot-named temp file
 * beside the target, fsynced, then renamed, the rename retried while Windows briefly refuses it
 * (EPERM/EBUSY/EACCES: a virus scanner or the sync client holds the file); a full disk or a file that
 * stays locked ends in an error whose message says so (the engine logs it and keeps the changes queued).
 */
import { lstat, mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { type Folder, type FolderEntry, FolderUnavailableError } from '../../shared/sync/folder';
import { type AtomicWriteOptions, isAtomicTempName, writeFileAtomic } from '../fs/atomic-write';

/** Temp names of earlier versions of this module (`.<name>.tmp-<random>`), still cleaned up. */
const LEGACY_TEMP_MARK = '.tmp-';

/** Rename hook, attempts and first retry delay, as for writeFileAtomic (tests simulate locks and kills). */
export type NodeFolderOptions = AtomicWriteOptions;

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

/** A link inside the sync folder: refused, since a planted link could send reads and writes outside it. */
export class SyncFolderLinkError extends Error {
  constructor(readonly path: string) {
    super(`The sync folder holds a link at ${path}; Rapport does not follow links there (remove the link).`);
    this.name = 'SyncFolderLinkError';
  }
}

/**
 * Refuses `target` when it, or a folder between the root and it, is a symbolic link (or a Windows
 * junction, which lstat also reports as a link). The root itself is the user's choice and may be one.
 */
async function assertNoLinks(root: string, target: string): Promise<void> {
  const parts = target.slice(root.length + 1).split(sep);
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    const s = await lstat(current).catch((e: unknown) => (code(e) === 'ENOENT' ? null : Promise.reject(e)));
    if (!s) return;
    if (s.isSymbolicLink()) throw new SyncFolderLinkError(current.slice(root.length + 1).split(sep).join('/'));
  }
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
    if (start !== this.root) await assertNoLinks(this.root, start);
    const out: FolderEntry[] = [];
    await this.walk(start, out);
    return out;
  }

  async read(path: string): Promise<Uint8Array | null> {
    const file = resolveInside(this.root, path);
    try {
      await assertNoLinks(this.root, file);
      return new Uint8Array(await readFile(file));
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
    // Checked before mkdir (which would follow a linked folder) and again after, for the file itself.
    await assertNoLinks(this.root, target);
    await mkdir(dirname(target), { recursive: true });
    await assertNoLinks(this.root, target);
    await writeFileAtomic(target, bytes, { delayMs: 25, ...this.options });
  }

  async remove(path: string): Promise<void> {
    const file = resolveInside(this.root, path);
    try {
      await assertNoLinks(this.root, dirname(file));
      await unlink(file);
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
        if (temps && entry.isFile() && (isAtomicTempName(entry.name) || entry.name.includes(LEGACY_TEMP_MARK))) temps.push(full);
        continue;
      }
      // Dirent types come from lstat: a linked file or folder is neither, so it is never listed or entered.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) await this.walk(full, out, temps);
      else if (entry.isFile()) {
        const s = await stat(full).catch(() => null);
        if (s) out.push({ path: full.slice(this.root.length + 1).split(sep).join('/'), size: s.size, modified: s.mtimeMs });
      }
    }
  }
}
