import { describe, expect, it } from 'vitest';
import { FolderUnavailableError } from '../../shared/sync/folder';
import { type DirHandleLike, type FileHandleLike, FsaFolder } from './fsa-folder';

const err = (name: string) => Object.assign(new Error(name), { name });

/** An in-memory FileSystemDirectoryHandle twin; `gone` makes the directory vanish, `denied` revokes access. */
function memDir(name = 'team', state = { gone: false, denied: false }): DirHandleLike & { state: typeof state } {
  const files = new Map<string, Uint8Array>();
  const dirs = new Map<string, DirHandleLike>();
  const guard = () => {
    if (state.denied) throw err('NotAllowedError');
    if (state.gone) throw err('NotFoundError');
  };
  const fileHandle = (n: string): FileHandleLike => ({
    kind: 'file',
    name: n,
    getFile: async () => {
      const b = files.get(n)!;
      return { size: b.length, arrayBuffer: async () => b.slice().buffer };
    },
    createWritable: async () => {
      let buf = new Uint8Array();
      return { write: async (d: Uint8Array) => void (buf = d.slice()), close: async () => void files.set(n, buf), abort: async () => undefined };
    },
  });
  return {
    kind: 'directory',
    name,
    state,
    async *values() {
      guard();
      for (const d of dirs.values()) yield d;
      for (const n of files.keys()) yield fileHandle(n);
    },
    async getDirectoryHandle(n, o) {
      guard();
      if (!dirs.has(n)) {
        if (!o?.create) throw err('NotFoundError');
        dirs.set(n, memDir(n, state));
      }
      return dirs.get(n)!;
    },
    async getFileHandle(n, o) {
      guard();
      if (!files.has(n)) {
        if (!o?.create) throw err('NotFoundError');
        files.set(n, new Uint8Array());
      }
      return fileHandle(n);
    },
    async removeEntry(n) {
      guard();
      if (!files.delete(n) && !dirs.delete(n)) throw err('NotFoundError');
    },
  };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('FsaFolder', () => {
  it('writes, lists recursively, reads and removes', async () => {
    const f = new FsaFolder(memDir());
    await f.writeAtomic('segments/anna/00000001-ab.seg', bytes('eins'));
    await f.writeAtomic('state/anna.json', bytes('{}'));
    expect((await f.list('')).map((e) => e.path).sort()).toEqual(['segments/anna/00000001-ab.seg', 'state/anna.json']);
    expect(await f.list('segments/')).toEqual([{ path: 'segments/anna/00000001-ab.seg', size: 4 }]);
    expect(await f.list('snapshots')).toEqual([]);
    expect(new TextDecoder().decode((await f.read('segments/anna/00000001-ab.seg'))!)).toBe('eins');
    expect(await f.read('state/nobody.json')).toBeNull();
    await f.remove('state/anna.json');
    await f.remove('state/anna.json');
    expect((await f.list('state')).length).toBe(0);
  });

  it('refuses paths leaving the folder', async () => {
    const f = new FsaFolder(memDir());
    await expect(f.read('../x')).rejects.toThrow(/invalid sync path/);
    await expect(f.writeAtomic('a//b', bytes('x'))).rejects.toThrow(/invalid sync path/);
  });

  it('a vanished or no longer permitted folder is unavailable, never empty', async () => {
    const dir = memDir();
    const f = new FsaFolder(dir);
    await f.writeAtomic('a.json', bytes('1'));
    dir.state.gone = true;
    await expect(f.list('')).rejects.toBeInstanceOf(FolderUnavailableError);
    await expect(f.read('a.json')).rejects.toBeInstanceOf(FolderUnavailableError);
    dir.state.gone = false;
    dir.state.denied = true;
    await expect(f.list('')).rejects.toBeInstanceOf(FolderUnavailableError);
    await expect(f.writeAtomic('b.json', bytes('2'))).rejects.toBeInstanceOf(FolderUnavailableError);
  });
});
