import { Dexie, RangeSet } from 'dexie';
import type { Account, Contact, Interaction } from '../../../shared/domain';
import type { DemoData } from '../../../shared/demo';
import type { RapportDb } from '../core/db';
import { storedAccount } from '../core/derived';
import { withOpenKeys } from '../core/open-index';
import { runWrite } from '../core/write';
import { DOCS, POSTINGS, type PostDoc, type Posting } from '../history/postings';
import { loadingMeta, PostingsBuilder } from '../history/postings-bulk';
import { interactionWords, nameWords } from '../history/words';
import { DIRTY } from '../sync/middleware';
import { isSyncedTable } from '../sync/rows';

/**
 * The demo loader's write path for an empty database (100k accounts, 300k contacts, a million
 * interactions). Rows are put straight into IndexedDB inside runWrite's transactions, with what the
 * middleware would add computed in memory from the chunk itself:
 * - `accounts.sortKey`, the visit index entries and `accounts.matchKeys` (core/derived.ts `storedAccount`);
 * - `syncDirty: 1` on every synced row (sync/middleware.ts) once sync has captured; before that its
 *   first capture diffs every row anyway, and a mark would cost an index entry now and a rewrite of
 *   every row then (sync/capture.ts);
 * - `interactions.words` from the row and its contacts, which are in the same chunk (history/index-words.ts);
 * - `interactions.openKeys` from the row and its account, also in the chunk (core/open-index.ts);
 * - the block postings and doc numbers (history/postings-bulk.ts), identical to the middleware's.
 * The middleware stack costs far more than the puts: above all the postings, whose every chunk read
 * and rewrote the open part of nearly every list of a two-year history (the 30k demo took 702 s).
 * demo-bulk.test.ts checks that the result equals the write path's, store by store.
 */

type Stored = Record<string, unknown>;

/** Puts rows with raw requests in the transaction runWrite opened; they commit or fail with it. */
function putAll(tx: IDBTransaction, store: string, rows: readonly object[]): void {
  if (rows.length === 0) return;
  const os = tx.objectStore(store);
  for (const row of rows) os.put(row);
}

const idbOf = (tx: unknown) => (tx as { idbtrans: IDBTransaction }).idbtrans;

/**
 * The stored form of one chunk: the chunk's rows with their derived fields; postings into `docs` and
 * `full`. `mark`: set the sync mark (only needed once sync has captured: its first capture diffs every row).
 */
export function storedChunk(chunk: DemoData, tables: readonly (keyof DemoData)[], postings: PostingsBuilder, docs: PostDoc[], full: Posting[], mark: boolean): Map<string, Stored[]> {
  const out = new Map<string, Stored[]>();
  const names = new Map<string, Contact>();
  const accounts = new Map<string, Account>();
  if (tables.includes('interactions')) {
    for (const c of chunk.contacts) names.set(c.id, c);
    for (const a of chunk.accounts) accounts.set(a.id, a);
  }
  for (const table of tables) {
    if ((THROUGH_MIDDLEWARE as readonly string[]).includes(table)) continue;
    const dirty = mark && isSyncedTable(table) ? { [DIRTY]: 1 } : {};
    let rows: Stored[];
    if (table === 'accounts') rows = chunk.accounts.map((a) => ({ ...storedAccount(a), ...dirty }));
    else if (table === 'interactions') rows = chunk.interactions.map((i) => ({ ...withOpenKeys(interactionRow(i, names, postings, docs, full) as Interaction, accounts.get(i.accountId)), ...dirty }));
    else rows = (chunk[table] as Stored[]).map((r) => (mark ? { ...r, ...dirty } : r));
    out.set(table, rows);
  }
  return out;
}

function interactionRow(row: Interaction, contacts: Map<string, Contact>, postings: PostingsBuilder, docs: PostDoc[], full: Posting[]): Stored {
  const ids = row.contactIds ?? [];
  // A demo interaction names only its own account's contacts, all in this chunk.
  if (ids.some((id) => !contacts.has(id))) throw new Error(`demo interaction ${row.id} names a contact outside its chunk`);
  const words = interactionWords(row, ids.map((id) => nameWords(contacts.get(id))));
  postings.add(row.id, words, docs, full);
  return { ...row, words };
}

/**
 * Writes one stored chunk (and its posting rows) in one transaction over `stores`. `queued` resolves
 * once every put is handed to IndexedDB (the rows are cloned then), `done` when the transaction has
 * committed: the caller generates the next chunk while this one commits.
 */
export function writeStored(db: RapportDb, stores: readonly string[], rows: Map<string, Stored[]>, docs: PostDoc[], full: Posting[]): { queued: Promise<void>; done: Promise<void> } {
  let queue: () => void = () => undefined;
  const queued = new Promise<void>((resolve) => (queue = resolve));
  const done = runWrite(stores.map((s) => db.table(s)), (tx) => {
    const idb = idbOf(tx);
    for (const [table, values] of rows) putAll(idb, table, values);
    putAll(idb, DOCS, docs);
    putAll(idb, POSTINGS, full);
    queue();
  }, { label: 'demo' });
  // A transaction that never started has queued nothing: the caller then awaits `done`, which failed.
  void done.catch(() => queue());
  return { queued, done };
}

/** Marks the postings as being bulk-written (see loadingMeta), in the first transaction of the load. */
export function startPostings(db: RapportDb): Promise<void> {
  return runWrite([db.table(POSTINGS)], async () => {
    await db.table(POSTINGS).put(loadingMeta(0));
  }, { label: 'demo' });
}

/** Tables written through the middleware at the end instead (a few rows): see finishLoad. */
export const THROUGH_MIDDLEWARE = ['teamMembers', 'leadSources', 'segmentRules'] as const;

/**
 * The last transaction: the open posting parts and the built meta row (until then a cut-off load
 * rebuilds the postings), and the team, lead sources and segment rules through the whole middleware
 * stack, so the write counts as a local edit for sync (its edit generation, its automation) like any other.
 */
export function finishLoad(db: RapportDb, postings: PostingsBuilder, small: Pick<DemoData, (typeof THROUGH_MIDDLEWARE)[number]>, tables: readonly string[]): Promise<void> {
  const { open, meta } = postings.finish();
  return runWrite([db.table(POSTINGS), ...THROUGH_MIDDLEWARE.map((t) => db.table(t))], async (tx) => {
    putAll(idbOf(tx), POSTINGS, [...open, meta]);
    for (const t of THROUGH_MIDDLEWARE) if (tables.includes(t) && small[t].length > 0) await db.table(t).bulkPut(small[t]);
  }, { label: 'demo' });
}

/**
 * Tells Dexie's live queries and query cache that `tables` changed wholesale: the raw puts pass
 * beside the Dexie layer that normally reports a write's keys. The same signal Dexie gives itself
 * when it creates a database (every index of every table, whole range).
 */
export function announceBulkWrite(db: Dexie, tables: readonly string[]): void {
  const everything: Record<string, RangeSet> = {};
  for (const table of db.tables.filter((t) => tables.includes(t.name))) {
    for (const idx of table.schema.indexes) if (idx.name) everything[`idb://${db.name}/${table.name}/${idx.name}`] = new RangeSet(-Infinity, [[[]]]);
    everything[`idb://${db.name}/${table.name}/`] = everything[`idb://${db.name}/${table.name}/:dels`] = new RangeSet(-Infinity, [[[]]]);
  }
  // Dexie's own cross-instance event: fires `storagemutated` and drops the cached results it affects.
  if (typeof globalThis.dispatchEvent === 'function' && typeof CustomEvent === 'function') globalThis.dispatchEvent(new CustomEvent('x-storagemutated-1', { detail: everything }));
  else Dexie.on.storagemutated.fire(everything);
}
