import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db';
import { migrateV1 } from './v1';
import { migrateV2 } from './v2';

describe('schema v3', () => {
  it('adds the sync tables and keeps existing rows', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    migrateV1(old);
    migrateV2(old);
    await old.table('accounts').add({ id: 'a1', name: 'Müller GmbH', ownerId: 'u', updatedAt: 5 });
    await old.table('merges').add({ id: 'm1', at: '2026-11-01T00:00:00.000Z', survivorId: 'a1', loserId: 'a2', updatedAt: 7 });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    const names = db.tables.map((t) => t.name);
    for (const t of ['syncRows', 'syncPending', 'syncMeta', 'syncDeletes']) expect(names).toContain(t);
    expect(await db.table('accounts').get('a1')).toMatchObject({ name: 'Müller GmbH' });
    expect(await db.table('merges').where('updatedAt').above(6).primaryKeys()).toEqual(['m1']);
    expect(db.table('accounts').schema.indexes.map((i) => i.name)).toContain('syncDirty');
    expect(db.table('accounts').schema.indexes.map((i) => i.name)).toContain('[ownerId+sortKey]');
    db.close();
    await db.delete();
  });
});
