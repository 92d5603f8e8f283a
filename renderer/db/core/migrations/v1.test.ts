import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { type RapportDb } from '../db';
import { migrateV1, V1_STORES } from './v1';

/** A database at schema v1 only, as the first release created it. */
function openDb(name: string): RapportDb {
  const db = new Dexie(name) as RapportDb;
  migrateV1(db);
  return db;
}

describe('schema v1', () => {
  it('creates every table with its indexes', async () => {
    const db = openDb(`v1-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(V1_STORES).sort());
    const interactionIdx = db.table('interactions').schema.indexes.map((i) => i.name);
    expect(interactionIdx).toContain('[accountId+at]');
    const contactIdx = db.table('contacts').schema.indexes.map((i) => i.name);
    expect(contactIdx).toContain('[birthday.month+birthday.day]');
    db.close();
    await db.delete();
  });

  it('answers the timeline query through its compound index', async () => {
    const db = openDb(`v1-${crypto.randomUUID()}`);
    const base = { userId: 'u', contactIds: [] as string[], subject: '', summary: '', nextStep: '', mode: 'human' as const, status: 'done' as const, type: 'visit' as const, createdAt: 0, updatedAt: 0 };
    await db.interactions.bulkAdd([
      { ...base, id: '1', accountId: 'a', at: '2026-01-01T10:00:00.000Z' },
      { ...base, id: '2', accountId: 'a', at: '2026-03-01T10:00:00.000Z' },
      { ...base, id: '3', accountId: 'b', at: '2026-02-01T10:00:00.000Z' },
    ]);
    const rows = await db.interactions
      .where('[accountId+at]')
      .between(['a', ''], ['a', '\uffff'])
      .reverse()
      .toArray();
    expect(rows.map((r) => r.id)).toEqual(['2', '1']);
    db.close();
    await db.delete();
  });
});
