import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db';
import { captureLocal } from '../../sync/capture';
import { createEditClock } from '../../sync/rows';
import { eachState, loadStates, syncStateOf } from '../../sync/state';
import { migrateV1 } from './v1';
import { migrateV2 } from './v2';
import { migrateV3 } from './v3';
import { migrateV4 } from './v4';

const hlc = (n: number) => `${String(1_790_000_000_000 + n).padStart(15, '0')}-000000-alice`;
const legacy = (table: string, rowId: string, city: string, n: number) => ({ table, rowId, fields: { city: { hlc: hlc(n), value: city }, tags: { hlc: hlc(n), value: ['a'] } } });

describe('schema v5', () => {
  it('moves every per-row sync state into its bucket and empties the old table', async () => {
    const name = `v5-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const migrate of [migrateV1, migrateV2, migrateV3, migrateV4]) migrate(old);
    // Small tables have 64 buckets: 200 lead sources share them.
    const rows = Array.from({ length: 220 }, (_, i) => legacy(i < 200 ? 'leadSources' : 'accounts', `r${i}`, `Köln ${i}`, i));
    await old.table('syncRows').bulkAdd(rows);
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.table('syncRows').count()).toBe(0);
    // Many rows per record (the point of the format), and every row where its bucket says.
    expect(await syncStateOf(db).count()).toBeLessThanOrEqual(64 + 20);
    const states = await loadStates(db, rows);
    for (const r of rows) expect(states.get(`${r.table}\u0000${r.rowId}`)?.fields).toEqual(r.fields);
    const all: string[] = [];
    await eachState(db, (r) => all.push(`${r.table}/${r.rowId}`));
    expect(all.sort()).toEqual(rows.map((r) => `${r.table}/${r.rowId}`).sort());
    db.close();
    await db.delete();
  });

  it('folds states restored into the old table (a backup from before v5) on the next capture', async () => {
    const db = openDb(`v5-restore-${crypto.randomUUID()}`);
    await db.open();
    await db.table('syncRows').bulkAdd([legacy('accounts', 'a1', 'Bonn', 1)]);
    // The restored account as the old backup had it: no dirty mark (restores are sync's own writes).
    await db.transaction('rw', [db.accounts, db.table('syncRows')], () => db.accounts.add({ id: 'a1', city: 'Bonn', tags: ['a'], updatedAt: 1 } as never));
    await db.table('syncMeta').put({ key: 'sync.capturedAll', value: true });
    expect(await captureLocal(db, createEditClock('alice'))).toEqual([]);
    expect(await db.table('syncRows').count()).toBe(0);
    expect((await loadStates(db, [{ table: 'accounts', rowId: 'a1' }])).get('accounts\u0000a1')?.fields.city?.value).toBe('Bonn');
    db.close();
    await db.delete();
  });
});
