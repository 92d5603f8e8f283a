import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { collationKey } from '../../../../shared/text/collation';
import { openDb } from '../db';
import { migrateV1 } from './v1';

describe('schema v2', () => {
  it('adds the collation key to existing accounts and the merges table', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    migrateV1(old);
    await old.table('accounts').bulkAdd([
      { id: '1', name: 'Zimmerei Özdemir', ownerId: 'u' },
      { id: '2', name: 'Äpfel & Co', ownerId: 'u' },
    ]);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2); // later versions only add tables
    expect(db.tables.map((t) => t.name)).toContain('merges');
    const byKey = await db.accounts.orderBy('sortKey').toArray();
    expect(byKey.map((a) => a.name)).toEqual(['Äpfel & Co', 'Zimmerei Özdemir']);
    expect((byKey[0] as { sortKey?: string }).sortKey).toBe(collationKey('Äpfel & Co'));
    const mine = await db.accounts.where('[ownerId+sortKey]').between(['u', ''], ['u', '\uffff']).primaryKeys();
    expect(mine).toEqual(['2', '1']);
    db.close();
    await db.delete();
  });
});
