/**
 * Where sync keeps its merged state: `syncState` holds the rows' field states in buckets (a row's
 * bucket is a hash of its id), one record per bucket: `{ table, bucket, rows: [rowId, fields][] }`.
 * Why buckets: IndexedDB costs about the same per request whatever the record's size, so merging
 * 10 000 rows from other laptops read and wrote 20 000 small records next to the 10 000 app rows;
 * with buckets that is about a thousand. Rows are `[rowId, fields]` pairs (plain JSON, so backups
 * keep them; an id can never collide with an object key). The bucket count per table is fixed (a
 * row must never move); see BUCKET_BITS for the trade-off.
 * `syncRows` (schema v3, one record per row) is legacy: migration v5 folds it into `syncState`, and
 * so does every capture (a backup from before v5 restores into it).
 */
import type { Table } from 'dexie';
import { type FieldState, rowHash, rowKey } from '../../../shared/sync';
import type { SyncRow } from './rows';

type Fields = Record<string, FieldState>;
/** One bucket of a table's sync state, as stored. */
export type SyncBucket = { table: string; bucket: number; rows: Array<[string, Fields]> };
/** A bucket while loaded. */
type Loaded = { table: string; bucket: number; rows: Map<string, Fields> };
const loaded = (b: SyncBucket): Loaded => ({ table: b.table, bucket: b.bucket, rows: new Map(b.rows) });
const stored = (b: Loaded): SyncBucket => ({ table: b.table, bucket: b.bucket, rows: [...b.rows] });
type BucketKey = [string, number];
/** A database or a transaction (a migration's upgrade reads through its transaction). */
type Tables = { table(name: string): Table };

/**
 * log2 of the buckets per table, from the volumes PRODUCT.md plans for (100k accounts, several
 * contacts and many interactions each): about 100 rows per bucket at those sizes, ten at 10k.
 * Fewer buckets mean fewer requests for a big merge; more mean less to rewrite for one local edit
 * (Measured, issue #8: a demo account's state is ~2.3 KB, a contact's or interaction's ~1.2 KB, so at
 * 100 rows a bucket is 120-230 KB, past Chromium's 64 KB limit for storing a value inline.)
 * Never change a value: stored buckets would no longer be where their rows hash to.
 */
const BUCKET_BITS: Readonly<Record<string, number>> = { accounts: 10, contacts: 11, interactions: 13, deals: 10, sales: 12 };
const SMALL_TABLE_BITS = 6;

export const syncStateOf = (db: Tables) => db.table('syncState') as Table<SyncBucket, BucketKey>;
/** The pre-v5 per-row state (legacy; folded into syncState, see foldLegacyRows). */
export const legacySyncRowsOf = (db: Tables) => db.table('syncRows') as Table<SyncRow, [string, string]>;

/**
 * The bucket of a row: the low bits of its id's hash. The engine splits a big merge by the same bits,
 * so each part of it reads and writes only its own buckets.
 */
export function bucketOf(table: string, rowId: string): number {
  return rowHash(rowId) & (bucketCount(table) - 1);
}

const bucketCount = (table: string) => 1 << (BUCKET_BITS[table] ?? SMALL_TABLE_BITS);

const bucketId = (table: string, bucket: number) => `${table}\u0000${bucket}`;

/** Row states by row key, plus the buckets they were read from (saved back whole). */
export class SyncStates extends Map<string, SyncRow> {
  readonly buckets = new Map<string, Loaded>();
}

/** Loads the states of these rows (every bucket they fall in; a missing bucket starts empty). */
export async function loadStates(db: Tables, rows: Iterable<{ table: string; rowId: string }>): Promise<SyncStates> {
  const states = new SyncStates();
  const wanted = new Map<string, { table: string; rowId: string }>();
  const keys = new Map<string, BucketKey>();
  for (const { table, rowId } of rows) {
    wanted.set(rowKey(table, rowId), { table, rowId });
    const b = bucketOf(table, rowId);
    keys.set(bucketId(table, b), [table, b]);
  }
  for (const b of await readBuckets(db, [...keys.values()])) states.buckets.set(bucketId(b.table, b.bucket), loaded(b));
  for (const [id, [table, bucket]] of keys) if (!states.buckets.has(id)) states.buckets.set(id, { table, bucket, rows: new Map() });
  for (const [key, { table, rowId }] of wanted) {
    const fields = states.buckets.get(bucketId(table, bucketOf(table, rowId)))!.rows.get(rowId);
    if (fields) states.set(key, { table, rowId, fields });
  }
  return states;
}

/**
 * The stored buckets among these keys. A table needing more than half of its buckets (a big merge,
 * the first capture) is read with one range request instead of one request per bucket.
 */
async function readBuckets(db: Tables, keys: BucketKey[]): Promise<SyncBucket[]> {
  const byTable = new Map<string, BucketKey[]>();
  for (const k of keys) (byTable.get(k[0]) ?? byTable.set(k[0], []).get(k[0])!).push(k);
  const out: SyncBucket[] = [];
  for (const [table, list] of byTable) {
    if (list.length > bucketCount(table) / 2) out.push(...(await tableBuckets(db, table)));
    else for (const b of await syncStateOf(db).bulkGet(list)) if (b) out.push(b);
  }
  return out;
}

const tableBuckets = (db: Tables, table: string) => syncStateOf(db).where('[table+bucket]').between([table, -Infinity], [table, Infinity]).toArray();

/** Writes these rows' states back with the rest of their buckets (inside the caller's transaction). */
export async function saveStates(db: Tables, states: SyncStates, rows: Iterable<SyncRow>): Promise<void> {
  const dirty = new Map<string, Loaded>();
  for (const row of rows) {
    const id = bucketId(row.table, bucketOf(row.table, row.rowId));
    let bucket = states.buckets.get(id);
    if (!bucket) {
      // Not loaded with the states (a caller merged a row it had not asked for): read it now, whole.
      const b = bucketOf(row.table, row.rowId);
      const found = await syncStateOf(db).get([row.table, b]);
      bucket = found ? loaded(found) : { table: row.table, bucket: b, rows: new Map() };
      states.buckets.set(id, bucket);
    }
    bucket.rows.set(row.rowId, row.fields);
    dirty.set(id, bucket);
  }
  if (dirty.size) await syncStateOf(db).bulkPut([...dirty.values()].map(stored));
}

/** Calls `fn` for every stored row state. */
export async function eachState(db: Tables, fn: (row: SyncRow) => void): Promise<void> {
  await syncStateOf(db).each((b) => {
    for (const [rowId, fields] of b.rows) fn({ table: b.table, rowId, fields });
  });
}

/** Ids of every row of a table that sync knows. */
export async function knownRowIds(db: Tables, table: string): Promise<string[]> {
  const buckets = await tableBuckets(db, table);
  return buckets.flatMap((b) => b.rows.map(([rowId]) => rowId));
}

/**
 * Moves pre-v5 per-row states (`syncRows`) into their buckets, in chunks, inside the caller's
 * transaction over both tables. A legacy row replaces what the bucket has for that row: it only
 * exists after an upgrade or after restoring an old backup (which empties syncState first).
 */
export async function foldLegacyRows(db: Tables, chunk = 5000): Promise<void> {
  const legacy = legacySyncRowsOf(db);
  for (let rows = await legacy.limit(chunk).toArray(); rows.length > 0; rows = await legacy.limit(chunk).toArray()) {
    const states = await loadStates(db, rows);
    await saveStates(db, states, rows);
    await legacy.bulkDelete(rows.map((r) => [r.table, r.rowId] as [string, string]));
  }
}
