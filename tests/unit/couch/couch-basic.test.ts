import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../../couch/server';
import { makeLaptop } from '../../couch/clients';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => server?.dispose());

let dbCount = 0;
async function freshDb(): Promise<string> {
  const name = `team-${++dbCount}`;
  expect(await adminRequest(server.url, 'PUT', name)).toBe(201);
  return `${server.url}/${name}`;
}

describe('CouchEngine against pouchdb-server', () => {
  it('two laptops exchange edits, deletions and restores', async () => {
    const db = await freshDb();
    const alice = await makeLaptop('alice', fetchTransport(db));
    const bob = await makeLaptop('bob', fetchTransport(db));
    await alice.edit('accounts', 'a1', { name: 'Müller GmbH', city: 'Köln' });
    const s1 = await alice.engine.syncOnce();
    expect(s1.problems).toEqual([]);
    expect(s1.ok).toBe(true);
    expect(s1.written).toBe(1);
    expect(s1.pending).toBe(0);
    const s2 = await bob.engine.syncOnce();
    expect(s2.folderId).toBe(s1.folderId);
    expect(bob.store.liveRows('accounts')).toEqual({ a1: { name: 'Müller GmbH', city: 'Köln' } });

    await bob.remove('accounts', 'a1');
    await bob.engine.syncOnce();
    await alice.engine.syncOnce();
    expect(alice.store.liveRows('accounts')).toEqual({});
    await alice.edit('accounts', 'a1', { city: 'Bonn' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('accounts')).toEqual({ a1: { name: 'Müller GmbH', city: 'Bonn' } });
    expect(bob.store.fingerprint()).toBe(alice.store.fingerprint());
  });

  it('concurrent edits of different fields of one row both survive; the same field keeps the later edit', async () => {
    const db = await freshDb();
    const alice = await makeLaptop('alice', fetchTransport(db));
    const bob = await makeLaptop('bob', fetchTransport(db));
    await alice.edit('contacts', 'c1', { name: 'Jörg Weiß', email: 'jörg@bäckerei-weiß.de' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    await alice.edit('contacts', 'c1', { phone: '0221 1234' });
    await bob.edit('contacts', 'c1', { email: 'joerg@baeckerei-weiss.de' });
    await alice.edit('contacts', 'c1', { name: 'Jörg Weiss' });
    await bob.edit('contacts', 'c1', { name: 'J. Weiß' });
    await Promise.all([alice.engine.syncOnce(), bob.engine.syncOnce()]);
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    expect(alice.store.fingerprint()).toBe(bob.store.fingerprint());
    expect(alice.store.liveRows('contacts')).toEqual({ c1: { name: 'J. Weiß', email: 'joerg@baeckerei-weiss.de', phone: '0221 1234' } });
  });
});
