import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { wordOf } from '../../history/words';
import { migrateV1 } from './v1';
import { migrateV2 } from './v2';
import { migrateV3 } from './v3';
import { migrateV4 } from './v4';

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

    // Opened at v4 itself: v8 dropped the words index again (the rows keep their words).
    const db = new Dexie(name);
    for (const migrate of [migrateV1, migrateV2, migrateV3, migrateV4]) migrate(db);
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.table('interactions').schema.idxByName.words?.multi).toBe(true);
    expect(db.table('contacts').schema.indexes.map((i) => i.name)).toContain('wordsStale');
    const i1 = (await db.table('interactions').get('i1')) as { words?: string[] };
    expect(i1.words?.map(wordOf).sort()).toEqual(['ivanov', 'jahresgesprach', 'jahresgespraech', 'preise', 's', 'v']);
    expect(await db.table('interactions').where('words').startsWith('ivan').primaryKeys()).toEqual(['i1']);
    expect(((await db.table('interactions').get('i2')) as { words?: string[] }).words).toEqual([]);
    db.close();
    await db.delete();
  });
});
