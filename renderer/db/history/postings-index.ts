import { Dexie, type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Table, type Transaction } from 'dexie';
import { PostingsBuilder } from './postings-bulk';
import { addEdit, applyEdit, blockPartOf, builtMeta, DOCS, emptyMeta, joinParts, listOf, META, partsRange, POSTINGS, postingsOf, rowsOf, sameRow, type PostDoc, type PostingEdits, type PostMeta, type Posting } from './postings';
import { SEP, SEP_END } from './words';

/**
 * Keeps the block postings (history/postings.ts) exactly in step with `interactions.words`, whoever
 * writes: this middleware sits below the one deriving the words (history/index-words.ts), so it sees every
 * row as stored, including the re-derivations after a contact is renamed, trashed or erased.
 * - Every read-write transaction over `interactions` is widened to the two posting stores, so the
 *   postings change atomically with the rows (no flags, nothing to settle, a crash loses nothing).
 * - A row's postings are its words' (block, word) entries; a row that has a `postDocs` entry is
 *   posted exactly, one without is not posted at all (rows from before v6 until the build reaches
 *   them). A write diffs the stored row's words against the new ones, after the write succeeded.
 * - What a bulk write costs is mostly IndexedDB requests and bytes: a new row needs no `postDocs` read,
 *   a list that only gains new rows has its open part read by key and rewritten (never its full
 *   parts), an edited list of a busy block is read with the block's one range request, and only the
 *   parts of a list that changed are written.
 * - Hard deletes drop the row's entries and its doc number; clearing the table clears both stores.
 */

type Row = { id: string; words?: string[] };
type Change = { id: string; before: Row | undefined; after: Row | undefined };

/** Reads and writes of the posting stores inside one transaction (DBCore or a Dexie transaction). */
export type PostingIo = {
  get(store: string, keys: string[]): Promise<unknown[]>;
  /** The posting rows with keys from `lower` to `upper` (both included). */
  range(lower: string, upper: string): Promise<Posting[]>;
  put(store: string, values: object[]): Promise<unknown>;
  del(store: string, keys: string[]): Promise<unknown>;
};

const sameWords = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join('\u0000') === (b ?? []).join('\u0000');

/** A block with more posting lists to read than this is read whole, in one range request. */
const WHOLE_BLOCK = 32;

/**
 * The stored parts of some posting lists, by list key. A bulk write (a demo chunk, an import, the
 * build) touches most words of each block it spans: such a block is read with one range request
 * instead of one per list.
 */
async function readLists(io: PostingIo, keys: string[]): Promise<Map<string, Posting[]>> {
  const byBlock = new Map<string, string[]>();
  for (const k of keys) {
    const block = blockPartOf(k);
    const ks = byBlock.get(block);
    if (ks) ks.push(k);
    else byBlock.set(block, [k]);
  }
  const ranges: Array<[string, string]> = [];
  for (const [block, ks] of byBlock) {
    if (ks.length > WHOLE_BLOCK) ranges.push([`${block}${SEP}`, `${block}${SEP_END}`]);
    else for (const k of ks) ranges.push(partsRange(k));
  }
  const out = new Map<string, Posting[]>();
  for (const rows of await Promise.all(ranges.map(([lower, upper]) => io.range(lower, upper)))) {
    for (const row of rows) {
      const list = listOf(row.k);
      const parts = out.get(list);
      if (parts) parts.push(row);
      else out.set(list, [row]);
    }
  }
  return out;
}

/** Applies the changes of some rows (before: as stored, undefined when new; after: undefined when deleted). */
export async function post(io: PostingIo, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  // A row that was not stored has no doc number (deletes and clears drop it with the row).
  const stored = changes.filter((c) => c.before);
  const found = (await io.get(DOCS, stored.map((c) => c.id))) as Array<PostDoc | undefined>;
  const byId = new Map(stored.map((c, i) => [c.id, found[i]]));
  const docs = changes.map((c) => byId.get(c.id));
  const edits: PostingEdits = new Map();
  const fresh: PostDoc[] = [];
  const gone: string[] = [];
  let meta: PostMeta | undefined;
  for (const [i, c] of changes.entries()) {
    const doc = docs[i];
    if (!c.after) {
      if (doc) {
        addEdit(edits, doc.n, postingsOf(c.before?.words), new Map());
        gone.push(c.id);
      }
    } else if (!doc) {
      meta ??= ((await io.get(POSTINGS, [META]))[0] as PostMeta | undefined) ?? emptyMeta();
      const n = meta.next++;
      fresh.push({ id: c.id, n });
      addEdit(edits, n, new Map(), postingsOf(c.after.words));
    } else if (!sameWords(c.before?.words, c.after.words)) {
      addEdit(edits, doc.n, postingsOf(c.before?.words), postingsOf(c.after.words));
    }
  }
  // A list that only gains new rows (the highest doc numbers) changes in its open part alone: read by
  // its key. Any other edit reads and rewrites the whole list.
  const isNew = new Set(fresh.map((d) => d.n));
  const appends: string[] = [];
  const rewrites: string[] = [];
  for (const [key, e] of edits) (e.drop.size === 0 && [...e.set.keys()].every((n) => isNew.has(n)) ? appends : rewrites).push(key);
  const [lists, open] = await Promise.all([readLists(io, rewrites), io.get(POSTINGS, appends) as Promise<Array<Posting | undefined>>]);
  const put: object[] = meta ? [meta] : [];
  const del: string[] = [];
  appends.forEach((key, i) => {
    const o = open[i];
    put.push(...rowsOf(key, applyEdit(o?.p, edits.get(key)!), o?.f ?? 0));
  });
  for (const key of rewrites) {
    const stored = lists.get(key) ?? [];
    const was = new Map(stored.map((r) => [r.k, r]));
    // Only the rows that changed are written.
    for (const row of rowsOf(key, applyEdit(joinParts(stored), edits.get(key)!))) {
      if (!sameRow(was.get(row.k), row)) put.push(row);
      was.delete(row.k);
    }
    del.push(...was.keys());
  }
  await Promise.all([io.put(POSTINGS, put), io.del(POSTINGS, del), io.put(DOCS, fresh), io.del(DOCS, gone)]);
}

function covers(trans: DBCoreTransaction, table: string): boolean {
  return (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames?.contains(table) ?? false;
}

/** See history/index-words.ts: chains inside Dexie's promise so the layers below find the transaction. */
function inZone<T, R>(first: Promise<T>, then: (value: T) => R | PromiseLike<R>): Promise<R> {
  return Dexie.Promise.resolve(first).then(then);
}

/** DBCoreRangeType.Range (a const enum, not importable here) from `lower` to `upper`, both included. */
const between = (lower: string, upper: string) => ({ type: 2, lower, upper, lowerOpen: false, upperOpen: false }) as unknown as DBCoreKeyRange;

function coreIo(down: DBCore, trans: DBCoreTransaction): PostingIo {
  const postings = down.table(POSTINGS);
  return {
    get: (store, keys) => (keys.length ? down.table(store).getMany({ trans, keys }) : Promise.resolve([])),
    range: async (lower, upper) => (await postings.query({ trans, values: true, query: { index: postings.schema.primaryKey, range: between(lower, upper) } })).result as Posting[],
    put: (store, values) => (values.length ? down.table(store).mutate({ type: 'put', trans, values }) : Promise.resolve()),
    del: (store, keys) => (keys.length ? down.table(store).mutate({ type: 'delete', trans, keys }) : Promise.resolve()),
  };
}

/** One change per row (the first stored state, the last written one), skipping failed writes. */
function changesOf(ids: string[], before: Array<Row | undefined>, after: Array<Row | undefined>, failed: Set<number>): Change[] {
  const out = new Map<string, Change>();
  ids.forEach((id, i) => {
    if (failed.has(i)) return;
    const c = out.get(id);
    if (c) c.after = after[i];
    else out.set(id, { id, before: before[i], after: after[i] });
  });
  return [...out.values()];
}

const ANY_RANGE = 3;
/** A write of more rows than this first finds which of them are stored, with one key read. */
const PROBE_FROM = 32;

/**
 * The stored rows of some ids (undefined where none). A bulk write of new rows (a demo chunk, an
 * import) would cost a get per row to learn that there is nothing: the keys between the smallest and
 * the largest id are read first (a bounded number of them), and only rows found there are read.
 */
async function storedRows(table: DBCoreTable, trans: DBCoreTransaction, ids: string[]): Promise<Array<Row | undefined>> {
  if (ids.length < PROBE_FROM) return table.getMany({ trans, keys: ids }) as Promise<Array<Row | undefined>>;
  const sorted = [...ids].sort();
  const limit = 4 * ids.length;
  const keys = (await table.query({ trans, values: false, limit, query: { index: table.schema.primaryKey, range: between(sorted[0]!, sorted[sorted.length - 1]!) } })).result as string[];
  // Ids beyond the last key read are unknown when the read stopped at its limit.
  const last = keys.length === limit ? keys[keys.length - 1]! : undefined;
  const present = new Set(keys);
  const read = [...new Set(ids.filter((id) => present.has(id) || (last !== undefined && id > last)))];
  const rows = read.length ? ((await table.getMany({ trans, keys: read })) as Array<Row | undefined>) : [];
  const byId = new Map(read.map((id, i) => [id, rows[i]]));
  return ids.map((id) => byId.get(id));
}

/** Transactions that post their added interactions in memory (postInBulk), with their builder once the first add came. */
const bulk = new WeakMap<object, { builder?: PostingsBuilder }>();

/**
 * Makes the adds of interactions in `trans` (an emptied history: a restore) post in memory
 * (history/postings-bulk.ts) instead of reading and rewriting the open part of every list each batch
 * touches; full parts and doc numbers are written with each add, the open parts by finishBulkPosting,
 * which the caller must call before the transaction ends. Any other write in it posts as usual.
 */
export function postInBulk(trans: Transaction): void {
  bulk.set((trans as unknown as { idbtrans: object }).idbtrans, {});
}

/** The open parts and meta row of a postInBulk transaction, written in it; nothing when it added no interaction. */
export async function finishBulkPosting(trans: Transaction, postings: Table): Promise<void> {
  const state = bulk.get((trans as unknown as { idbtrans: object }).idbtrans);
  if (!state?.builder) return;
  const { open, meta } = state.builder.finish();
  await postings.bulkPut([...open, meta]);
}

function interactionsTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  // An add stores nothing over a stored row (that id fails instead), so it needs no read of them: a
  // restore or a bulk add into a big history saves one lookup per row.
  const write = (req: DBCoreMutateRequest, ids: string[], after: (i: number) => Row | undefined) =>
    inZone(req.type === 'add' ? Promise.resolve(ids.map(() => undefined)) : storedRows(table, req.trans, ids), (before) =>
      inZone(table.mutate(req), (res) => {
        const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
        const changes = changesOf(ids, before, ids.map((_, i) => after(i)), failed);
        return inZone(post(coreIo(down, req.trans), changes), () => res);
      }),
    );
  return {
    ...table,
    mutate(req) {
      const { trans } = req;
      if (!covers(trans, POSTINGS) || !covers(trans, DOCS)) return table.mutate(req);
      const inBulk = req.type === 'add' ? bulk.get(trans) : undefined;
      if (inBulk) return addInBulk(down, table, req as DBCoreMutateRequest & { type: 'add' }, inBulk);
      if (req.type === 'put' || req.type === 'add') {
        const rows = req.values as Row[];
        return write(req, rows.map((r) => r.id), (i) => rows[i]);
      }
      if (req.type === 'delete') return write(req, req.keys as string[], () => undefined);
      if ((req.range.type as number) === ANY_RANGE) {
        // The whole table: both stores go; nothing is left unposted, so the index counts as built.
        const io = coreIo(down, trans);
        return inZone(io.get(POSTINGS, [META]), ([meta]) =>
          inZone(table.mutate(req), (res) =>
            inZone(Promise.all([down.table(POSTINGS).mutate({ type: 'deleteRange', trans, range: req.range }), down.table(DOCS).mutate({ type: 'deleteRange', trans, range: req.range })]), () =>
              inZone(io.put(POSTINGS, [builtMeta((meta as PostMeta | undefined)?.next ?? 0)]), () => res),
            ),
          ),
        );
      }
      const range: DBCoreKeyRange = req.range;
      return inZone(table.query({ trans, values: false, query: { index: table.schema.primaryKey, range } }), (found) => write({ type: 'delete', trans, keys: found.result }, found.result as string[], () => undefined));
    },
  };
}

/** An add in a postInBulk transaction: the rows, then their doc numbers and the parts that filled up. */
function addInBulk(down: DBCore, table: DBCoreTable, req: DBCoreMutateRequest & { type: 'add' }, state: { builder?: PostingsBuilder }): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const start = state.builder ? Promise.resolve([]) : down.table(POSTINGS).getMany({ trans, keys: [META] });
  return inZone(start, ([meta]) => {
    state.builder ??= new PostingsBuilder(((meta as PostMeta | undefined) ?? emptyMeta()).next);
    const builder = state.builder;
    return inZone(table.mutate(req), (res) => {
      // A failed row fails the whole restore; post none of them then.
      if (res.numFailures > 0) return res;
      const docs: PostDoc[] = [];
      const full: Posting[] = [];
      for (const row of req.values as Row[]) builder.add(row.id, row.words, docs, full);
      const io = coreIo(down, trans);
      return inZone(Promise.all([io.put(DOCS, docs), io.put(POSTINGS, full)]), () => res);
    });
  });
}

/** Dexie middleware: widens write transactions over interactions to the posting stores and keeps them in step. */
export function postingsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'rapportHistoryPostings',
    create: (down) => {
      const present = down.schema.tables.some((t) => t.name === POSTINGS) && down.schema.tables.some((t) => t.name === DOCS);
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = present && mode === 'readwrite' && stores.includes('interactions');
          return down.transaction(widen ? [...new Set([...stores, POSTINGS, DOCS])] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return name === 'interactions' ? interactionsTable(down, table) : table;
        },
      };
    },
  };
}
