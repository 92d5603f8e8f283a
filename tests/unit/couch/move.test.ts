import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchEngine } from '../../../shared/sync/couch';
import { createLateReplay, MoveError, moveFolderToServer } from '../../../shared/sync/couch/move';
import { MOVED_MARKER_PATH } from '../../../shared/sync/couch/types';
import { decodeMovedMarker } from '../../../shared/sync/engine-moved';
import { type Folder, FolderUnavailableError } from '../../../shared/sync/folder';
import { parseDataPath } from '../../../shared/sync/layout';
import { MemoryFolder } from '../../../shared/sync/memory-folder';
import { makeDevice, type SimDevice } from '../../../shared/sync/testing';
import { makeLaptop } from '../../couch/clients';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../../couch/server';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => server?.dispose());

let dbCount = 0;
async function freshDb(): Promise<{ url: string; database: string }> {
  const database = `team-move-${++dbCount}`;
  expect(await adminRequest(server.url, 'PUT', database)).toBe(201);
  return { url: `${server.url}/${database}`, database };
}

/**
 * A laptop's view of a folder kept in step by a sync tool (Dropbox, Nextcloud): `offline()` freezes its
 * copy; what it writes meanwhile reaches the shared folder only on `online()`, and it does not see
 * what others write there (the marker included) until then.
 */
function toolView(shared: MemoryFolder) {
  let local: MemoryFolder | null = null;
  const written = new Set<string>();
  const current = () => local ?? shared;
  const folder: Folder = {
    list: (p) => current().list(p),
    read: (p) => current().read(p),
    writeAtomic: (p, b) => (written.add(p), current().writeAtomic(p, b)),
    remove: (p) => current().remove(p),
  };
  return {
    folder,
    offline() {
      local = new MemoryFolder();
      written.clear();
      for (const [p, b] of shared.files) local.files.set(p, b.slice());
    },
    /** Delivers what was written offline (deletions made meanwhile by others stay deleted). */
    online() {
      for (const p of written) if (local!.files.has(p)) shared.files.set(p, local!.files.get(p)!);
      local = null;
    },
  };
}

/** A view that can be cut off (a laptop on the train): runs fail with folder.unavailable, nothing is written. */
function pluggable(shared: MemoryFolder) {
  const view = { connected: true };
  const guard = () => {
    if (!view.connected) throw new FolderUnavailableError('offline');
  };
  const folder: Folder = {
    list: async (p) => (guard(), shared.list(p)),
    read: async (p) => (guard(), shared.read(p)),
    writeAtomic: async (p, b) => (guard(), shared.writeAtomic(p, b)),
    remove: async (p) => (guard(), shared.remove(p)),
  };
  return { folder, view };
}

function couchOf(device: SimDevice, dbUrl: string): CouchEngine {
  return new CouchEngine({ transport: fetchTransport(dbUrl), store: device.store, clock: device.clock, pbkdf2Iterations: 1000 });
}

const dataFiles = (f: MemoryFolder) => [...f.files.keys()].filter((p) => parseDataPath(p)).sort();

describe('moving a team from its folder to the server', () => {
  it('loses no change: an offline laptop, a late segment, settings, a deletion and an erasure all arrive', async () => {
    const db = await freshDb();
    const shared = new MemoryFolder();
    const bobView = pluggable(shared);
    const daveView = toolView(shared);
    const alice = await makeDevice('alice', shared, Date.now);
    const bob = await makeDevice('bob', bobView.folder, Date.now);
    const dave = await makeDevice('dave', daveView.folder, Date.now);

    // The team's history in the folder: accounts, contacts, the team's week and rhythms, plans.
    await alice.edit('accounts', 'a1', { name: 'Bäckerei Weiß', city: 'Köln', revenue: 1500 });
    await alice.edit('accounts', 'a2', { name: 'Müller Metallbau', city: 'Bonn' });
    await alice.edit('contacts', 'c1', { accountId: 'a1', lastName: 'Weiß', firstName: 'Jörg', email: 'jörg@bäckerei-weiß.de' });
    await alice.edit('teamMembers', 'm1', { name: 'Jörg Schäfer', weekHours: 40, workDays: [1, 2, 3, 4, 5] });
    await alice.edit('segmentRules', 'A', { segment: 'A', visitEveryDays: 14 });
    await bob.edit('contacts', 'c2', { accountId: 'a2', lastName: 'Özdemir', phone: '0228 4711' });
    await bob.edit('activityPlans', 'p1', { accountId: 'a2', due: '2026-12-14', kind: 'visit' });
    for (const d of [alice, bob, dave, alice, bob, dave]) expect((await d.engine.syncOnce()).ok).toBe(true);

    // Bob leaves the network with unsent edits; Dave's sync tool goes offline and keeps his next segment.
    bobView.view.connected = false;
    await bob.edit('accounts', 'a1', { city: 'Köln-Ehrenfeld' });
    await bob.edit('teamMembers', 'm1', { weekHours: 32 });
    await bob.remove('accounts', 'a2');
    expect((await bob.engine.syncOnce()).problems.map((p) => p.code)).toEqual(['folder.unavailable']);
    daveView.offline();
    await dave.edit('segmentRules', 'B', { segment: 'B', visitEveryDays: 28 });
    await dave.edit('contacts', 'c1', { phone: '0221 987654' });
    expect((await dave.engine.syncOnce()).written).toBe(3);
    // Meanwhile Alice erases a person (GDPR) and edits on, then moves the team.
    await alice.erase('contacts', 'c2');
    await alice.edit('segmentRules', 'A', { visitEveryDays: 21 });
    const aliceCouch = couchOf(alice, db.url);
    const steps: string[] = [];
    const moved = await moveFolderToServer({ folderEngine: alice.engine, store: alice.store, couch: aliceCouch, folder: shared, server: db, pauseMs: 0, onProgress: (p) => steps.push(p.phase) });
    expect(moved.alreadyMoved).toBe(false);
    expect(moved.marker).toMatchObject({ format: 'rapport-sync-moved', url: db.url, database: db.database, by: 'alice' });
    expect(decodeMovedMarker(shared.files.get(MOVED_MARKER_PATH)!)).toEqual(moved.marker);
    expect(moved.written).toBeGreaterThan(0);
    expect(new Set(steps)).toEqual(new Set(['folder', 'push', 'marker']));
    expect((await aliceCouch.syncOnce()).ok).toBe(true);
    const afterMove = dataFiles(shared);

    // Dave's file arrives late; Alice's follow-up sends it to the server.
    daveView.online();
    const replay = createLateReplay({ folder: shared, store: alice.store, clock: alice.clock, couch: aliceCouch, deviceId: 'alice' });
    const r1 = await replay.run();
    expect(r1.status.problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(r1.pushed).toBe(3);
    expect(r1.notYetSeen).toEqual(['bob', 'dave']);
    expect((await replay.run()).pushed).toBe(0);

    // Bob comes back: he sees the marker, writes nothing into the folder and keeps his edits queued.
    bobView.view.connected = true;
    const sb = await bob.engine.syncOnce();
    expect(sb.moved?.url).toBe(db.url);
    expect(sb.problems.map((p) => p.code)).toContain('folder.moved');
    expect(sb.pending).toBe(3);
    // The only data file added since the move is Dave's late one.
    expect(dataFiles(shared).filter((p) => !afterMove.includes(p)).map((p) => parseDataPath(p)?.device)).toEqual(['dave']);
    // He sets up the server: joining pushes what he holds, then his queue goes out as usual.
    const bobCouch = couchOf(bob, db.url);
    const joined = await moveFolderToServer({ folderEngine: bob.engine, store: bob.store, couch: bobCouch, folder: bobView.folder, server: { ...db, url: `${db.url}/` }, pauseMs: 0 });
    expect(joined.alreadyMoved).toBe(true);
    expect(joined.marker).toEqual(moved.marker);
    expect((await bob.store.pending()).length).toBe(3);
    const sbc = await bobCouch.syncOnce();
    expect(sbc.ok).toBe(true);
    expect(sbc.pending).toBe(0);

    // Dave too (his segment also reached the server through Alice already).
    const daveCouch = couchOf(dave, db.url);
    await moveFolderToServer({ folderEngine: dave.engine, store: dave.store, couch: daveCouch, folder: daveView.folder, server: db, pauseMs: 0 });

    // Every laptop has seen the marker now: the folder can be archived.
    expect((await replay.run()).notYetSeen).toEqual([]);

    // Carol joins later and only ever uses the server.
    const carol = await makeLaptop('carol', fetchTransport(db.url));
    for (const e of [aliceCouch, bobCouch, daveCouch, carol.engine, aliceCouch, bobCouch, daveCouch, carol.engine]) expect((await e.syncOnce()).ok).toBe(true);

    for (const d of [alice, bob, dave]) expect(d.store.fingerprint()).toBe(carol.store.fingerprint());
    expect(carol.store.liveRows('accounts')).toEqual({ a1: { name: 'Bäckerei Weiß', city: 'Köln-Ehrenfeld', revenue: 1500 } });
    expect(carol.store.row('accounts', 'a2')?.deleted).toBe(true);
    expect(carol.store.liveRows('teamMembers')).toEqual({ m1: { name: 'Jörg Schäfer', weekHours: 32, workDays: [1, 2, 3, 4, 5] } });
    expect(carol.store.liveRows('segmentRules')).toEqual({ A: { segment: 'A', visitEveryDays: 21 }, B: { segment: 'B', visitEveryDays: 28 } });
    expect(carol.store.liveRows('contacts').c1).toEqual({ accountId: 'a1', lastName: 'Weiß', firstName: 'Jörg', email: 'jörg@bäckerei-weiß.de', phone: '0221 987654' });
    expect(carol.store.field('contacts', 'c2', '_erased')?.value).toBe(true);
    expect(carol.store.field('contacts', 'c2', 'lastName')?.value).toBeNull();
    expect(carol.store.liveRows('activityPlans')).toEqual({ p1: { accountId: 'a2', due: '2026-12-14', kind: 'visit' } });
  }, 60_000);

  it('is idempotent, refuses another server, and leaves no marker when the server is away', async () => {
    const db = await freshDb();
    const shared = new MemoryFolder();
    const alice = await makeDevice('alice', shared, Date.now);
    const bob = await makeDevice('bob', shared, Date.now);
    await alice.edit('accounts', 'a1', { name: 'Schäfer & Söhne' });
    await bob.edit('accounts', 'a1', { city: 'Düsseldorf' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();

    // The server is not there: nothing marked, the folder goes on as before.
    const nowhere = new CouchEngine({ transport: fetchTransport('http://127.0.0.1:9/team'), store: alice.store, clock: alice.clock });
    const failed = await moveFolderToServer({ folderEngine: alice.engine, store: alice.store, couch: nowhere, folder: shared, server: db, pauseMs: 0 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(MoveError);
    expect((failed as MoveError).failure).toBe('server');
    expect((failed as MoveError).problem?.code).toBe('couch.unreachable');
    expect(shared.files.has(MOVED_MARKER_PATH)).toBe(false);

    // Both laptops move at the same time: the server holds the merge, the folder one marker.
    const [ma, mb] = await Promise.all([
      moveFolderToServer({ folderEngine: alice.engine, store: alice.store, couch: couchOf(alice, db.url), folder: shared, server: db, pauseMs: 0 }),
      moveFolderToServer({ folderEngine: bob.engine, store: bob.store, couch: couchOf(bob, db.url), folder: shared, server: db, pauseMs: 0 }),
    ]);
    expect(ma.marker.url).toBe(mb.marker.url);
    const again = await moveFolderToServer({ folderEngine: alice.engine, store: alice.store, couch: couchOf(alice, db.url), folder: shared, server: db, pauseMs: 0 });
    expect(again.alreadyMoved).toBe(true);
    expect(again.written).toBe(0);
    const carol = await makeLaptop('carol', fetchTransport(db.url));
    await carol.engine.syncOnce();
    expect(carol.store.liveRows('accounts')).toEqual({ a1: { name: 'Schäfer & Söhne', city: 'Düsseldorf' } });

    const other = await moveFolderToServer({ folderEngine: alice.engine, store: alice.store, couch: couchOf(alice, db.url), folder: shared, server: { url: 'https://other.example.com/team', database: 'team' }, pauseMs: 0 }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(MoveError);
    expect((other as MoveError).failure).toBe('otherServer');
    expect((other as MoveError).server).toBe(db.url);
  }, 60_000);

  it('an encrypted folder moves to an encrypted database, in small batches, late file included', async () => {
    const db = await freshDb();
    const shared = new MemoryFolder();
    const pass = { passphrase: 'Kölner Dom 1248!' };
    const alice = await makeDevice('alice', shared, Date.now, pass);
    const daveView = toolView(shared);
    const dave = await makeDevice('dave', daveView.folder, Date.now, pass);
    for (let i = 0; i < 12; i++) await alice.edit('accounts', `a${i}`, { name: `Kunde ${i}`, revenue: 1000 * i });
    await alice.engine.syncOnce();
    await dave.engine.syncOnce();
    daveView.offline();
    await dave.edit('accounts', 'a3', { city: 'Münster' });
    await dave.engine.syncOnce();
    const couch = new CouchEngine({ transport: fetchTransport(db.url), store: alice.store, clock: alice.clock, pbkdf2Iterations: 1000, ...pass });
    const pushes: number[] = [];
    const moved = await moveFolderToServer({ folderEngine: alice.engine, store: alice.store, couch, folder: shared, server: db, pauseMs: 0, batchSize: 10, onProgress: (p) => p.phase === 'push' && pushes.push(p.done) });
    expect(moved.changes).toBe(24);
    expect(pushes).toEqual([0, 10, 20, 24]);
    daveView.online();
    const replay = createLateReplay({ folder: shared, store: alice.store, clock: alice.clock, couch, ...pass, pbkdf2Iterations: 1000 });
    expect((await replay.run()).pushed).toBe(1);
    // The server holds ciphertext only.
    const raw = (await (await fetch(`${db.url}/accounts:a3`)).json()) as { f: Record<string, { v: unknown }> };
    expect(JSON.stringify(raw)).not.toContain('Münster');
    const carol = await makeLaptop('carol', fetchTransport(db.url), pass);
    expect((await carol.engine.syncOnce()).ok).toBe(true);
    expect(carol.store.liveRows('accounts').a3).toEqual({ name: 'Kunde 3', revenue: 3000, city: 'Münster' });
    expect(carol.store.fingerprint()).toBe(alice.store.fingerprint());
  }, 60_000);

  it('the late replay keeps a file unread while the server is away and sends it once it is back', async () => {
    const db = await freshDb();
    const shared = new MemoryFolder();
    const alice = await makeDevice('alice', shared, Date.now);
    const daveView = toolView(shared);
    const dave = await makeDevice('dave', daveView.folder, Date.now);
    await alice.engine.syncOnce();
    await dave.engine.syncOnce();
    daveView.offline();
    await dave.edit('teamMembers', 'm2', { name: 'Ayşe Kaya', weekHours: 20 });
    await dave.engine.syncOnce();
    const aliceCouch = couchOf(alice, db.url);
    await moveFolderToServer({ folderEngine: alice.engine, store: alice.store, couch: aliceCouch, folder: shared, server: db, pauseMs: 0 });
    daveView.online();

    const away = createLateReplay({ folder: shared, store: alice.store, clock: alice.clock, couch: new CouchEngine({ transport: fetchTransport('http://127.0.0.1:9/x'), store: alice.store, clock: alice.clock }) });
    const r = await away.run();
    expect(r.status.problems.map((p) => p.code)).toContain('couch.unreachable');
    expect(alice.store.liveRows('teamMembers')).toEqual({});
    const back = createLateReplay({ folder: shared, store: alice.store, clock: alice.clock, couch: aliceCouch });
    expect((await back.run()).pushed).toBe(2);
    expect(alice.store.liveRows('teamMembers')).toEqual({ m2: { name: 'Ayşe Kaya', weekHours: 20 } });
    const carol = await makeLaptop('carol', fetchTransport(db.url));
    await carol.engine.syncOnce();
    expect(carol.store.liveRows('teamMembers')).toEqual({ m2: { name: 'Ayşe Kaya', weekHours: 20 } });
  }, 60_000);
});
