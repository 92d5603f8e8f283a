import { afterEach, describe, expect, it } from 'vitest';
import { MemoryFolder } from '../../../shared/sync/memory-folder';
import { emptyTrash } from '../accounts/account-writes';
import { openDb, type RapportDb, useDatabase } from '../core/db';
import { createDbSync } from './run';

const opened: RapportDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function laptop(name: string, folder: MemoryFolder) {
  const db = openDb(`sync-unit-${name}-${crypto.randomUUID()}`);
  opened.push(db);
  return { db, sync: createDbSync(db, folder, { deviceId: name }) };
}

const account = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Firma ${id}`, ownerId: 'u', tags: [], updatedAt: Date.now(), ...extra }) as never;

describe('Dexie sync store', () => {
  it('queues only changed fields, and nothing when nothing changed', async () => {
    const folder = new MemoryFolder();
    const a = laptop('alice', folder);
    await a.db.accounts.put(account('x'));
    await a.sync.sync();
    expect(await a.sync.pendingCount()).toBe(0);
    await a.db.accounts.update('x', { city: 'Köln', updatedAt: Date.now() });
    expect(await a.sync.pendingCount()).toBe(1); // the dirty row
    const status = await a.sync.sync();
    expect(status.written).toBe(1); // one field: city
    expect((await a.sync.sync()).written).toBe(0);
    expect((await a.db.accounts.get('x')) as object).not.toHaveProperty('syncDirty');
  });

  it('emptying the trash tells the other laptops (contacts and history of the account go too)', async () => {
    const folder = new MemoryFolder();
    const [a, b] = [laptop('alice', folder), laptop('bob', folder)];
    await a.db.accounts.put(account('x'));
    await a.db.contacts.put({ id: 'c', accountId: 'x', lastName: 'Groß', updatedAt: Date.now() } as never);
    await a.sync.sync();
    await b.sync.sync();
    await a.db.accounts.update('x', { deletedAt: Date.now(), updatedAt: Date.now() });
    useDatabase(a.db);
    expect(await emptyTrash()).toBe(1);
    await a.sync.sync();
    await b.sync.sync();
    expect((await b.db.accounts.get('x'))?.deletedAt).toBeDefined();
    expect((await b.db.contacts.get('c'))?.deletedAt).toBeDefined();
  });
});
