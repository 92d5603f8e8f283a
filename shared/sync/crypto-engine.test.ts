import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../bytes';
import { MemoryFolder } from './memory-folder';
import { parseDataPath } from './layout';
import { makeDevice } from './testing';
import { unlockFolderKey } from './engine-root';
import { sha256Hex } from '../bytes';

const now = () => Date.UTC(2026, 10, 23, 9);

describe('encrypted folder', () => {
  it('syncs with the team passphrase and writes no clear text', async () => {
    const folder = new MemoryFolder();
    const alice = await makeDevice('alice', folder, now, { passphrase: 'Teamgeheimnis 2026' });
    const bob = await makeDevice('bob', folder, now, { passphrase: 'Teamgeheimnis 2026' });
    await alice.edit('contacts', 'c1', { lastName: 'Großmann' });
    await alice.engine.syncOnce();
    expect((await bob.engine.syncOnce()).ok).toBe(true);
    expect(bob.store.liveRows('contacts')).toEqual({ c1: { lastName: 'Großmann' } });
    const text = [...folder.files.values()].map((b) => new TextDecoder().decode(b)).join('');
    expect(text).not.toContain('Großmann');
  });

  it('a wrong or missing passphrase imports nothing and says why', async () => {
    const folder = new MemoryFolder();
    const alice = await makeDevice('alice', folder, now, { passphrase: 'richtig' });
    await alice.edit('contacts', 'c1', { lastName: 'Klein' });
    await alice.engine.syncOnce();
    const mallory = await makeDevice('bob', folder, now, { passphrase: 'falsch' });
    const s = await mallory.engine.syncOnce();
    expect(s.ok).toBe(false);
    expect(s.problems.map((p) => p.code)).toEqual(['crypto.wrongPassphrase']);
    expect(mallory.store.liveRows('contacts')).toEqual({});
    const none = await makeDevice('carol', folder, now);
    expect((await none.engine.syncOnce()).problems.map((p) => p.code)).toEqual(['crypto.passphraseRequired']);
    // Nothing was written by the refused devices.
    expect([...folder.files.keys()].some((p) => p.includes('bob') || p.includes('carol'))).toBe(false);
  });

  it('a kept non-extractable key opens the folder without the passphrase; the passphrase checks up front', async () => {
    const folder = new MemoryFolder();
    const kept = new Map<string, CryptoKey>();
    const keyring = { get: async (id: string) => kept.get(id), save: async (id: string, key: CryptoKey) => void kept.set(id, key) };
    const alice = await makeDevice('alice', folder, now, { passphrase: 'Teamgeheimnis 2026' });
    await alice.edit('contacts', 'c1', { lastName: 'Lindner' });
    await alice.engine.syncOnce();
    await expect(unlockFolderKey(folder, 'falsch')).rejects.toMatchObject({ code: 'crypto.wrongPassphrase' });
    const opened = await unlockFolderKey(folder, 'Teamgeheimnis 2026');
    expect(opened?.key?.extractable).toBe(false);
    await keyring.save(opened!.folderId, opened!.key!);
    // A later start of the app: no passphrase anywhere, only the kept key.
    const bob = await makeDevice('bob', folder, now, { keyring });
    expect((await bob.engine.syncOnce()).ok).toBe(true);
    expect(bob.store.liveRows('contacts')).toEqual({ c1: { lastName: 'Lindner' } });
    expect(await unlockFolderKey(new MemoryFolder(), 'egal')).toBeNull();
  });

  it('a flipped byte (even under a matching name) or a truncated file imports nothing', async () => {
    const folder = new MemoryFolder();
    const alice = await makeDevice('alice', folder, now, { passphrase: 'pw' });
    await alice.edit('contacts', 'c1', { lastName: 'Klein' });
    await alice.engine.syncOnce();
    const path = [...folder.files.keys()].find((p) => parseDataPath(p)?.kind === 'segment')!;
    const good = folder.files.get(path)!;

    folder.files.set(path, good.slice(0, good.length - 4));
    const bob = await makeDevice('bob', folder, now, { passphrase: 'pw' });
    const s1 = await bob.engine.syncOnce();
    expect(s1.problems.find((p) => p.code === 'segment.hashMismatch')).toMatchObject({ path, params: { device: 'alice', seq: 1 } });
    expect(bob.store.liveRows('contacts')).toEqual({});

    const flipped = good.slice();
    flipped[flipped.length - 2]! ^= 0x40;
    folder.files.delete(path);
    const ref = parseDataPath(path)!;
    const forged = path.replace(ref.hash, await sha256Hex(flipped));
    folder.files.set(forged, flipped);
    const s2 = await bob.engine.syncOnce();
    expect(s2.problems.find((p) => p.code === 'segment.decryptFailed')?.path).toBe(forged);
    expect(bob.store.liveRows('contacts')).toEqual({});

    // Once the real file arrives complete, it is merged.
    folder.files.delete(forged);
    folder.files.set(path, good);
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('contacts')).toEqual({ c1: { lastName: 'Klein' } });
    expect(fromUtf8(good.subarray(0, good.indexOf(10)))).toContain('"iv"');
  });
});
