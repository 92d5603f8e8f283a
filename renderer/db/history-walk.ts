import { getDb } from './db';
import { WORDS } from './history-index';
import { SEP, SEP_END, timeOf, wordOf } from './history-words';

/**
 * Reading the `words` index (history-words.ts) with raw IndexedDB requests, for history-search.ts and
 * history-windows.ts: a word's entries sort by date, so the newest are a short backwards key walk.
 */

/** Distinct words searched for one query word at most (a two-letter beginning can start hundreds). */
export const MAX_WORDS = 200;

/** One index entry: `<word>\u0001<time key>[*]` and the interaction's id. */
export type Entry = { key: string; id: string };
/** A backwards walk over one word's entries; `upper` is the oldest entry taken so far. */
export type Walk = { word: string; upper?: string; done: boolean };

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

/** Up to `count` entries of one word, newest first, older than `upper` (exclusive) when given. */
function walk(index: IDBIndex, w: Walk, count: number): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    const range = IDBKeyRange.bound(`${w.word}${SEP}`, w.upper ?? `${w.word}${SEP_END}`, false, w.upper !== undefined);
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

/** The time key of a word's oldest entry ('' when it has none). */
export function oldestTime(index: IDBIndex, word: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = index.openKeyCursor(IDBKeyRange.bound(`${word}${SEP}`, `${word}${SEP_END}`));
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
export async function nextRound(walks: Walk[], count: number): Promise<Entry[]> {
  const active = walks.filter((w) => !w.done);
  if (active.length === 0) return [];
  const perWalk = Math.min(count, Math.max(16, Math.ceil((2 * count) / active.length)));
  const index = wordsIndex();
  const fetched = await Promise.all(active.map((w) => walk(index, w, perWalk)));
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
