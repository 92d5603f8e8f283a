import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderUnavailableError } from '../../shared/sync/folder';
import { FILE_LOCKED } from '../fs/atomic-write';
import { NodeFolder, SyncFolderLinkError } from './node-folder';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-sync-folder-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('NodeFolder', () => {
  it('refuses links planted in the shared folder: no write, read or removal goes through them', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'rapport-outside-'));
    try {
      const root = join(dir, 'team');
      await mkdir(root);
      await writeFile(join(outside, 'victim.json'), 'untouched');
      // A symlinked `state/` folder and a symlinked file, as someone with write access to the share could plant.
      await symlink(outside, join(root, 'state'), 'dir');
      await mkdir(join(root, 'segments'));
      await symlink(join(outside, 'victim.json'), join(root, 'segments', 'alice.seg'));
      const f = new NodeFolder(root);
      await expect(f.writeAtomic('state/victim.json', bytes('overwritten'))).rejects.toBeInstanceOf(SyncFolderLinkError);
      await expect(f.writeAtomic('state/new/x.json', bytes('x'))).rejects.toThrow(/link at state/);
      await expect(f.writeAtomic('segments/alice.seg', bytes('overwritten'))).rejects.toThrow(/link at segments\/alice.seg/);
      await expect(f.read('segments/alice.seg')).rejects.toBeInstanceOf(SyncFolderLinkError);
      await expect(f.read('state/victim.json')).rejects.toBeInstanceOf(SyncFolderLinkError);
      await expect(f.remove('state/victim.json')).rejects.toBeInstanceOf(SyncFolderLinkError);
      await expect(f.list('state')).rejects.toBeInstanceOf(SyncFolderLinkError);
      expect(await f.list('')).toEqual([]);
      expect(await readFile(join(outside, 'victim.json'), 'utf8')).toBe('untouched');
      expect(await readdir(outside)).toEqual(['victim.json']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('accepts a sync folder that is itself reached through a link (the user chose it)', async () => {
    const real = join(dir, 'real');
    await mkdir(real);
    await symlink(real, join(dir, 'alias'), 'dir');
    const f = new NodeFolder(join(dir, 'alias'));
    await f.writeAtomic('state/a.json', bytes('{}'));
    expect((await f.list('')).map((e) => e.path)).toEqual(['state/a.json']);
  });

  it('writes, lists recursively with / paths, reads and removes', async () => {
    const f = new NodeFolder(dir + '/');
    await f.writeAtomic('segments/alice/00000001-x.seg', bytes('eins'));
    await f.writeAtomic('state/alice.json', bytes('{}'));
    expect((await f.list('')).map((e) => e.path).sort()).toEqual(['segments/alice/00000001-x.seg', 'state/alice.json']);
    expect((await f.list('segments')).map((e) => e.path)).toEqual(['segments/alice/00000001-x.seg']);
    expect(await f.list('snapshots')).toEqual([]);
    expect(new TextDecoder().decode((await f.read('segments/alice/00000001-x.seg'))!)).toBe('eins');
    expect(await f.read('segments/alice/nope.seg')).toBeNull();
    await f.remove('state/alice.json');
    await f.remove('state/alice.json');
    expect((await f.list('state')).length).toBe(0);
    expect((await readdir(join(dir, 'segments', 'alice'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('retries renames Windows refuses for a moment, and gives up cleanly', async () => {
    let calls = 0;
    const flaky = new NodeFolder(dir, {
      delayMs: 1,
      rename: async (a, b) => {
        if (++calls <= 2) throw errno(calls === 1 ? 'EPERM' : 'EBUSY');
        await rename(a, b);
      },
    });
    await flaky.writeAtomic('a.json', bytes('1'));
    expect(calls).toBe(3);
    const locked = new NodeFolder(dir, { delayMs: 1, attempts: 3, rename: async () => Promise.reject(errno('EACCES')) });
    await expect(locked.writeAtomic('b.json', bytes('2'))).rejects.toMatchObject({ code: FILE_LOCKED, message: expect.stringMatching(/locked by another program \(EACCES\)/) });
    expect((await readdir(dir)).sort()).toEqual(['a.json']);
  });

  it('a full disk is a clear error and leaves no temp file behind', async () => {
    const full = new NodeFolder(dir, { rename: async () => Promise.reject(errno('ENOSPC')) });
    await expect(full.writeAtomic('segments/a/1.seg', bytes('x'))).rejects.toMatchObject({ code: 'ENOSPC', message: expect.stringMatching(/disk is full/) });
    expect(await readdir(join(dir, 'segments', 'a'))).toEqual([]);
  });

  it('lists modification times, so a file rewritten with the same size is noticed', async () => {
    const f = new NodeFolder(dir);
    await f.writeAtomic('state/a.json', bytes('{"n":1}'));
    const [before] = await f.list('state');
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, 'state', 'a.json'), later, later);
    const [after] = await f.list('state');
    expect(after!.size).toBe(before!.size);
    expect(after!.modified).not.toBe(before!.modified);
  });

  it('refuses paths that leave the folder', async () => {
    const f = new NodeFolder(dir);
    await expect(f.writeAtomic('../evil', bytes('x'))).rejects.toThrow(/invalid sync path/);
    await expect(f.read('a/../../b')).rejects.toThrow(/invalid sync path/);
  });

  it('a missing folder is "unavailable", never "empty"', async () => {
    const f = new NodeFolder(join(dir, 'unmounted'));
    await expect(f.list('')).rejects.toBeInstanceOf(FolderUnavailableError);
    await expect(f.read('x.json')).rejects.toBeInstanceOf(FolderUnavailableError);
    await expect(f.writeAtomic('x.json', bytes('1'))).rejects.toBeInstanceOf(FolderUnavailableError);
  });

  it('skips temp and dot files in listings and removes stale temps', async () => {
    const f = new NodeFolder(dir);
    await mkdir(join(dir, 'segments', 'bob'), { recursive: true });
    const temp = join(dir, 'segments', 'bob', '.00000001-x.seg.tmp-dead');
    await writeFile(temp, 'half');
    await mkdir(join(dir, '.stfolder'));
    expect(await f.list('')).toEqual([]);
    expect(await f.removeStaleTemps()).toBe(0);
    const old = new Date(Date.now() - 2 * 86_400_000);
    await utimes(temp, old, old);
    expect(await f.removeStaleTemps()).toBe(1);
  });
});
