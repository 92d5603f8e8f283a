import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type RapportDb } from '../core/db';
import { rowHash } from '../../../shared/sync';
import { bucketOf, eachState, knownRowIds, loadStates, saveStates, syncStateOf } from './state';

const opened: RapportDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const hlc = (n: number) => `${String(1_790_000_000_000 + n).padStart(15, '0')}-000000-alice`;
const row = (table: string, rowId: string, n: number) => ({ table, rowId, fields: { name: { hlc: hlc(n), value: `Firma ${n}` } } });

describe('bucketed sync state', () => {
  it('saves and loads rows across many and few buckets, whatever their ids', async () => {
    const db = openDb(`sync-state-${crypto.randomUUID()}`);
    opened.push(db);
    // Ids that would be object keys with special meaning must stay plain rows.
    const ids = ['__proto__', 'constructor', 'toString', ...Array.from({ length: 1500 }, (_, i) => `acc-${i}`)];
    const rows = [...ids.map((id, i) => row('accounts', id, i)), row('leadSources', 'ls-1', 1)];
    await db.transaction('rw', syncStateOf(db), async () => saveStates(db, await loadStates(db, rows), rows));
    expect(await syncStateOf(db).count()).toBeLessThan(rows.length);
    // One row read back (one bucket) and all of them (range read): both give the stored fields.
    const one = await loadStates(db, [{ table: 'accounts', rowId: '__proto__' }]);
    expect(one.get('accounts\u0000__proto__')?.fields).toEqual(rows[0]!.fields);
    const all = await loadStates(db, rows);
    for (const r of rows) expect(all.get(`${r.table}\u0000${r.rowId}`)?.fields).toEqual(r.fields);
    expect((await knownRowIds(db, 'accounts')).sort()).toEqual([...ids].sort());
    let n = 0;
    await eachState(db, () => n++);
    expect(n).toBe(rows.length);
  });

  it('puts a row where stored states expect it (hash and bucket counts must never change)', () => {
    expect(bucketOf('accounts', 'acc-1')).toBe(684);
    expect(bucketOf('interactions', '3f0c2a9e-1b7d-4c55-9a0e-6d2f8b1c4e77')).toBe(4507);
    expect(bucketOf('leadSources', 'ls-1')).toBe(42);
  });

  it("keeps a merge part's rows in that part's buckets (the engine splits big merges by the same hash bits)", () => {
    for (let i = 0; i < 2000; i++) {
      const id = `acc-${i}`;
      for (const parts of [2, 8, 64]) expect(bucketOf('accounts', id) & (parts - 1)).toBe(rowHash(id) & (parts - 1));
    }
  });
});
