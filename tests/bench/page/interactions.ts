import { getDb } from '../../../renderer/db/core/db';
import { searchHistory } from '../../../renderer/db/history/search';
import { newStats } from '../../../renderer/db/history/walk';
import { blockOfKey, DOCS, META, POSTINGS, termRange, unionOf, type PostDoc, type Posting } from '../../../renderer/db/history/postings';
import { queryTerms } from '../../../renderer/db/history/words';
import { buildPostings } from '../../../renderer/db/history/postings-build';
import { listTimeline } from '../../../renderer/db/history/interactions';
import { DEFAULT_DB_NAME, openDb, useDatabase } from '../../../renderer/db/core/db';
import { loadDemoData } from '../../../renderer/db/transfer/demo';
import { asIsoDate } from '../../../shared/time';

/** Timeline and history-search scenarios; each returns one time per sample, in ms. */

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DEFAULT_DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawGetAll(db: IDBDatabase, index: string, range: IDBKeyRange | null, count: number, direction: IDBCursorDirection = 'prev'): Promise<number> {
  // getAll cannot run backwards, so the floor walks a cursor: what any newest-first page must do.
  return new Promise((resolve, reject) => {
    const req = db.transaction('interactions', 'readonly').objectStore('interactions').index(index).openCursor(range, direction);
    let n = 0;
    req.onsuccess = () => {
      const c = req.result;
      if (!c || n >= count) return resolve(n);
      n++;
      c.continue();
    };
    req.onerror = () => reject(req.error);
  });
}

/** Account ids spread over the table, the same every run. */
async function sampleAccounts(samples: number): Promise<string[]> {
  const ids = (await getDb().accounts.toCollection().primaryKeys()) as string[];
  const out: string[] = [];
  for (let i = 0; i < samples; i++) out.push(ids[Math.floor(((i * 7919) % samples) * (ids.length / samples))] ?? ids[0] ?? '');
  return out;
}

/** Opening an account's timeline: the first page of 50 through the app's query. */
export async function timelineOpen(samples: number): Promise<number[]> {
  const times: number[] = [];
  for (const id of await sampleAccounts(samples)) {
    const t0 = performance.now();
    await listTimeline(id, 50);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Floor: the same 50 newest rows per account read with a raw IndexedDB cursor on [accountId+at]. */
export async function timelineFloor(samples: number): Promise<number[]> {
  const ids = await sampleAccounts(samples);
  const db = await openRaw();
  const times: number[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    await rawGetAll(db, '[accountId+at]', IDBKeyRange.bound([id, ''], [id, '\uffff']), 51);
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

/**
 * Queries a rep types: names (one as on a Russian business card), words from summaries, word beginnings,
 * two common words (dense, and never together: "Newsletter Angebot" must look at all of both), and a rare
 * word whose only hits are two years old (the rows of historyRareFixture), alone and with common words.
 */
export const HISTORY_QUERIES = [
  'Ivanov S. V.', 'Müller', 'Schneider', 'Wartungsvertrag', 'Muster', 'Zahlungsziel', 'Becker Angebot', 'Fischer', 'wart', 'Angebot Termin',
  'Konditionen Angebot', 'Newsletter Angebot', 'Rückrufaktion', 'Rückrufaktion Angebot', 'Kugelhahn Termin',
];

const RARE_DAYS_AGO = [690, 700, 710];

/**
 * The demo has no word that only old rows use, so the bench adds three (fixed ids: idempotent, also on a
 * reused profile): "Rückrufaktion" about two years back, next to the common "Angebot".
 */
export async function historyRareFixture(): Promise<number> {
  const db = getDb();
  const account = await db.accounts.toCollection().first();
  if (!account) return 0;
  const today = Date.parse('2026-11-23T09:00:00.000Z');
  await db.interactions.bulkPut(
    RARE_DAYS_AGO.map((days, i) => ({
      id: `bench-rare-${i}`, updatedAt: 1, accountId: account.id, type: 'call' as const, mode: 'human' as const, status: 'done' as const,
      at: new Date(today - days * 86_400_000).toISOString(), userId: account.ownerId, contactIds: [],
      subject: 'Rückrufaktion Kugelhahn KH-20', summary: 'Betroffene Chargen geprüft, Angebot für den Tausch nachgefasst.', nextStep: '', createdAt: 1,
    })),
  );
  return RARE_DAYS_AGO.length;
}

/** Waits for the block postings (built in the background after a v6 upgrade); the ms waited. */
export async function historyPostingsReady(): Promise<number> {
  const t0 = performance.now();
  await buildPostings(getDb());
  return performance.now() - t0;
}

/** Throws the postings away and builds them again, as after the v6 upgrade of a loaded database; the ms it took. */
export async function historyPostingsRebuild(): Promise<number> {
  const db = getDb();
  await db.transaction('rw', [db.table(POSTINGS), db.table(DOCS)], async () => {
    await db.table(POSTINGS).clear();
    await db.table(DOCS).clear();
    await db.table(POSTINGS).put({ k: META, next: 0 });
  });
  return historyPostingsReady();
}

/**
 * What the block postings add to writing history: the demo load of `accounts` into two scratch
 * databases, with and without the postings middleware (same data, same run); ms of each.
 */
export async function historyWriteCost(accounts: number): Promise<{ with: number; without: number }> {
  const app = getDb();
  const time = async (postings: boolean) => {
    const db = openDb(`bench-write-${postings}-${crypto.randomUUID()}`);
    if (!postings) db.unuse({ stack: 'dbcore', name: 'rapportHistoryPostings' });
    useDatabase(db);
    try {
      const t0 = performance.now();
      await loadDemoData({ seed: 42, accounts, today: asIsoDate('2026-11-23'), selfName: 'Bench' });
      return performance.now() - t0;
    } finally {
      useDatabase(app);
      db.close();
      await db.delete();
    }
  };
  const without = await time(false);
  return { with: await time(true), without };
}

/** The first search after opening the app (nothing cached, nothing built). */
export async function historySearchCold(): Promise<number> {
  const t0 = performance.now();
  await searchHistory(HISTORY_QUERIES[0] ?? 'x');
  return performance.now() - t0;
}

/** The first page (50, newest first) of each query, `rounds` times over the query list. */
export async function historySearch(rounds: number): Promise<number[]> {
  const times: number[] = [];
  let hits = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of HISTORY_QUERIES) {
      const t0 = performance.now();
      hits += (await searchHistory(q, { limit: 50 })).hits.length;
      times.push(performance.now() - t0);
    }
  }
  // Kept where the bench can read it: a search that finds nothing would be fast for the wrong reason.
  (window as unknown as { historyHits: number }).historyHits = hits;
  return times;
}

/** Each query's first page, `rounds` times: one list of times per query (a slow query hides in a pooled p95). */
export async function historySearchPerQuery(rounds: number): Promise<number[][]> {
  const times: number[][] = HISTORY_QUERIES.map(() => []);
  // For the figure labels: the runner (Node) cannot import this module.
  (window as unknown as { benchQueries: string[] }).benchQueries = HISTORY_QUERIES;
  for (let r = 0; r < rounds; r++) {
    for (const [i, q] of HISTORY_QUERIES.entries()) {
      const t0 = performance.now();
      await searchHistory(q, { limit: 50 });
      times[i]!.push(performance.now() - t0);
    }
  }
  return times;
}

/** "Load more": the second page (results 51–100) of each query. */
export async function historySearchMore(rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of HISTORY_QUERIES) {
      const t0 = performance.now();
      await searchHistory(q, { limit: 100 });
      times.push(performance.now() - t0);
    }
  }
  return times;
}

/** Results per query on the first page, for the figure labels. */
export async function historyHitCounts(): Promise<number[]> {
  const out: number[] = [];
  for (const q of HISTORY_QUERIES) out.push((await searchHistory(q, { limit: 50 })).hits.length);
  return out;
}

/** Floor: reading a full page (51 rows) raw along the `at` index, newest first. */
export async function historySearchFloor(rounds: number): Promise<number[]> {
  const db = await openRaw();
  const times: number[] = [];
  for (let r = 0; r < rounds * HISTORY_QUERIES.length; r++) {
    const t0 = performance.now();
    await rawGetAll(db, 'at', null, 51);
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));

/**
 * Floor per query, for the postings search. Found first, untimed: the blocks (newest first) that
 * hold the newest 51 docs of the query's first word of two letters or more. Timed: in one
 * transaction, all at once, one raw range read of the postings store per block and word
 * (`termRange`: the keys the search reads); then those 51 docs read as rows (postDocs n → id, then
 * the row). Fair as a floor because no search by words can do less for a page of that word: it must
 * read each word's postings where the page lies, and the page's rows; this one also knows in advance
 * which blocks to read (the search finds out), intersects nothing and stops at the first word's page,
 * so a query whose matches are sparser (more rows checked: initials only the rows can tell) shows
 * that as its ratio. Samples per query, in HISTORY_QUERIES order.
 */
export async function historySearchPostingsFloor(rounds: number): Promise<number[][]> {
  const db = await openRaw();
  const bound = (dir: IDBCursorDirection) => req(db.transaction(POSTINGS, 'readonly').objectStore(POSTINGS).openKeyCursor(IDBKeyRange.lowerBound(META, true), dir));
  const [first, last] = await Promise.all([bound('next'), bound('prev')]);
  const [oldest, newest] = first && last ? [blockOfKey(first.key as string), blockOfKey(last.key as string)] : [1, 0];
  const read = (store: IDBObjectStore, block: number, term: string) => req(store.getAll(IDBKeyRange.bound(...termRange(block, term)))) as Promise<Posting[]>;
  const plans = await Promise.all(
    HISTORY_QUERIES.map(async (q) => {
      const terms = queryTerms(q).filter((t) => t.length >= 2);
      const blocks: number[] = [];
      const docs: Array<[number, number]> = [];
      for (let block = newest; block >= oldest && docs.length < 51; block--) {
        const found = [...unionOf(await read(db.transaction(POSTINGS, 'readonly').objectStore(POSTINGS), block, terms[0]!))];
        if (found.length) blocks.push(block);
        docs.push(...found.sort((a, b) => b[1] - a[1] || b[0] - a[0]));
      }
      return { terms, blocks, ns: docs.slice(0, 51).map(([n]) => n) };
    }),
  );
  const times: number[][] = HISTORY_QUERIES.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, { terms, blocks, ns }] of plans.entries()) {
      const t0 = performance.now();
      const store = db.transaction(POSTINGS, 'readonly').objectStore(POSTINGS);
      await Promise.all(blocks.flatMap((b) => terms.map((t) => read(store, b, t))));
      const tx = db.transaction([DOCS, 'interactions'], 'readonly');
      const byN = tx.objectStore(DOCS).index('n');
      const rows = tx.objectStore('interactions');
      await Promise.all(ns.map((n) => (req(byN.get(n)) as Promise<PostDoc | undefined>).then((d) => (d ? req(rows.get(d.id)) : undefined))));
      times[i]!.push(performance.now() - t0);
    }
  }
  db.close();
  return times;
}

/** Rows in the interactions table, for the figure labels. */
export async function interactionCount(): Promise<number> {
  return getDb().interactions.count();
}


/** Raw IndexedDB calls, counted by wrapping the prototypes while `f` runs. */
async function countingIdb<T>(f: () => Promise<T>): Promise<{ result: T; idb: Record<string, number> }> {
  const idb: Record<string, number> = {};
  const bump = (k: string, by = 1) => (idb[k] = (idb[k] ?? 0) + by);
  const restore: Array<() => void> = [];
  const wrap = <P extends object>(proto: P, name: string, label: string, onResult?: (r: unknown) => void) => {
    const orig = (proto as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      bump(label);
      const req = orig.apply(this, args);
      if (onResult && req instanceof IDBRequest) req.addEventListener('success', () => onResult(req.result));
      return req;
    };
    restore.push(() => ((proto as Record<string, unknown>)[name] = orig));
  };
  wrap(IDBDatabase.prototype, 'transaction', 'transactions');
  wrap(IDBIndex.prototype, 'getAllKeys', 'getAllKeys', (r) => bump('keysFetched', (r as unknown[]).length));
  wrap(IDBIndex.prototype, 'getAll', 'indexGetAll', (r) => bump('indexRows', (r as unknown[]).length));
  wrap(IDBIndex.prototype, 'get', 'indexGets');
  wrap(IDBIndex.prototype, 'count', 'counts');
  wrap(IDBIndex.prototype, 'openKeyCursor', 'keyCursors');
  wrap(IDBIndex.prototype, 'openCursor', 'cursors');
  wrap(IDBCursor.prototype, 'continue', 'cursorSteps');
  wrap(IDBObjectStore.prototype, 'get', 'storeGets');
  wrap(IDBObjectStore.prototype, 'getAll', 'storeGetAll', (r) => bump('storeRows', (r as unknown[]).length));
  try {
    return { result: await f(), idb };
  } finally {
    for (const r of restore) r();
  }
}

/** Per query, once (after the timed runs): what the search did and how long each phase took. */
export async function historySearchStats(): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (const q of HISTORY_QUERIES) {
    const stats = newStats();
    const t0 = performance.now();
    const { result, idb } = await countingIdb(() => searchHistory(q, { limit: 50, stats }));
    out.push({ query: q, total: Math.round(performance.now() - t0), hits: result.hits.length, hasMore: result.hasMore, ...stats, idb });
  }
  return out;
}
