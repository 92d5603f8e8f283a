import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db';
import { wordOf } from '../history-words';
import { migrateV1 } from './v1';
import { migrateV2 } from './v2';
import { migrateV3 } from './v3';

describe('schema v4', () => {
  it('derives the search words of existing interactions, names included', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    migrateV1(old);
    migrateV2(old);
    migrateV3(old);
    await old.table('contacts').bulkAdd([
      { id: 'c1', accountId: 'a', title: '', firstName: 'S. V.', lastName: 'Ivanov' },
      { id: 'c2', accountId: 'a', title: '', firstName: 'Gelöscht', lastName: 'Person', erased: true },
    ]);
    await old.table('interactions').bulkAdd([
      { id: 'i1', accountId: 'a', at: '2026-01-02T10:00:00.000Z', contactIds: ['c1', 'c2', 'gone'], subject: 'Jahresgespräch', summary: 'Preise', nextStep: '' },
      { id: 'i2', accountId: 'a', at: '2026-01-03T10:00:00.000Z', contactIds: [], subject: 'Alt', summary: '', nextStep: '', deletedAt: 5 },
    ]);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(db.interactions.schema.idxByName.words?.multi).toBe(true);
    expect(db.contacts.schema.indexes.map((i) => i.name)).toContain('wordsStale');
    const i1 = (await db.interactions.get('i1')) as { words?: string[] };
    expect(i1.words?.map(wordOf).sort()).toEqual(['ivanov', 'jahresgespraech', 'preise', 's', 'v']);
    expect(await db.interactions.where('words').startsWith('ivan').primaryKeys()).toEqual(['i1']);
    expect(((await db.interactions.get('i2')) as { words?: string[] }).words).toEqual([]);
    db.close();
    await db.delete();
  });
});
