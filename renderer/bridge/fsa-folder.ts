/**
 * The sync Folder over the File System Access API (a directory the user picked in Chromium).
 * `createWritable()` writes to a swap file that replaces the target only on `close()`, so readers see
 * the old file or the whole new one — the atomic write the engine wants. Missing or no longer
 * permitted directories raise FolderUnavailableError ("not there", never "empty").
 */
import { type Folder, type FolderEntry, FolderUnavailableError } from '../../shared/sync/folder';

/** The parts of FileSystemFileHandle used here (an in-memory twin backs the tests). */
export type FileHandleLike = {
  kind: 'file';
  name: string;
  getFile(): Promise<{ size: number; lastModified?: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
};

/** The parts of FileSystemDirectoryHandle used here. */
export type DirHandleLike = {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<FileHandleLike | DirHandleLike>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirHandleLike>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string): Promise<void>;
};

const errName = (e: unknown) => (e && typeof e === 'object' && 'name' in e ? String(e.name) : '');
const isMissing = (e: unknown) => errName(e) === 'NotFoundError' || errName(e) === 'TypeMismatchError';
const isDenied = (e: unknown) => errName(e) === 'NotAllowedError' || errName(e) === 'SecurityError';

function segments(path: string): string[] {
  const parts = path.split('/');
  if (path === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) throw new Error(`invalid sync path ${path}`);
  return parts;
}

export class FsaFolder implements Folder {
  constructor(private readonly root: DirHandleLike) {}

  async list(prefix: string): Promise<FolderEntry[]> {
    await this.checkRoot();
    const clean = prefix.replace(/\/$/, '');
    let dir = this.root;
    const parts = clean === '' ? [] : segments(clean);
    for (const p of parts) {
      try {
        dir = await dir.getDirectoryHandle(p);
      } catch (e) {
        if (isMissing(e)) return [];
        throw this.translate(e);
      }
    }
    const out: FolderEntry[] = [];
    await this.walk(dir, parts.join('/'), out);
    return out;
  }

  async read(path: string): Promise<Uint8Array | null> {
    const parts = segments(path);
    try {
      const dir = await this.dirOf(parts, false);
      const file = await (await dir.getFileHandle(parts.at(-1)!)).getFile();
      return new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      if (isMissing(e)) {
        await this.checkRoot();
        return null;
      }
      throw this.translate(e);
    }
  }

  async writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    const parts = segments(path);
    await this.checkRoot();
    try {
      const dir = await this.dirOf(parts, true);
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      try {
        await writable.write(bytes);
        await writable.close();
      } catch (e) {
        await writable.abort().catch(() => undefined);
        throw e;
      }
    } catch (e) {
      throw this.translate(e);
    }
  }

  async remove(path: string): Promise<void> {
    const parts = segments(path);
    try {
      const dir = await this.dirOf(parts, false);
      await dir.removeEntry(parts.at(-1)!);
    } catch (e) {
      if (!isMissing(e)) throw this.translate(e);
    }
  }

  private async dirOf(parts: string[], create: boolean): Promise<DirHandleLike> {
    let dir = this.root;
    for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create });
    return dir;
  }

  /** The picked directory itself must still be there and readable. */
  private async checkRoot(): Promise<void> {
    try {
      for await (const _entry of this.root.values()) break;
    } catch (e) {
      throw new FolderUnavailableError(`sync folder not available (${errName(e) || 'error'})`);
    }
  }

  private translate(e: unknown): unknown {
    return isDenied(e) ? new FolderUnavailableError(`no access to the sync folder (${errName(e)})`) : e;
  }

  /** Files below `dir`; dot-names (the browser's and sync tools' own files) are skipped. */
  private async walk(dir: DirHandleLike, base: string, out: FolderEntry[]): Promise<void> {
    for await (const entry of dir.values()) {
      if (entry.name.startsWith('.') || entry.name.endsWith('.crswap')) continue;
      const path = base ? `${base}/${entry.name}` : entry.name;
      if (entry.kind === 'directory') await this.walk(entry, path, out);
      else {
        const file = await entry.getFile();
        out.push(file.lastModified === undefined ? { path, size: file.size } : { path, size: file.size, modified: file.lastModified });
      }
    }
  }
}
