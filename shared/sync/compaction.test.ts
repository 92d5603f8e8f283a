import { describe, expect, it } from 'vitest';
import { parseDataPath } from './layout';
import { MemoryFolder } from './memory-folder';
import { makeDevice } from './testing';

const HOUR = 3_600_000;

function segs(folder: MemoryFolder, device: string, kind: 'segment' | 'snapshot' = 'segment'): number[] {
  return [...folder.files.keys()]
    .map(parseDataPath)
    .filter((r) => r?.device === device && r.kind === kind)
    .map((r) => r!.seq)
    .sort((a, b) => a - b);
}

describe('compaction', () => {
  it('waits for every known laptop, expires one away too long, which then returns through a snapshot', async () => {
    const folder = new MemoryFolder();
    let t = Date.UTC(2026, 10, 23);
    const now = () => t;
    const settings = { snapshotEvery: 2, expireAfterMs: 10 * HOUR, heartbeatMs: HOUR };
    const alice = await makeDevice('alice', folder, now, settings);
    const bob = await makeDevice('bob', folder, now, settings);
    const away = await makeDevice('carol', folder, now, settings);
    for (const d of [alice, bob, away]) await d.engine.syncOnce();

    for (let i = 0; i < 4; i++) {
      await alice.edit('accounts', `a${i}`, { name: `Kunde ${i}` });
      for (const d of [alice, bob]) await d.engine.syncOnce();
      t += HOUR;
    }
    // Carol has not acknowledged anything: Alice keeps every segment although Bob has all of them.
    expect(segs(folder, 'alice')).toEqual([1, 2, 3, 4]);
    expect(segs(folder, 'alice', 'snapshot')).toEqual([4]);

    t += 12 * HOUR;
    for (let i = 4; i < 6; i++) {
      await alice.edit('accounts', `a${i}`, { name: `Kunde ${i}` });
      for (const d of [alice, bob]) await d.engine.syncOnce();
      t += HOUR;
    }
    const s = await alice.engine.syncOnce();
    expect(s.problems.some((p) => p.code === 'device.expired' && p.params.device === 'carol')).toBe(true);
    expect(s.devices.find((d) => d.device === 'carol')?.expired).toBe(true);
    expect(segs(folder, 'alice')).not.toContain(1);

    // Carol comes back with an edit made offline: she loads a snapshot, nothing is lost either way.
    await away.edit('accounts', 'a0', { city: 'Lübeck' });
    const back = await away.engine.syncOnce();
    expect(back.problems.map((p) => p.code)).toContain('snapshot.loaded');
    for (const d of [alice, bob, away]) await d.engine.syncOnce();
    for (const d of [alice, bob]) await d.engine.syncOnce();
    expect(Object.keys(away.store.liveRows('accounts')).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
    expect(alice.store.liveRows('accounts').a0).toEqual({ name: 'Kunde 0', city: 'Lübeck' });
    expect(bob.store.fingerprint()).toBe(away.store.fingerprint());
  });

  it("purges an abandoned laptop's files once a snapshot covers them", async () => {
    const folder = new MemoryFolder();
    let t = Date.UTC(2026, 10, 23);
    const now = () => t;
    const settings = { snapshotEvery: 1, expireAfterMs: 10 * HOUR, abandonAfterMs: 20 * HOUR };
    const alice = await makeDevice('alice', folder, now, settings);
    const gone = await makeDevice('olaf', folder, now, settings);
    await gone.edit('contacts', 'c1', { lastName: 'Olafsen' });
    await gone.engine.syncOnce();
    await alice.engine.syncOnce();
    // Olaf knew nobody yet, so his snapshot alone let him compact his segment.
    expect(segs(folder, 'olaf', 'snapshot')).toEqual([1]);
    for (let i = 0; i < 3; i++) {
      t += 12 * HOUR;
      await alice.edit('accounts', `a${i}`, { name: 'x' });
      await alice.engine.syncOnce();
    }
    expect(segs(folder, 'olaf')).toEqual([]);
    expect(segs(folder, 'olaf', 'snapshot')).toEqual([]);
    // The data lives on in Alice's snapshot: a new laptop still gets it.
    const neu = await makeDevice('neu', folder, now, settings);
    await neu.engine.syncOnce();
    expect(neu.store.liveRows('contacts')).toEqual({ c1: { lastName: 'Olafsen' } });
  });
});
