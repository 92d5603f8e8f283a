/**
 * GDPR erasure across laptops: the erasure travels as a flag only, every laptop masks the row and drops
 * queued values, and snapshots plus compaction remove the old values from every file in the folder.
 */
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../bytes';
import { MemoryFolder } from './memory-folder';
import { makeDevice } from './testing';

const T0 = Date.UTC(2026, 10, 23, 9);

function folderText(folder: MemoryFolder): string {
  return [...folder.files.values()].map((b) => fromUtf8(b)).join('\n');
}

describe('erasure', () => {
  it('reaches the other laptops and, after compaction, no file holds the old values', async () => {
    const folder = new MemoryFolder();
    let t = T0;
    const now = () => t;
    const settings = { snapshotEvery: 50 };
    const alice = await makeDevice('alice', folder, now, settings);
    const bob = await makeDevice('bob', folder, now, settings);
    const carol = await makeDevice('carol', folder, now, settings);
    const all = [alice, bob, carol];
    const round = async () => {
      for (const d of all) await d.engine.syncOnce();
      t += 60_000;
    };
    await alice.edit('contacts', 'c1', { firstName: 'Renate', lastName: 'Schmidt', email: 'renate@schmidt.de' });
    await alice.edit('contacts', 'c2', { lastName: 'Bleibt' });
    await round();
    await bob.edit('contacts', 'c1', { mobile: '0171 5550123' });
    await round();
    expect(carol.store.liveRows('contacts').c1).toMatchObject({ lastName: 'Schmidt', mobile: '0171 5550123' });

    // Carol is offline-ish: she has a queued edit of the person when the erasure arrives.
    await carol.edit('contacts', 'c1', { notes: 'mag Kaffee schwarz' });
    const segmentsBefore = new Set(folder.files.keys());
    await alice.erase('contacts', 'c1');
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    await carol.engine.syncOnce();
    for (const d of all) {
      const row = d.store.row('contacts', 'c1')!;
      expect(row.erased).toBe(true);
      expect(Object.values(row.values).every((v) => v === null)).toBe(true);
    }
    // Files written since the erasure carry none of the old values, not even Carol's queued one.
    const newFiles = [...folder.files].filter(([p]) => !segmentsBefore.has(p)).map(([, b]) => fromUtf8(b)).join('\n');
    for (const secret of ['Schmidt', 'Renate', 'schmidt.de', '0171', 'Kaffee']) expect(newFiles).not.toContain(secret);

    // Old segments still hold them until every laptop acknowledged and compacted.
    for (let i = 0; i < 3; i++) await round();
    const text = folderText(folder);
    for (const secret of ['Schmidt', 'Renate', 'schmidt.de', '0171', 'Kaffee']) expect(text).not.toContain(secret);
    expect(text).toContain('Bleibt');
    for (const d of all) expect(d.store.fingerprint()).toBe(alice.store.fingerprint());

    // A new laptop joining later gets the erased state from the snapshots.
    const dave = await makeDevice('dave', folder, now, settings);
    const s = await dave.engine.syncOnce();
    expect(s.problems.map((p) => p.code)).toContain('snapshot.loaded');
    expect(dave.store.fingerprint()).toBe(alice.store.fingerprint());
  });
});
