/** Devices syncing through a real temp directory: killed writers, half files, erasure, restart. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDataPath } from '../../shared/sync/layout';
import { SyncEngine } from '../../shared/sync/engine';
import { makeDevice } from '../../shared/sync/testing';
import { NodeFolder } from './node-folder';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-sync-it-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

let t = Date.UTC(2026, 10, 23, 9);
const now = () => t;

async function allFiles(root: string, sub = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(root, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await allFiles(root, rel)));
    else out.push(rel);
  }
  return out;
}

describe('folder sync over a real directory', () => {
  it('three laptops converge; a writer killed before the rename loses nothing', async () => {
    let kill = false;
    const killable = new NodeFolder(dir, {
      rename: async (from, to) => {
        if (kill) throw Object.assign(new Error('process killed'), { code: 'EKILLED' });
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    });
    const alice = await makeDevice('alice', killable, now, { passphrase: 'Team', snapshotEvery: 2 });
    const bob = await makeDevice('bob', new NodeFolder(dir), now, { passphrase: 'Team', snapshotEvery: 2 });
    const carol = await makeDevice('carol', new NodeFolder(dir), now, { passphrase: 'Team', snapshotEvery: 2 });

    await alice.edit('accounts', 'a1', { name: 'Bäckerei Schulz', city: 'Köln' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    await bob.edit('accounts', 'a1', { city: 'Düsseldorf' });
    await bob.engine.syncOnce();

    // Alice's next write dies between temp write and rename: the temp file stays behind, nothing else.
    t += 1000;
    await alice.edit('accounts', 'a2', { name: 'Metzgerei Braun' });
    kill = true;
    const s = await alice.engine.syncOnce();
    expect(s.problems.map((p) => p.code)).toContain('folder.writeFailed');
    expect(s.pending).toBe(1);
    kill = false;
    // A really killed process leaves its temp file; readers never see it.
    await writeFile(join(dir, 'segments', 'alice', `.00000002-${'0'.repeat(64)}.seg.tmp-dead`), 'half a segm');
    expect((await carol.engine.syncOnce()).ok).toBe(true);
    expect(Object.keys(carol.store.liveRows('accounts'))).toEqual(['a1']);

    // "Restart": a new engine over the same store resumes and writes the queued change.
    const restarted = new SyncEngine({ folder: new NodeFolder(dir), store: alice.store, clock: alice.clock, now, passphrase: 'Team', snapshotEvery: 2 });
    expect((await restarted.syncOnce()).pending).toBe(0);
    for (let i = 0; i < 3; i++) {
      t += 60_000;
      for (const e of [restarted, bob.engine, carol.engine]) expect((await e.syncOnce()).ok).toBe(true);
    }
    const expected = { a1: { name: 'Bäckerei Schulz', city: 'Düsseldorf' }, a2: { name: 'Metzgerei Braun' } };
    for (const d of [alice, bob, carol]) expect(d.store.liveRows('accounts')).toEqual(expected);
  });

  it('a half-delivered file is skipped until complete (rename impossible on the share)', async () => {
    const alice = await makeDevice('alice', new NodeFolder(dir), now);
    const bob = await makeDevice('bob', new NodeFolder(dir), now);
    await alice.edit('deals', 'd1', { value: 12500 });
    await alice.engine.syncOnce();
    const seg = (await allFiles(dir)).find((p) => parseDataPath(p)?.kind === 'segment')!;
    const full = await readFile(join(dir, seg));
    await writeFile(join(dir, seg), full.subarray(0, full.length >> 1));
    const s = await bob.engine.syncOnce();
    expect(s.problems.find((p) => p.code === 'segment.hashMismatch')?.path).toBe(seg);
    expect(bob.store.liveRows('deals')).toEqual({});
    await writeFile(join(dir, seg), full);
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('deals')).toEqual({ d1: { value: 12500 } });
  });

  it('an erasure reaches the other laptops and compaction purges the old values from the folder', async () => {
    const devs = await Promise.all(['alice', 'bob'].map((n) => makeDevice(n, new NodeFolder(dir), now)));
    const [alice, bob] = devs as [(typeof devs)[0], (typeof devs)[0]];
    await alice.edit('contacts', 'c1', { firstName: 'Hildegard', email: 'h.wagner@example.de' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    await bob.erase('contacts', 'c1');
    for (let i = 0; i < 3; i++) {
      t += 60_000;
      for (const d of devs) await d.engine.syncOnce();
    }
    expect(alice.store.row('contacts', 'c1')).toMatchObject({ erased: true, values: { firstName: null, email: null } });
    const text = (await Promise.all((await allFiles(dir)).map((p) => readFile(join(dir, p), 'utf8')))).join('\n');
    expect(text).not.toContain('Hildegard');
    expect(text).not.toContain('example.de');
  });
});
