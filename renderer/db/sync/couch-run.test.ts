/**
 * Two laptops' app databases converge through a real pouchdb-server (started here on 127.0.0.1) with
 * the same capture and store as folder sync; a stopped server keeps the edit queued.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../../../tests/couch/server';
import { openDb, useDatabase as setAppDb, type RapportDb } from '../core/db';
import { createCouchDbSync } from './couch-run';

const ADMIN = { user: 'admin', password: 'Geheim-2026' };
let server: CouchServer;
const opened: RapportDb[] = [];

beforeAll(async () => {
  server = await startCouchServer({ admin: ADMIN });
  expect(await adminRequest(server.url, 'PUT', 'rapport-nord', ADMIN)).toBe(201);
}, 60_000);
afterAll(() => server.dispose());
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function laptop(name: string): RapportDb {
  const db = openDb(`couch-${name}-${crypto.randomUUID()}`);
  opened.push(db);
  setAppDb(db);
  return db;
}

describe('createCouchDbSync', () => {
  it('carries an account edit from one laptop to the other and keeps it queued while the server is down', async () => {
    const transport = fetchTransport(`${server.url}/rapport-nord`, ADMIN);
    const a = laptop('anna');
    const b = laptop('ben');
    const syncA = createCouchDbSync(a, transport, { deviceId: 'danna0001' });
    const syncB = createCouchDbSync(b, transport, { deviceId: 'dben00001' });
    await a.table('accounts').add({ id: 'acc-1', name: 'Bäckerei Weiß', city: 'Köln', updatedAt: Date.now() });
    expect(await syncA.pendingCount()).toBe(1);
    const first = await syncA.sync();
    expect(first.problems).toEqual([]);
    expect(first.ok).toBe(true);
    expect(await syncA.pendingCount()).toBe(0);
    await syncB.sync();
    expect(await b.table('accounts').get('acc-1')).toMatchObject({ name: 'Bäckerei Weiß', city: 'Köln' });

    await b.table('accounts').update('acc-1', { city: 'Düsseldorf', updatedAt: Date.now() + 1 });
    await server.stop();
    const offline = await syncB.sync();
    expect(offline.ok).toBe(false);
    expect(offline.problems.map((p) => p.code)).toContain('couch.unreachable');
    expect(await syncB.pendingCount()).toBeGreaterThan(0);
  });
});
