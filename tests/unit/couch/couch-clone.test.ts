/**
 * A copied profile on the server path (the folder engine's `device.cloned`): two installs with the same
 * device id and the same bookkeeping. The server's `_local/<device>` checkpoint tells: the install
 * that finds a checkpoint it never wrote takes a new id, and nothing is lost. Real pouchdb-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META } from '../../../shared/sync/engine-state';
import { COUCH_META } from '../../../shared/sync/couch';
import { makeLaptop, watchTransport, type CouchLaptop } from '../../couch/clients';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../../couch/server';
import type { CouchTransport } from '../../../shared/sync/couch/types';

const ADMIN = { user: 'admin', password: 'Geheim-1500' };
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer({ admin: ADMIN });
}, 60_000);
afterAll(() => server?.dispose());

let dbCount = 0;
async function freshDb(): Promise<CouchTransport> {
  const name = `clone-${++dbCount}`;
  expect(await adminRequest(server.url, 'PUT', name, ADMIN)).toBe(201);
  return fetchTransport(`${server.url}/${name}`, ADMIN);
}

const renames = (name: string) => {
  let n = 0;
  return () => `${name}-r${++n}`;
};

/** The profile copied to another laptop: its data and all its sync bookkeeping. */
async function copyProfile(from: CouchLaptop, transport: CouchTransport): Promise<CouchLaptop> {
  const copy = await makeLaptop(from.name, transport, { newDeviceId: renames(`${from.name}-copy`) });
  await copy.store.apply(await from.store.exportAll());
  for (const key of [...Object.values(COUCH_META), ...Object.values(META)]) {
    const value = await from.store.getMeta(key);
    if (value !== undefined) await copy.store.setMeta(key, value);
  }
  return copy;
}

const codes = (s: { problems: Array<{ code: string }> }) => s.problems.map((p) => p.code);

describe('a copied profile syncing through the server', () => {
  it('is detected by the install that finds a checkpoint it never wrote; it takes a new id and nothing is lost', async () => {
    const transport = await freshDb();
    const alice = await makeLaptop('alice', transport, { newDeviceId: renames('alice') });
    await alice.edit('accounts', 'a1', { name: 'Bäckerei Weiß' });
    expect(codes(await alice.engine.syncOnce())).toEqual([]);
    const copy = await copyProfile(alice, transport);
    await copy.edit('accounts', 'a2', { name: 'vom kopierten Laptop' });
    // The copy runs first: the checkpoint is the one it knows from the original.
    expect(codes(await copy.engine.syncOnce())).toEqual([]);
    await alice.edit('accounts', 'a3', { name: 'vom Original', city: 'Köln' });
    const found = await alice.engine.syncOnce();
    expect(found.problems).toEqual([
      { code: 'device.cloned', level: 'warning', params: { oldId: 'alice', newId: 'alice-r1' }, path: '_local/alice' },
    ]);
    expect(found.ok).toBe(true);
    expect(found.deviceId).toBe('alice-r1');
    expect(found.pending).toBe(0);
    expect(await alice.store.getMeta(META.deviceId)).toBe('alice-r1');
    // New edits carry the new id; the copy keeps the old one and sees nothing wrong.
    expect(alice.clock.device).toBe('alice-r1');
    expect(codes(await copy.engine.syncOnce())).toEqual([]);
    expect(codes(await alice.engine.syncOnce())).toEqual([]);
    expect(codes(await copy.engine.syncOnce())).toEqual([]);
    for (const l of [alice, copy]) expect(Object.keys(l.store.liveRows('accounts')).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(copy.store.fingerprint()).toBe(alice.store.fingerprint());
    const local = await transport.request({ method: 'GET', path: '_local/alice-r1' });
    expect(local.status).toBe(200);
  }, 60_000);

  it('an answer lost after the checkpoint was written does not look like a copy', async () => {
    const transport = await freshDb();
    let drop = false;
    const watched = watchTransport(transport);
    const lossy: CouchTransport = {
      async request(req) {
        const res = await watched.transport.request(req);
        // Written on the server, but the answer never arrives (the connection died).
        if (drop && req.method === 'PUT' && req.path.startsWith('_local/')) return { status: 0, body: { error: 'unreachable', reason: 'ECONNRESET' } };
        return res;
      },
    };
    const bob = await makeLaptop('bob', lossy, { newDeviceId: renames('bob') });
    await bob.edit('contacts', 'c1', { name: 'Jörg Müller', email: 'jörg@bäckerei-weiß.de' });
    expect(codes(await bob.engine.syncOnce())).toEqual([]);
    drop = true;
    await bob.edit('contacts', 'c1', { phone: '0221 1500' });
    expect(codes(await bob.engine.syncOnce())).toEqual(['couch.unreachable']);
    drop = false;
    await bob.edit('contacts', 'c1', { city: 'Bonn' });
    const next = await bob.engine.syncOnce();
    expect(codes(next)).toEqual([]);
    expect(next.deviceId).toBe('bob');
    // The check reads the checkpoint each run: one GET of `_local/bob` per run once marks exist.
    expect(watched.seen.filter((s) => s === 'GET _local/bob').length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('a laptop set up afresh with the same id (no bookkeeping) is not taken for a copy', async () => {
    const transport = await freshDb();
    const first = await makeLaptop('carla', transport);
    await first.edit('deals', 'd1', { title: 'Heizung 1.500 €' });
    await first.engine.syncOnce();
    await first.edit('deals', 'd1', { stage: 'won' });
    await first.engine.syncOnce();
    const again = await makeLaptop('carla', transport);
    expect(codes(await again.engine.syncOnce())).toEqual([]);
    expect(again.store.liveRows('deals')).toEqual({ d1: { title: 'Heizung 1.500 €', stage: 'won' } });
  }, 60_000);
});
