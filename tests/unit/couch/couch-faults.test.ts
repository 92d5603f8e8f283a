// Each fault of issue #21 against a real pouchdb-server: a clear problem, and nothing lost.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, type CouchServer, fetchTransport, freePort, removeDir, startCouchServer } from '../../couch/server';
import { makeLaptop, watchTransport } from '../../couch/clients';

const ADMIN = { user: 'admin', password: 'geheim-1500' };
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer({ admin: ADMIN });
}, 60_000);
afterAll(async () => server?.dispose());

let dbCount = 0;
async function freshDb(): Promise<string> {
  const name = `faults-${++dbCount}`;
  expect(await adminRequest(server.url, 'PUT', name, ADMIN)).toBe(201);
  return `${server.url}/${name}`;
}
const codes = (s: { problems: Array<{ code: string; level: string }> }) => s.problems.map((p) => `${p.level}:${p.code}`);

describe('CouchDB faults', () => {
  it('a server restart in the middle of a push: the run stops as unreachable, the next run finishes, nothing lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-couch-disk-'));
    const disk = await startCouchServer({ dir });
    try {
      expect(await adminRequest(disk.url, 'PUT', 'team')).toBe(201);
      let bulk = 0;
      const watched = watchTransport(fetchTransport(`${disk.url}/team`), async (req) => {
        // The third page's write is on the wire when the server dies.
        if (req.path === '_bulk_docs' && ++bulk === 3) setTimeout(() => void disk.stop(), 5);
      });
      const alice = await makeLaptop('alice', watched.transport, { batchSize: 100 });
      for (let i = 0; i < 600; i++) await alice.edit('accounts', `a${i}`, { name: `Bäckerei ${i}`, city: 'Köln' });
      const broken = await alice.engine.syncOnce();
      expect(codes(broken)).toEqual(['error:couch.unreachable']);
      expect(broken.ok).toBe(false);
      // Pages confirmed before the crash left the queue; everything else waits.
      expect(broken.pending).toBeGreaterThan(0);
      expect(broken.pending).toBeLessThanOrEqual(1200 - 2 * 200);
      await disk.restart();
      const healed = await alice.engine.syncOnce();
      expect(codes(healed)).toEqual([]);
      expect(healed.pending).toBe(0);
      const bob = await makeLaptop('bob', fetchTransport(`${disk.url}/team`));
      await bob.engine.syncOnce();
      expect(bob.store.fingerprint()).toBe(alice.store.fingerprint());
      expect(Object.keys(bob.store.liveRows('accounts'))).toHaveLength(600);
    } finally {
      await disk.dispose();
      removeDir(dir);
    }
  }, 120_000);

  it('the server stopped: couch.unreachable, the queue and the data stay, and sync resumes after it is back', async () => {
    const mem = await startCouchServer();
    try {
      await adminRequest(mem.url, 'PUT', 'team');
      const alice = await makeLaptop('alice', fetchTransport(`${mem.url}/team`));
      await alice.edit('contacts', 'c1', { name: 'Anna Müller' });
      await alice.engine.syncOnce();
      await mem.stop();
      await alice.edit('contacts', 'c1', { phone: '+49 221 1500' });
      const before = alice.store.fingerprint();
      const s = await alice.engine.syncOnce();
      expect(codes(s)).toEqual(['error:couch.unreachable']);
      expect(s.pending).toBe(1);
      expect(alice.store.fingerprint()).toBe(before);
      await mem.restart(); // in memory: it comes back empty, so this laptop's state is sent again
      await adminRequest(mem.url, 'PUT', 'team');
      const back = await alice.engine.syncOnce();
      expect(codes(back)).toEqual(['warning:couch.databaseReplaced']);
      expect(back.pending).toBe(0);
      const bob = await makeLaptop('bob', fetchTransport(`${mem.url}/team`));
      await bob.engine.syncOnce();
      expect(bob.store.liveRows('contacts')).toEqual({ c1: { name: 'Anna Müller', phone: '+49 221 1500' } });
    } finally {
      await mem.dispose();
    }
  }, 60_000);

  it('409: a write in between is merged and resent; both edits survive', async () => {
    const db = await freshDb();
    const bob = await makeLaptop('bob', fetchTransport(db));
    let once = true;
    const watched = watchTransport(fetchTransport(db), async (req) => {
      // Bob writes the same rows after Alice read them and before her write arrives.
      if (req.path === '_bulk_docs' && once) {
        once = false;
        await bob.engine.syncOnce();
      }
    });
    const alice = await makeLaptop('alice', watched.transport);
    for (let i = 0; i < 20; i++) {
      await alice.edit('accounts', `a${i}`, { name: `Firma ${i}` });
      await bob.edit('accounts', `a${i}`, { city: 'Düsseldorf' });
    }
    const s = await alice.engine.syncOnce();
    expect(codes(s)).toEqual(['info:couch.conflict']);
    expect(s.problems[0]!.params).toEqual({ count: 20 });
    expect(s.pending).toBe(0);
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('accounts').a7).toEqual({ name: 'Firma 7', city: 'Düsseldorf' });
    expect(alice.store.fingerprint()).toBe(bob.store.fingerprint());
  });

  it('wrong credentials: couch.unauthorized, nothing sent, nothing lost', async () => {
    const db = await freshDb();
    const alice = await makeLaptop('alice', fetchTransport(db, { user: ADMIN.user, password: 'falsch' }), { labels: { server: server.url, user: 'admin' } });
    await alice.edit('accounts', 'a1', { name: 'Müller' });
    const s = await alice.engine.syncOnce();
    expect(codes(s)).toEqual(['error:couch.unauthorized']);
    expect(s.problems[0]!.params).toEqual({ user: 'admin' });
    expect(s.pending).toBe(1);
    const right = await makeLaptop('alice2', fetchTransport(db, ADMIN));
    expect((await right.engine.syncOnce()).ok).toBe(true);
  });

  it('a wrong URL: a web page is couch.notCouch, a wrong database name couch.notFound, a dead port couch.unreachable', async () => {
    const port = await freePort();
    const web: Server = createServer((req, res) => {
      res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Willkommen</title>');
    });
    await new Promise<void>((r) => web.listen(port, '127.0.0.1', r));
    try {
      for (const url of [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port}/team`]) {
        const l = await makeLaptop('alice', fetchTransport(url), { labels: { server: url } });
        const s = await l.engine.syncOnce();
        expect(codes(s)).toEqual(['error:couch.notCouch']);
        expect(s.problems[0]!.params).toEqual({ url });
      }
    } finally {
      web.close();
    }
    const wrongName = await makeLaptop('alice', fetchTransport(`${server.url}/no-such-team`), { labels: { database: 'no-such-team' } });
    const s = await wrongName.engine.syncOnce();
    expect(codes(s)).toEqual(['error:couch.notFound']);
    expect(s.problems[0]!.params).toEqual({ database: 'no-such-team' });
    const dead = await makeLaptop('alice', fetchTransport(`http://127.0.0.1:${await freePort()}/team`));
    expect(codes(await dead.engine.syncOnce())).toEqual(['error:couch.unreachable']);
  });

  it('the database deleted on the server: couch.notFound and nothing lost; recreated, the whole state is sent again', async () => {
    const db = await freshDb();
    const name = db.slice(server.url.length + 1);
    const alice = await makeLaptop('alice', fetchTransport(db));
    await alice.edit('accounts', 'a1', { name: 'Schulz & Söhne' });
    await alice.edit('accounts', 'a2', { name: 'Weiß KG' });
    const first = await alice.engine.syncOnce();
    expect(await adminRequest(server.url, 'DELETE', name, ADMIN)).toBe(200);
    await alice.edit('accounts', 'a2', { city: 'Bonn' });
    const before = alice.store.fingerprint();
    const gone = await alice.engine.syncOnce();
    expect(codes(gone)).toEqual(['error:couch.notFound']);
    expect(gone.pending).toBe(1);
    expect(alice.store.fingerprint()).toBe(before);
    expect(await adminRequest(server.url, 'PUT', name, ADMIN)).toBe(201);
    const again = await alice.engine.syncOnce();
    expect(codes(again)).toEqual(['warning:couch.databaseReplaced']);
    expect(again.folderId).not.toBe(first.folderId);
    expect(again.pending).toBe(0);
    const bob = await makeLaptop('bob', fetchTransport(db));
    await bob.engine.syncOnce();
    expect(bob.store.liveRows('accounts')).toEqual({ a1: { name: 'Schulz & Söhne' }, a2: { name: 'Weiß KG', city: 'Bonn' } });
  });
});
