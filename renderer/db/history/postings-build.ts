import type { Dexie, Table } from 'dexie';
import { blockOf, BLOCK_MS, currentFormat, DOCS, emptyMeta, META, POSTINGS, type Posting, type PostMeta } from './postings';
import { post, type PostingIo } from './postings-index';
import { runWrite } from '../core/write';

/**
 * Posts the interactions that existed before schema v6 (history/postings.ts), in the background: an
 * upgrade that wrote the postings of a million rows would hold the app's start for about a minute.
 * A block of rows at a time in `at` order (a busy one in chunks of CHUNK_ROWS), one transaction each,
 * resuming from the meta row's `after` across restarts. Rows written meanwhile
 * are posted by the middleware (they get a doc number, so the build passes over them). Until `built`
 * is set, the search walks the history newest first instead (history/walk.ts).
 * Postings written in another layout (POSTINGS_FORMAT) are dropped first and built again the same way.
 */

const KEY_CHUNK = 5000;
/** Rows posted per transaction at most: a block of a million-row history holds some 40,000. */
const CHUNK_ROWS = 4000;

type Row = { id: string; at?: unknown; words?: string[] };

/** Dexie table reads and writes (post() reads the posting lists of a busy block with one range request). */
function dexieIo(db: Dexie): PostingIo {
  return {
    get: (store, keys) => (keys.length === 0 ? Promise.resolve([]) : db.table(store).bulkGet(keys)),
    range: (lower, upper) => db.table<Posting, string>(POSTINGS).where('k').between(lower, upper, true, true).toArray(),
    put: (store, values) => (values.length ? db.table(store).bulkPut(values) : Promise.resolve()),
    del: (store, keys) => (keys.length ? db.table(store).bulkDelete(keys) : Promise.resolve()),
  };
}

const asIs = (rows: Array<Row | undefined>) => rows.filter((r): r is Row => !!r).map((r) => ({ id: r.id, before: r, after: r }));

async function readMeta(db: Dexie): Promise<PostMeta> {
  return ((await db.table(POSTINGS).get(META)) as PostMeta | undefined) ?? emptyMeta();
}

/** Drops postings of another layout: every row is then unposted, and the build starts from the first. */
async function dropOldFormat(db: Dexie): Promise<void> {
  await runWrite([db.table(POSTINGS), db.table(DOCS)], async () => {
    if (currentFormat(await readMeta(db))) return;
    await Promise.all([db.table(POSTINGS).clear(), db.table(DOCS).clear()]);
    await db.table(POSTINGS).put(emptyMeta());
  }, { label: 'index' });
}

/**
 * Posts one block of rows in `at` order (every row whose `at` sorts from `after` to the start of the
 * next block, or the first CHUNK_ROWS of them up to a change of instant) and records how far it got, in
 * one transaction; false when the `at` index is done. Exported for the resume test.
 */
export async function postNextChunk(db: Dexie, interactions: Table<Row, string> = db.table('interactions')): Promise<boolean> {
  return runWrite([interactions, db.table(POSTINGS), db.table(DOCS)], async () => {
    const { built, after = '' } = await readMeta(db);
    if (built) return false;
    const first = await interactions.where('at').aboveOrEqual(after).first();
    if (!first) return false;
    const at = first.at as string;
    const ms = Date.parse(at);
    let end = Number.isFinite(ms) ? new Date((blockOf(ms) + 1) * BLOCK_MS).toISOString() : '';
    // An `at` that is not a canonical instant sorts elsewhere: its rows alone.
    if (end <= at) end = `${at}\u0000`;
    let rows = await interactions.where('at').between(at, end, true, false).limit(CHUNK_ROWS).toArray();
    if (rows.length === CHUNK_ROWS) {
      // A busy block: up to the last instant read (whose rows may go on), or that one instant alone.
      const last = rows[rows.length - 1]!.at as string;
      end = last === at ? `${at}\u0000` : last;
      rows = last === at ? await interactions.where('at').equals(at).toArray() : rows.filter((r) => (r.at as string) < last);
    }
    await post(dexieIo(db), asIs(rows));
    await db.table(POSTINGS).put({ ...(await readMeta(db)), after: end });
    return true;
  }, { label: 'index' });
}

/** Rows the `at` index does not hold (no valid `at`): found by primary key when the counts say some lack a doc. */
async function sweep(db: Dexie, interactions: Table<Row, string>): Promise<void> {
  const docs = db.table(DOCS);
  if ((await docs.count()) >= (await interactions.count())) return;
  let last: string | undefined;
  for (;;) {
    const more = await runWrite([interactions, db.table(POSTINGS), docs], async () => {
      const keys = await (last === undefined ? interactions.orderBy(':id') : interactions.where(':id').above(last)).limit(KEY_CHUNK).primaryKeys();
      if (keys.length === 0) return false;
      const found = await docs.bulkGet(keys);
      const missing = keys.filter((_, i) => !found[i]);
      if (missing.length) await post(dexieIo(db), asIs(await interactions.bulkGet(missing)));
      last = keys[keys.length - 1];
      return true;
    }, { label: 'index' });
    if (!more) return;
  }
}

const runs = new WeakMap<Dexie, Promise<void>>();

/** True once every interaction is posted in this version's layout (then the search intersects postings). */
export async function postingsBuilt(db: Dexie): Promise<boolean> {
  const meta = await readMeta(db);
  return meta.built === true && currentFormat(meta);
}

/**
 * Builds what is missing, chunk by chunk, handing the thread back between chunks; concurrent
 * callers share one run. A no-op (one read) once built.
 */
export function buildPostings(db: Dexie): Promise<void> {
  let run = runs.get(db);
  if (!run) {
    run = (async () => {
      try {
        if (await postingsBuilt(db)) return;
        await dropOldFormat(db);
        const interactions = db.table<Row, string>('interactions');
        while (await postNextChunk(db, interactions)) await new Promise((r) => setTimeout(r, 0));
        await sweep(db, interactions);
        await runWrite([db.table(POSTINGS)], async () => {
          await db.table(POSTINGS).put({ ...(await readMeta(db)), built: true, after: undefined });
        }, { label: 'index' });
      } finally {
        runs.delete(db);
      }
    })();
    runs.set(db, run);
  }
  return run;
}
