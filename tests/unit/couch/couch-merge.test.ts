// Conflict leaves, encryption, erasure, far-future clocks and pushAll against a real pouchdb-server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../shared/sync/hlc';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../../couch/server';
import { makeLaptop } from '../../couch/clients';
import type { CouchTransport } from '../../../shared/sync/couch/types';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => server?.dispose());

let dbCount = 0;
async function freshDb(): Promise<string> {
  const name = `merge-${++dbCount}`;
  expect(await adminRequest(server.url, 'PUT', name)).toBe(201);
  return `${server.url}/${name}`;
}
const codes = (s: { problems: Array<{ code: string; level: string }> }) => s.problems.map((p) => `${p.level}:${p.code}`);
const h = (wall: number, device: string) => encodeHlc({ wall, counter: 0, device });
const T = Date.UTC(2026, 11, 7, 9);

/** Raw document as the server keeps it (winner, with its conflicts). */
async function rawDoc(t: CouchTransport, id: string): Promise<Record<string, unknown>> {
  return (await t.request({ method: 'GET', path: `${encodeURIComponent(id)}?conflicts=true` })).body as Record<string, unknown>;
}

/** Three leaves of one document, as replication between two servers leaves them (new_edits=false). */
async function makeConflict(t: CouchTransport, id: string): Promise<void> {
  const leaf = (rev: string, f: object) => ({ _id: id, _rev: `2-${rev}`, _revisions: { start: 2, ids: [rev, 'base'] }, f });
  const docs = [
    { _id: id, _rev: '1-base', f: { name: { h: h(T, 'zed'), v: 'Müller GmbH' } } },
    leaf('aaa', { name: { h: h(T + 2, 'x'), v: 'Müller & Co' }, city: { h: h(T + 1, 'x'), v: 'Köln' } }),
    leaf('bbb', { name: { h: h(T + 1, 'y'), v: 'Mueller' }, phone: { h: h(T + 3, 'y'), v: '0221 1500' } }),
  ];
  const r = await t.request({ method: 'POST', path: '_bulk_docs', body: { docs, new_edits: false } });
  expect(r.status).toBe(201);
  expect(((await rawDoc(t, id))._conflicts as string[]).length).toBe(1);
}

describe('conflict leaves', () => {
  it('two laptops resolving the same conflict at once converge, and the losing leaf is gone', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const alice = await makeLaptop('alice', fetchTransport(db));
    const bob = await makeLaptop('bob', fetchTransport(db));
    await alice.engine.syncOnce(); // sets the database up
    await makeConflict(t, 'accounts:a1');
    const [sa, sb] = await Promise.all([alice.engine.syncOnce(), bob.engine.syncOnce()]);
    expect(sa.ok && sb.ok).toBe(true);
    expect([...codes(sa), ...codes(sb)]).toContain('info:couch.conflictsResolved');
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    const doc = await rawDoc(t, 'accounts:a1');
    expect(doc._conflicts ?? []).toEqual([]);
    const merged = { name: 'Müller & Co', city: 'Köln', phone: '0221 1500' };
    expect(alice.store.liveRows('accounts')).toEqual({ a1: merged });
    expect(bob.store.fingerprint()).toBe(alice.store.fingerprint());
    const carol = await makeLaptop('carol', t);
    await carol.engine.syncOnce();
    expect(carol.store.liveRows('accounts')).toEqual({ a1: merged });
  });

  it('a local edit pushed onto a conflicted document merges every leaf and removes the losers', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const alice = await makeLaptop('alice', t, {}, () => T + 60_000);
    await alice.engine.syncOnce();
    await makeConflict(t, 'accounts:a2');
    await alice.edit('accounts', 'a2', { city: 'Bonn' });
    // The push (pull first would resolve it too; here the document is conflicted when the push reads it).
    expect(await alice.engine.pushAll(await alice.store.pending())).toBe(1);
    const doc = await rawDoc(t, 'accounts:a2');
    expect(doc._conflicts ?? []).toEqual([]);
    expect(Object.keys(doc.f as object).sort()).toEqual(['city', 'name', 'phone']);
    // pushAll leaves the queue alone (the move replays with it); the next run finds nothing new to write.
    expect((await alice.store.pending()).length).toBe(1);
    const s = await alice.engine.syncOnce();
    expect(s.pending).toBe(0);
    expect(alice.store.liveRows('accounts')).toEqual({ a2: { name: 'Müller & Co', city: 'Bonn', phone: '0221 1500' } });
  });


  it('erasing a conflicted document leaves no leaf with the old values (purged, or deleted where the server has no _purge)', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const alice = await makeLaptop('alice', t, {}, () => T + 60_000);
    await alice.engine.syncOnce();
    await makeConflict(t, 'accounts:a3');
    await alice.engine.syncOnce();
    await makeConflict(t, 'accounts:a4');
    await alice.erase('accounts', 'a4');
    const s = await alice.engine.syncOnce();
    expect(s.ok).toBe(true);
    const doc = await rawDoc(t, 'accounts:a4');
    expect(doc._conflicts ?? []).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('ller');
    const leaves = (await t.request({ method: 'GET', path: 'accounts%3Aa4?open_revs=all' })).body;
    expect(JSON.stringify(leaves)).not.toContain('ller');
  });
});

describe('encryption', () => {
  it('values are end-to-end encrypted; the right passphrase reads them, a wrong or missing one imports nothing', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const alice = await makeLaptop('alice', t, { passphrase: 'Kaffee und Kuchen 1.500' });
    await alice.edit('contacts', 'c1', { name: 'Jörg Weiß', email: 'jörg@bäckerei-weiß.de' });
    expect(codes(await alice.engine.syncOnce())).toEqual([]);
    const raw = JSON.stringify(await rawDoc(t, 'contacts:c1'));
    expect(raw).not.toContain('Weiß');
    expect(raw).not.toContain('bäckerei');
    expect(JSON.stringify(await rawDoc(t, 'rapport:key'))).toContain('PBKDF2-SHA256');

    const saved = new Map<string, CryptoKey>();
    const keyring = { get: async (id: string) => saved.get(id), save: async (id: string, k: CryptoKey) => void saved.set(id, k) };
    const bob = await makeLaptop('bob', t, { passphrase: 'Kaffee und Kuchen 1.500', keyring });
    expect(codes(await bob.engine.syncOnce())).toEqual([]);
    expect(bob.store.liveRows('contacts')).toEqual({ c1: { name: 'Jörg Weiß', email: 'jörg@bäckerei-weiß.de' } });
    expect(saved.size).toBe(1);
    // Bob's edit travels encrypted too, and Alice reads it.
    await bob.edit('contacts', 'c1', { phone: '+49 221 1500' });
    await bob.engine.syncOnce();
    await alice.engine.syncOnce();
    expect(alice.store.liveRows('contacts').c1).toEqual({ name: 'Jörg Weiß', email: 'jörg@bäckerei-weiß.de', phone: '+49 221 1500' });

    const wrong = await makeLaptop('carol', t, { passphrase: 'Kaffee und Kuchen 1500' });
    await wrong.edit('contacts', 'c2', { name: 'Carola' });
    const sw = await wrong.engine.syncOnce();
    expect(codes(sw)).toEqual(['error:crypto.wrongPassphrase']);
    expect(sw.pending).toBe(1);
    expect(wrong.store.liveRows('contacts')).toEqual({ c2: { name: 'Carola' } });
    const none = await makeLaptop('dora', t);
    expect(codes(await none.engine.syncOnce())).toEqual(['error:crypto.passphraseRequired']);
    expect(await none.store.exportAll()).toEqual([]);
  });

  it('a value moved to another document or field does not decrypt: that document is reported, nothing of it imported', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const alice = await makeLaptop('alice', t, { passphrase: 'geheim' });
    await alice.edit('contacts', 'c1', { name: 'Anna' });
    await alice.edit('contacts', 'c2', { name: 'Berta' });
    await alice.engine.syncOnce();
    const c1 = await rawDoc(t, 'contacts:c1');
    const c2 = await rawDoc(t, 'contacts:c2');
    (c2.f as Record<string, { v: unknown }>).name!.v = (c1.f as Record<string, { v: unknown }>).name!.v;
    delete c2._conflicts;
    expect((await t.request({ method: 'PUT', path: 'contacts%3Ac2', body: c2 })).status).toBe(201);
    const bob = await makeLaptop('bob', t, { passphrase: 'geheim' });
    const s = await bob.engine.syncOnce();
    expect(s.problems.map((p) => [p.code, p.path])).toEqual([['segment.decryptFailed', 'contacts:c2']]);
    expect(bob.store.liveRows('contacts')).toEqual({ c1: { name: 'Anna' } });
  });
});

describe('erasure and clocks', () => {
  it('an erased row keeps only stamps on the server and on every laptop', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const alice = await makeLaptop('alice', t);
    const bob = await makeLaptop('bob', t);
    await alice.edit('contacts', 'c9', { name: 'Erika Mustermann', email: 'erika@example.de' });
    await alice.engine.syncOnce();
    await bob.engine.syncOnce();
    await alice.erase('contacts', 'c9');
    await alice.engine.syncOnce();
    const doc = await rawDoc(t, 'contacts:c9');
    expect(JSON.stringify(doc)).not.toContain('Erika');
    expect((doc.f as Record<string, { v: unknown }>)._erased!.v).toBe(true);
    // Bob edits the row before he learns of the erasure: the edit's value never reaches the server.
    await bob.edit('contacts', 'c9', { email: 'erika.neu@example.de' });
    await bob.engine.syncOnce();
    expect(JSON.stringify(await rawDoc(t, 'contacts:c9'))).not.toContain('erika');
    await alice.engine.syncOnce();
    expect(bob.store.fingerprint()).toBe(alice.store.fingerprint());
    expect(JSON.stringify(await bob.store.exportAll())).not.toContain('rika');
  });

  it('documents written by a clock two days ahead wait until trusted', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const fast = await makeLaptop('fast', t, {}, () => Date.now() + 2 * 86_400_000);
    await fast.edit('accounts', 'a1', { name: 'Zukunft AG' });
    await fast.engine.syncOnce();
    const alice = await makeLaptop('alice', t);
    const s = await alice.engine.syncOnce();
    expect(codes(s)).toEqual(['warning:segment.futureClock']);
    expect(s.quarantined.map((q) => [q.path, q.device])).toEqual([['accounts:a1', 'fast']]);
    expect(alice.store.liveRows('accounts')).toEqual({});
    // Still held on the next run (the checkpoint moved on, the document is re-read from the quarantine list).
    expect((await alice.engine.syncOnce()).quarantined).toHaveLength(1);
    await alice.engine.trustFutureClock('fast');
    const trusted = await alice.engine.syncOnce();
    expect(trusted.quarantined).toEqual([]);
    expect(alice.store.liveRows('accounts')).toEqual({ a1: { name: 'Zukunft AG' } });
  });
});

describe('pushAll (the folder→server replay)', () => {
  it('two laptops replaying the same state at once write it once; a second replay writes nothing', async () => {
    const db = await freshDb();
    const t = fetchTransport(db);
    const alice = await makeLaptop('alice', t);
    const bob = await makeLaptop('bob', fetchTransport(db));
    // The folder's merged state, as both laptops hold it after their last folder run.
    for (let i = 0; i < 50; i++) await alice.edit('accounts', `a${i}`, { name: `Firma ${i}`, city: 'Köln' });
    await bob.store.apply(await alice.store.exportAll());
    const [wa, wb] = await Promise.all([alice.engine.pushAll(await alice.store.exportAll()), bob.engine.pushAll(await bob.store.exportAll())]);
    expect(wa + wb).toBe(50);
    expect(await alice.engine.pushAll(await alice.store.exportAll())).toBe(0);
    const carol = await makeLaptop('carol', t);
    await carol.engine.syncOnce();
    expect(carol.store.fingerprint()).toBe(alice.store.fingerprint());
  });
});
