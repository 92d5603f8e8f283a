import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../bytes';
import { MOVED_MARKER_PATH, type MovedMarker } from './couch/types';
import { decodeMovedMarker, encodeMovedMarker } from './engine-moved';
import { isRootPath, parseDataPath } from './layout';
import { conflictName, MemoryFolder } from './memory-folder';
import { makeDevice } from './testing';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const MARKER: MovedMarker = { format: 'rapport-sync-moved', url: 'https://couch.example.com/rapport-team', database: 'rapport-team', at: T0 + 5000, by: 'alice' };

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** Segment and snapshot files in the folder (state files change with every ack; these must not). */
function dataFiles(folder: MemoryFolder): string[] {
  return [...folder.files.keys()].filter((p) => parseDataPath(p)).sort();
}

describe('a folder whose team moved to a server', () => {
  it('is read and merged but gets no segment; queued edits stay queued', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    const bob = await makeDevice('bob', folder, c.now);
    await alice.edit('accounts', 'a1', { name: 'Bäckerei Weiß', city: 'Köln' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    // Bob's last segment lands just before the marker: a late file for everyone still reading.
    c.advance(1000);
    await bob.edit('accounts', 'a1', { city: 'Bonn' });
    await bob.engine.syncOnce();
    folder.files.set(MOVED_MARKER_PATH, encodeMovedMarker(MARKER));
    const before = dataFiles(folder);

    c.advance(1000);
    await alice.edit('contacts', 'c1', { lastName: 'Müller', email: 'jörg@bäckerei-weiß.de' });
    const s = await alice.engine.syncOnce();
    expect(s.ok).toBe(true);
    expect(s.moved).toEqual(MARKER);
    expect(s.problems).toContainEqual({ code: 'folder.moved', level: 'warning', params: { server: MARKER.url }, path: MOVED_MARKER_PATH });
    expect(s.written).toBe(0);
    expect(s.pending).toBe(2);
    expect(await alice.store.pending()).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'contacts', rowId: 'c1', field: 'lastName', value: 'Müller' })]));
    // Still merging: Bob's edit made it here.
    expect(alice.store.liveRows('accounts')).toEqual({ a1: { name: 'Bäckerei Weiß', city: 'Bonn' } });
    expect(dataFiles(folder)).toEqual(before);
    // Its state file says it has seen the marker (the folder can be archived once every device does).
    const state = JSON.parse(fromUtf8(folder.files.get('state/alice.json')!)) as { moved?: number };
    expect(state.moved).toBe(MARKER.at);

    // Runs after that still write nothing and keep the queue.
    c.advance(60_000);
    const s2 = await alice.engine.syncOnce();
    expect(s2.pending).toBe(2);
    expect(dataFiles(folder)).toEqual(before);
  });

  it('neither snapshots nor compacts, even when everything is acknowledged and a snapshot is forced', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now, { snapshotEvery: 2 });
    const bob = await makeDevice('bob', folder, c.now, { snapshotEvery: 2 });
    for (let i = 0; i < 3; i++) {
      await alice.edit('deals', `d${i}`, { stage: 'offer', amount: 1500 + i });
      await alice.engine.syncOnce();
      await bob.engine.syncOnce();
      c.advance(1000);
    }
    folder.files.set(MOVED_MARKER_PATH, encodeMovedMarker(MARKER));
    const before = dataFiles(folder);
    // An erasure would normally force a snapshot and, once acknowledged, the deletion of old segments.
    await alice.erase('contacts', 'c9');
    await alice.engine.syncOnce({ snapshot: true });
    await bob.engine.syncOnce();
    await alice.engine.syncOnce({ snapshot: true });
    expect(dataFiles(folder)).toEqual(before);
    expect(alice.engine.getStatus().pending).toBe(1);
  });

  it('writes again, queue and all, when the marker is taken away (the move was undone)', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    const bob = await makeDevice('bob', folder, c.now);
    await alice.engine.syncOnce();
    folder.files.set(MOVED_MARKER_PATH, encodeMovedMarker(MARKER));
    await alice.edit('teamMembers', 'm1', { name: 'Jörg', weekHours: 32 });
    expect((await alice.engine.syncOnce()).pending).toBe(2);
    folder.files.delete(MOVED_MARKER_PATH);
    const s = await alice.engine.syncOnce();
    expect(s.moved).toBeUndefined();
    expect(s.written).toBe(2);
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('teamMembers')).toEqual({ m1: { name: 'Jörg', weekHours: 32 } });
  });

  it('a broken marker is a warning, not a crash, and the folder keeps working', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    const broken = [
      encodeMovedMarker(MARKER).slice(0, 30), // still being delivered
      utf8('null'),
      utf8(JSON.stringify({ ...MARKER, url: 'ftp://couch.example.com/db' })),
      // Credentials never belong in a file every user of the folder reads.
      utf8(JSON.stringify({ ...MARKER, url: 'https://rep:geheim@couch.example.com/rapport-team' })),
      utf8(JSON.stringify({ ...MARKER, at: 'gestern' })),
    ];
    for (const [i, bytes] of broken.entries()) {
      folder.files.set(MOVED_MARKER_PATH, bytes);
      await alice.edit('accounts', `a${i}`, { name: `Kunde ${i}` });
      const s = await alice.engine.syncOnce();
      expect(s.ok).toBe(true);
      expect(s.moved).toBeUndefined();
      expect(s.problems).toContainEqual({ code: 'root.invalid', level: 'warning', params: { reason: 'movedMarker' }, path: MOVED_MARKER_PATH });
      expect(s.written).toBe(1);
    }
  });

  it('is never taken for a root; a new laptop does not set up a moved folder', async () => {
    expect(isRootPath(MOVED_MARKER_PATH)).toBe(false);
    expect(isRootPath(conflictName(MOVED_MARKER_PATH, 0))).toBe(false);
    expect(isRootPath('rapport-sync-0123456789abcdef.json')).toBe(true);
    const folder = new MemoryFolder();
    folder.files.set(MOVED_MARKER_PATH, encodeMovedMarker(MARKER));
    const c = clock();
    const carol = await makeDevice('carol', folder, c.now);
    await carol.edit('accounts', 'a1', { name: 'Neu' });
    const s = await carol.engine.syncOnce();
    expect(s.moved).toEqual(MARKER);
    expect(s.pending).toBe(1);
    expect([...folder.files.keys()]).toEqual([MOVED_MARKER_PATH]);
  });

  it('a conflicted copy of the marker counts; of two servers the earlier move wins everywhere', async () => {
    const folder = new MemoryFolder();
    const c = clock();
    const alice = await makeDevice('alice', folder, c.now);
    await alice.engine.syncOnce();
    folder.files.set(conflictName(MOVED_MARKER_PATH, 1), encodeMovedMarker(MARKER));
    expect((await alice.engine.syncOnce()).moved).toEqual(MARKER);
    const later = { ...MARKER, url: 'https://other.example.com/team', at: MARKER.at + 1 };
    folder.files.set(MOVED_MARKER_PATH, encodeMovedMarker(later));
    expect((await alice.engine.syncOnce()).moved).toEqual(MARKER);
    expect(decodeMovedMarker(encodeMovedMarker(later))).toEqual(later);
  });
});
