import { getDb } from './db';
import { WORDS } from './history-index';
import { SEP, SEP_END, timeOf, wordOf } from './history-words';

/**
 * Reading the `words` index (history-words.ts) with raw IndexedDB requests, for history-search.ts and
 * history-windows.ts: a word's entries sort by date, so the newest are a short backwards key walk.
 */

/** Distinct words searched for one query word at most (a two-letter beginning can start hundreds). */
export const MAX_WORDS = 200;

/** One index entry: `<word>\u0001<time key>[*]`, the interaction's id and, when read along, its row. */
export type Entry = { key: string; id: string; row?: unknown };
/** A backwards walk over one word's entries; `upper` is the oldest entry taken so far. */
export type Walk = { word: string; upper?: string; done: boolean };

/** What one search did, for the benchmark (the app passes none): weeks of postings read, range reads, entries fetched (`keys`: index entries or rows along them, or posting entries), rows checked, milliseconds per phase. */
export type SearchStats = { blocks: number; keyCalls: number; keys: number; rows: number; ms: Record<string, number> };

export const newStats = (): SearchStats => ({ blocks: 0, keyCalls: 0, keys: 0, rows: 0, ms: {} });

/** Runs `f`, adding its time to `stats.ms[phase]` when stats are kept. */
export async function timed<T>(stats: SearchStats | undefined, phase: string, f: () => Promise<T>): Promise<T> {
  if (!stats) return f();
  const t0 = performance.now();
  try {
    return await f();
  } finally {
    stats.ms[phase] = (stats.ms[phase] ?? 0) + performance.now() - t0;
  }
}

export function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export const prefixRange = (t: string) => IDBKeyRange.bound(t, `${t}\uffff`);

export function wordsIndex(): IDBIndex {
  return getDb().backendDB().transaction('interactions', 'readonly').objectStore('interactions').index(WORDS);
}

/** Distinct indexed words starting with `term`, in order, at most MAX_WORDS. */
export function distinctWords(index: IDBIndex, term: string): Promise<{ words: string[]; broad: boolean }> {
  return new Promise((resolve, reject) => {
    const words: string[] = [];
    const req = index.openKeyCursor(prefixRange(term));
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve({ words, broad: false });
      const word = wordOf(cursor.key as string);
      words.push(word);
      if (words.length >= MAX_WORDS) return resolve({ words, broad: true });
      cursor.continue(`${word}${SEP_END}`);
    };
  });
}

type IndexRecord = { key: IDBValidKey; primaryKey: IDBValidKey; value: unknown };
type RecordsIndex = IDBIndex & { getAllRecords(o: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }): IDBRequest<IndexRecord[]> };

/**
 * IndexedDB getAllRecords (Chromium 141+, so Electron's; fake-indexeddb too): index key, id and row in
 * one request, newest first. Chromium looks up the row of every index entry it walks anyway, so rows
 * cost about what keys alone do (bench: ~30 µs per entry either way), far less than a get per row.
 */
export const readsRecords = (): boolean => typeof IDBIndex !== 'undefined' && 'getAllRecords' in IDBIndex.prototype;

/** Up to `count` entries of one word, newest first, older than `upper` (exclusive) when given. */
function walk(index: IDBIndex, w: Walk, count: number): Promise<Entry[]> {
  const range = IDBKeyRange.bound(`${w.word}${SEP}`, w.upper ?? `${w.word}${SEP_END}`, false, w.upper !== undefined);
  if (readsRecords()) {
    return done((index as RecordsIndex).getAllRecords({ query: range, count, direction: 'prev' })).then((rs) =>
      rs.map((r) => ({ key: r.key as string, id: r.primaryKey as string, row: r.value })),
    );
  }
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    const req = index.openKeyCursor(range, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve(out);
      out.push({ key: cursor.key as string, id: cursor.primaryKey as string });
      if (out.length >= count) return resolve(out);
      cursor.continue();
    };
  });
}

/**
 * The time key of a query word's k-th newest entry over all the indexed words it begins ('' when it
 * has fewer): the word whose k-th newest entry is oldest is the sparsest lately, the cheapest to walk.
 */
export async function kthNewest(index: IDBIndex, words: string[], k: number): Promise<string> {
  const lists = await Promise.all(words.map((word) => walk(index, { word, done: false }, k)));
  const times = lists.flat().map((e) => timeOf(e.key)).sort();
  return times.length < k ? '' : times[times.length - k]!;
}

/** The time key of a word's oldest entry ('' when it has none). */
export function oldestTime(index: IDBIndex, word: string): Promise<string> {
  return edgeTime(index, word, 'next');
}

/** The time key of a word's newest entry ('' when it has none). */
export function newestTime(index: IDBIndex, word: string): Promise<string> {
  return edgeTime(index, word, 'prev');
}

function edgeTime(index: IDBIndex, word: string, direction: IDBCursorDirection): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = index.openKeyCursor(IDBKeyRange.bound(`${word}${SEP}`, `${word}${SEP_END}`), direction);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => resolve(req.result ? timeOf(req.result.key as string) : '');
  });
}

const newestFirst = (a: Entry, b: Entry) => (timeOf(a.key) === timeOf(b.key) ? (a.id < b.id ? 1 : -1) : timeOf(a.key) < timeOf(b.key) ? 1 : -1);

/**
 * The next candidates, newest first: every fetched entry newer than the oldest entry of any walk cut
 * short (older entries of other words may still come). Each walk reads about `count` entries split
 * over the open walks, so a broad word beginning does not read `count` entries per word.
 */
export async function nextRound(walks: Walk[], count: number, stats?: SearchStats): Promise<Entry[]> {
  const active = walks.filter((w) => !w.done);
  if (active.length === 0) return [];
  const perWalk = Math.min(count, Math.max(16, Math.ceil((2 * count) / active.length)));
  const index = wordsIndex();
  const fetched = await Promise.all(active.map((w) => walk(index, w, perWalk)));
  if (stats) stats.keys += fetched.reduce((n, f) => n + f.length, 0);
  let watermark = '';
  for (const f of fetched) {
    const t = f.length === perWalk ? timeOf(f[f.length - 1]!.key) : '';
    if (t > watermark) watermark = t;
  }
  // Entries at the watermark itself wait for the next round, unless nothing else is left to take.
  const newer = fetched.map((f) => f.filter((e) => timeOf(e.key) > watermark));
  const take = newer.some((n) => n.length > 0) ? newer : fetched.map((f) => f.filter((e) => timeOf(e.key) >= watermark));
  const out: Entry[] = [];
  active.forEach((w, i) => {
    const f = fetched[i]!;
    const ok = take[i]!;
    if (ok.length > 0) w.upper = ok[ok.length - 1]!.key;
    if (f.length < perWalk && ok.length === f.length) w.done = true;
    out.push(...ok);
  });
  return out.sort(newestFirst);
}
