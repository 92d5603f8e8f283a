import { describe, expect, it } from 'vitest';
import { MemoryFolder } from './memory-folder';
import { makeDevice } from './testing';
import { conflictName, NO_FAULTS, SimulatedSharedFolder } from './memory-folder';
import { isRootPath, parseDataPath } from './layout';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function clock(start = T0) {
  let t = start;
  const now = () => t;
  return { now, advance: (ms: number) => (t += ms) };
}

describe('SyncEngine over a reliable folder', () => {
  it('two devices exchange edits, deletions and restores', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    const bob = await makeDevice('bob', folder, c.now);
    await alice.edit('accounts', 'a1', { name: 'Müller GmbH', city: 'Köln' });
    const s1 = await alice.engine.syncOnce();
    expect(s1.ok).toBe(true);
    expect(s1.written).toBe(2);
    c.advance(1000);
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('accounts')).toEqual({ a1: { name: 'Müller GmbH', city: 'Köln' } });

    c.advance(1000);
    await bob.remove('accounts', 'a1');
    await bob.engine.syncOnce();
    await alice.engine.syncOnce();
    expect(alice.store.liveRows('accounts')).toEqual({});
    // An edit after the deletion brings the row back everywhere.
    c.advance(1000);
    await alice.edit('accounts', 'a1', { city: 'Bonn' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('accounts')).toEqual({ a1: { name: 'Müller GmbH', city: 'Bonn' } });
    expect(bob.store.fingerprint()).toBe(alice.store.fingerprint());
    expect(bob.engine.getStatus().devices.map((d) => d.device)).toEqual(['alice']);
  });

  it('an unmounted or emptied folder deletes nothing and writes nothing', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    await alice.edit('contacts', 'c1', { lastName: 'Schäfer' });
    await alice.engine.syncOnce();
    folder.unmounted = true;
    await alice.edit('contacts', 'c1', { firstName: 'Jörg' });
    const s = await alice.engine.syncOnce();
    expect(s.ok).toBe(false);
    expect(s.problems.map((p) => p.code)).toEqual(['folder.unavailable']);
    expect(s.pending).toBe(1);
    folder.unmounted = false;
    folder.files.clear();
    const s2 = await alice.engine.syncOnce();
    expect(s2.problems.map((p) => p.code)).toEqual(['folder.rootMissing']);
    expect(folder.files.size).toBe(0);
    expect(alice.store.liveRows('contacts')).toEqual({ c1: { lastName: 'Schäfer', firstName: 'Jörg' } });
  });

  it('merges conflicted copies like any segment and the owner removes its copies', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    const bob = await makeDevice('bob', folder, c.now);
    await alice.edit('deals', 'd1', { stage: 'offer' });
    await alice.engine.syncOnce();
    const seg = [...folder.files.keys()].find((p) => parseDataPath(p)?.kind === 'segment')!;
    // The sync tool renamed the original into a conflicted copy and a damaged copy appeared too.
    const bytes = folder.files.get(seg)!;
    folder.files.delete(seg);
    folder.files.set(conflictName(seg, 0), bytes);
    folder.files.set(conflictName(seg, 2), bytes.slice(0, 10));
    await bob.engine.syncOnce();
    // The damaged copy carries the same hash as the applied one, so it is simply redundant.
    expect(bob.store.liveRows('deals')).toEqual({ d1: { stage: 'offer' } });
    const sa = await alice.engine.syncOnce();
    expect(sa.problems.map((p) => p.code)).toContain('conflictCopy.cleaned');
    expect(folder.files.has(seg)).toBe(true);
    expect([...folder.files.keys()].filter((p) => parseDataPath(p)?.conflictCopy)).toEqual([]);
  });

  it('quarantines far-future stamps until the user trusts that clock', async () => {
    const folder = new MemoryFolder();
    const year = 365 * 86_400_000;
    const alice = await makeDevice('alice', folder, () => T0 + year);
    const bob = await makeDevice('bob', folder, () => T0);
    await alice.edit('accounts', 'a1', { name: 'Zukunft AG' });
    await alice.engine.syncOnce();
    const s = await bob.engine.syncOnce();
    expect(s.problems.find((p) => p.code === 'segment.futureClock')?.params.device).toBe('alice');
    expect(bob.store.liveRows('accounts')).toEqual({});
    await bob.engine.trustFutureClock('alice');
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('accounts')).toEqual({ a1: { name: 'Zukunft AG' } });
  });

  it('detects a cloned install and gives it a new device id', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    await alice.edit('accounts', 'a1', { name: 'A' });
    await alice.engine.syncOnce();
    // Copy the profile: same store content and id.
    const clone = await makeDevice('alice', folder, c.now);
    for (const ch of await alice.store.exportAll()) await clone.store.apply([ch]);
    await clone.store.setMeta('sync.engine', await alice.store.getMeta('sync.engine'));
    await clone.store.setMeta('sync.folderId', await alice.store.getMeta('sync.folderId'));
    await clone.edit('accounts', 'a2', { name: 'from clone' });
    await clone.engine.syncOnce();
    c.advance(10);
    await alice.edit('accounts', 'a3', { name: 'from original' });
    const s = await alice.engine.syncOnce();
    expect(s.problems.map((p) => p.code)).toContain('device.cloned');
    expect(s.deviceId).toBe('alice-r1');
    await clone.engine.syncOnce();
    await alice.engine.syncOnce();
    expect(Object.keys(alice.store.liveRows('accounts')).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(Object.keys(clone.store.liveRows('accounts')).sort()).toEqual(['a1', 'a2', 'a3']);
    expect([...folder.files.keys()].filter(isRootPath)).toHaveLength(1);
  });

  it('two laptops setting up the same empty folder at once settle on one root', async () => {
    const sim = new SimulatedSharedFolder(7, { ...NO_FAULTS, maxDelay: 5 });
    const c = clock();
    const alice = await makeDevice('alice', sim.view('alice'), c.now);
    const bob = await makeDevice('bob', sim.view('bob'), c.now);
    await alice.edit('accounts', 'a1', { name: 'von Alice' });
    await bob.edit('accounts', 'b1', { name: 'von Bob' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    expect([...sim.files.keys()].filter(isRootPath)).toHaveLength(2);
    sim.settle();
    for (let i = 0; i < 3; i++) for (const d of [alice, bob]) await d.engine.syncOnce();
    const ids = [alice, bob].map((d) => d.engine.getStatus().folderId);
    expect(ids[0]).toBe(ids[1]);
    expect(Object.keys(alice.store.liveRows('accounts')).sort()).toEqual(['a1', 'b1']);
    expect(bob.store.fingerprint()).toBe(alice.store.fingerprint());
  });

  it('splits a long queue into several segments', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now, { maxChangesPerSegment: 2 });
    const bob = await makeDevice('bob', folder, c.now);
    for (let i = 0; i < 5; i++) await alice.edit('accounts', `a${i}`, { name: `K${i}` });
    expect((await alice.engine.syncOnce()).written).toBe(5);
    expect([...folder.files.keys()].filter((p) => parseDataPath(p)?.kind === 'segment')).toHaveLength(3);
    await bob.engine.syncOnce();
    expect(Object.keys(bob.store.liveRows('accounts'))).toHaveLength(5);
  });
});
