/**
 * Three laptops = three Dexie databases (fake-indexeddb) syncing through a real temp directory with
 * the Electron NodeFolder. Writes go through plain Dexie, the way feature code writes; sync finds
 * them through the capture middleware.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeFolder } from '../../electron/sync/node-folder';
import { openDb, type RapportDb } from '../../renderer/db/core/db';
import { createDbSync, type DbSync } from '../../renderer/db/sync/run';
import type { Folder } from '../../shared/sync';

let dir: string;
let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
const now = () => clock;
const opened: RapportDb[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-dexie-sync-'));
});
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
  await rm(dir, { recursive: true, force: true });
});

type Laptop = { db: RapportDb; sync: DbSync; writes: string[]; reads: string[] };

function laptop(name: string, folder: Folder = new NodeFolder(dir)): Laptop {
  const db = openDb(`sync-${name}-${crypto.randomUUID()}`);
  opened.push(db);
  const writes: string[] = [];
  const reads: string[] = [];
  const counting: Folder = { ...folder, list: (p) => folder.list(p), read: (p) => (reads.push(p), folder.read(p)), remove: (p) => folder.remove(p), writeAtomic: (p, b) => (writes.push(p), folder.writeAtomic(p, b)) };
  return { db, writes, reads, sync: createDbSync(db, counting, { deviceId: name, now, pbkdf2Iterations: 1000, passphrase: 'Außendienst 2026' }) };
}

const account = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  ({ id, name, customerNumber: '', kind: 'company', city: 'Köln', tags: ['a'], ownerId: 'u1', archived: false, updatedAt: now(), ...extra }) as never;
const contact = (id: string, accountId: string, lastName: string) =>
  ({ id, accountId, firstName: 'Jörg', lastName, email: 'j@example.de', birthday: { month: 2, day: 29 }, updatedAt: now() }) as never;

async function syncAll(...laptops: Laptop[]) {
  for (const l of laptops) expect((await l.sync.sync()).problems.filter((p) => p.level === 'error')).toEqual([]);
}
const state = async (l: Laptop) => (await l.sync.store.exportAll()).map((c) => `${c.table}/${c.rowId}/${c.field}=${c.hlc}=${JSON.stringify(c.value)}`).sort();

describe('folder sync between three Dexie databases', () => {
  it('edits converge, deletions propagate, and a no-op run writes nothing', async () => {
    const [a, b, c] = [laptop('alice'), laptop('bob'), laptop('carla')];
    await a.db.accounts.put(account('acc1', 'Müller Haustechnik GmbH'));
    await b.db.contacts.put(contact('con1', 'acc1', 'Weiß'));
    await c.db.activityPlans.put({ id: 'plan1', segment: 'A-expand', steps: [], updatedAt: now() } as never);
    await syncAll(a, b, c, a, b);
    for (const l of [a, b, c]) {
      expect(await l.db.accounts.get('acc1')).toMatchObject({ name: 'Müller Haustechnik GmbH', tags: ['a'] });
      expect(await l.db.contacts.get('con1')).toMatchObject({ lastName: 'Weiß', birthday: { month: 2, day: 29 } });
      expect(await l.db.activityPlans.get('plan1')).toBeDefined();
    }
    expect(await state(a)).toEqual(await state(c));

    clock += 60_000;
    await b.db.accounts.update('acc1', { city: 'Düsseldorf', updatedAt: now() });
    await b.db.contacts.update('con1', { deletedAt: now(), updatedAt: now() }); // to the trash
    await c.db.activityPlans.delete('plan1'); // no trash: removed for good
    await syncAll(b, c, a, b, c);
    for (const l of [a, b, c]) {
      expect((await l.db.accounts.get('acc1'))?.city).toBe('Düsseldorf');
      expect((await l.db.contacts.get('con1'))?.deletedAt).toBe(now());
      expect(await l.db.activityPlans.get('plan1')).toBeUndefined();
    }
    expect(await state(a)).toEqual(await state(b));
    expect(await state(b)).toEqual(await state(c));

    // Nothing new anywhere: no file is written, no local row rewritten, nothing queued.
    for (const l of [a, b, c]) l.writes.length = 0;
    const before = await readdir(dir, { recursive: true });
    await syncAll(a, b, c);
    expect([...a.writes, ...b.writes, ...c.writes]).toEqual([]);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before.sort());
    for (const l of [a, b, c]) expect(await l.sync.pendingCount()).toBe(0);
  });

  it('concurrent edits of one field resolve by edit time, identically everywhere', async () => {
    const [a, b, c] = [laptop('alice'), laptop('bob'), laptop('carla')];
    await a.db.accounts.put(account('acc1', 'Schmidt KG'));
    await syncAll(a, b, c);
    clock += 1000;
    await a.db.accounts.update('acc1', { name: 'Schmidt KG (Alice)', updatedAt: now() });
    clock += 1000;
    await b.db.accounts.update('acc1', { name: 'Schmidt KG (Bob)', updatedAt: now() });
    await c.db.accounts.update('acc1', { city: 'Essen', updatedAt: now() });
    clock += 60_000;
    // Bob syncs first, Alice later: Alice's earlier edit still loses, on every laptop.
    await syncAll(b, a, c, b, a);
    for (const l of [a, b, c]) expect(await l.db.accounts.get('acc1')).toMatchObject({ name: 'Schmidt KG (Bob)', city: 'Essen' });
    expect(await state(a)).toEqual(await state(c));
  });

  it('a local edit made after capture is not overwritten by a remote change', async () => {
    const [a, b] = [laptop('alice'), laptop('bob')];
    await a.db.accounts.put(account('acc1', 'Becker'));
    await syncAll(a, b);
    clock += 1000;
    await b.db.accounts.update('acc1', { city: 'Bonn', updatedAt: now() });
    await syncAll(b);
    clock += 1000;
    await a.db.accounts.update('acc1', { notes: 'Rückruf Montag', updatedAt: now() });
    // Alice applies Bob's change without capturing first (as if the edit landed mid-run).
    await a.sync.engine.init();
    await a.sync.engine.syncOnce();
    expect(await a.db.accounts.get('acc1')).toMatchObject({ city: 'Bonn', notes: 'Rückruf Montag' });
    await syncAll(a, b);
    expect(await b.db.accounts.get('acc1')).toMatchObject({ city: 'Bonn', notes: 'Rückruf Montag' });
  });

  it('an erasure reaches the other laptops without the old values', async () => {
    const [a, b, c] = [laptop('alice'), laptop('bob'), laptop('carla')];
    await a.db.accounts.put(account('acc1', 'Bäckerei Groß'));
    await a.db.contacts.put(contact('con1', 'acc1', 'Özdemir'));
    await syncAll(a, b, c);
    clock += 1000;
    await b.db.contacts.put({ id: 'con1', accountId: 'acc1', firstName: '', lastName: '', email: '', erased: true, updatedAt: now() } as never);
    await syncAll(b, a, c);
    for (const l of [a, b, c]) {
      const row = await l.db.contacts.get('con1');
      expect(row).toMatchObject({ erased: true, lastName: '', accountId: 'acc1' });
      expect(JSON.stringify(row)).not.toContain('Özdemir');
      expect(JSON.stringify(await state(l))).not.toContain('Özdemir');
    }
    // A later edit of the erased person on a laptop that had not seen the erasure brings nothing back.
    await c.db.contacts.update('con1', { lastName: 'Özdemir', updatedAt: now() });
    await syncAll(c, a);
    expect(JSON.stringify(await a.db.contacts.get('con1'))).not.toContain('Özdemir');
  });

  it('a writer killed between temp write and rename loses nothing', async () => {
    let kill = false;
    const node = new NodeFolder(dir, {
      rename: async (from, to) => {
        if (kill) throw Object.assign(new Error('process killed'), { code: 'EKILLED' });
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    });
    const [a, b] = [laptop('alice', node), laptop('bob')];
    await a.db.accounts.put(account('acc1', 'Elektro Jäger'));
    await syncAll(a, b);
    clock += 1000;
    await a.db.accounts.update('acc1', { city: 'Münster', updatedAt: now() });
    kill = true;
    const failed = await a.sync.sync();
    expect(failed.problems.map((p) => p.code)).toContain('folder.writeFailed');
    expect(await a.sync.pendingCount()).toBeGreaterThan(0);
    kill = false;
    await syncAll(a, b);
    expect((await b.db.accounts.get('acc1'))?.city).toBe('Münster');
    expect(await a.sync.pendingCount()).toBe(0);
  });

  it('a run with nothing new reads no file; a new file or a local edit makes the next run a full one', async () => {
    const [a, b] = [laptop('alice'), laptop('bob')];
    await a.db.accounts.put(account('acc1', 'Autohaus Kühn'));
    await syncAll(a, b, a, b, a, b);
    a.reads.length = 0;
    const quick = await a.sync.sync();
    expect(quick.ok).toBe(true);
    expect(a.reads).toEqual([]);

    clock += 1000;
    await b.db.accounts.update('acc1', { city: 'Gießen', updatedAt: now() });
    await syncAll(b);
    await syncAll(a);
    expect((await a.db.accounts.get('acc1'))?.city).toBe('Gießen');

    clock += 1000;
    await a.db.accounts.update('acc1', { notes: 'Termin Dienstag', updatedAt: now() });
    expect((await a.sync.sync()).written).toBe(1);
    await syncAll(b);
    expect((await b.db.accounts.get('acc1'))?.notes).toBe('Termin Dienstag');

    // The heartbeat still comes: after an hour a full run rewrites the state file.
    await syncAll(a, a);
    a.writes.length = 0;
    clock += 3_600_000;
    await syncAll(a);
    expect(a.writes).toEqual(['state/alice.json']);
  });
});
