import { Dexie, type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { addEdit, applyEdit, DOCS, META, POSTINGS, postingsOf, type PostDoc, type PostingEdits, type PostMeta, type Posting } from './history-postings';

/**
 * Keeps the week postings (history-postings.ts) exactly in step with `interactions.words`, whoever
 * writes: this middleware sits below the one deriving the words (history-index.ts), so it sees every
 * row as stored, including the re-derivations after a contact is renamed, trashed or erased.
 * - Every read-write transaction over `interactions` is widened to the two posting stores, so the
 *   postings change atomically with the rows (no flags, nothing to settle, a crash loses nothing).
 * - A row's postings are its words' (week, word) entries; a row that has a `postDocs` entry is
 *   posted exactly, one without is not posted at all (rows from before v6 until the build reaches
 *   them). A write diffs the stored row's words against the new ones, after the write succeeded.
 * - Hard deletes drop the row's entries and its doc number; clearing the table clears both stores.
 */

type Row = { id: string; words?: string[] };
type Change = { id: string; before: Row | undefined; after: Row | undefined };

/** Reads and writes of the posting stores inside one transaction (DBCore or a Dexie transaction). */
export type PostingIo = {
  get(store: string, keys: string[]): Promise<unknown[]>;
  put(store: string, values: object[]): Promise<unknown>;
  del(store: string, keys: string[]): Promise<unknown>;
};

const sameWords = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join('\u0000') === (b ?? []).join('\u0000');

/** Applies the changes of some rows (before: as stored, undefined when new; after: undefined when deleted). */
export async function post(io: PostingIo, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  const docs = (await io.get(DOCS, changes.map((c) => c.id))) as Array<PostDoc | undefined>;
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
      meta ??= ((await io.get(POSTINGS, [META]))[0] as PostMeta | undefined) ?? { k: META, next: 0 };
      const n = meta.next++;
      fresh.push({ id: c.id, n });
      addEdit(edits, n, new Map(), postingsOf(c.after.words));
    } else if (!sameWords(c.before?.words, c.after.words)) {
      addEdit(edits, doc.n, postingsOf(c.before?.words), postingsOf(c.after.words));
    }
  }
  const keys = [...edits.keys()];
  const old = (await io.get(POSTINGS, keys)) as Array<Posting | undefined>;
  const put: object[] = meta ? [meta] : [];
  const del: string[] = [];
  keys.forEach((k, i) => {
    const p = applyEdit(old[i]?.p, edits.get(k)!);
    if (p) put.push({ k, p });
    else if (old[i]) del.push(k);
  });
  await Promise.all([io.put(POSTINGS, put), io.del(POSTINGS, del), io.put(DOCS, fresh), io.del(DOCS, gone)]);
}

function covers(trans: DBCoreTransaction, table: string): boolean {
  return (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames?.contains(table) ?? false;
}

/** See history-index.ts: chains inside Dexie's promise so the layers below find the transaction. */
function inZone<T, R>(first: Promise<T>, then: (value: T) => R | PromiseLike<R>): Promise<R> {
  return Dexie.Promise.resolve(first).then(then);
}

function coreIo(down: DBCore, trans: DBCoreTransaction): PostingIo {
  return {
    get: (store, keys) => (keys.length ? down.table(store).getMany({ trans, keys }) : Promise.resolve([])),
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

function interactionsTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  const write = (req: DBCoreMutateRequest, ids: string[], after: (i: number) => Row | undefined) =>
    inZone(table.getMany({ trans: req.trans, keys: ids }) as Promise<Array<Row | undefined>>, (before) =>
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
              inZone(io.put(POSTINGS, [{ k: META, next: (meta as PostMeta | undefined)?.next ?? 0, built: true }]), () => res),
            ),
          ),
        );
      }
      const range: DBCoreKeyRange = req.range;
      return inZone(table.query({ trans, values: false, query: { index: table.schema.primaryKey, range } }), (found) => write({ type: 'delete', trans, keys: found.result }, found.result as string[], () => undefined));
    },
  };
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
