import type { Id, Interaction } from '../../shared/domain';
import { getDb } from './db';
import { settleSearchWords, WORDS } from './history-index';
import { matchesAllTerms, queryTerms, SEP, SEP_END, timeOf, wordOf } from './history-words';

/**
 * History-wide search ("when did we meet Ivanov S. V.?") over the persistent `words` index
 * (history-words.ts: text words and contact names, each entry `<word>\u0001<time key>`):
 *
 * 1. The query's words are matched as prefixes ("wartung" finds "Wartungsvertrag"); every word must
 *    match (a contact's name or the row's own text). The rarest word of two letters or more drives:
 *    each is counted up to COUNT_CAP index entries, the fewest wins.
 * 2. The driver's distinct indexed words are enumerated with key-cursor jumps (one step per word).
 * 3. Each word's entries are sorted by date inside the index, so the newest candidates are a merge of
 *    short backwards walks, in rounds; a round only takes entries newer than every truncated walk,
 *    so results come out newest first without reading older history.
 * 4. Several words: every word's row keys are fetched keys-only and intersected in memory. A small
 *    intersection is read at once and sorted; a large one filters the walk, so only matches are read
 *    (and a dense intersection fills a page after a short walk). Rows are still checked for one-letter
 *    name initials.
 * Rows read grow with the page ("load more" raises the limit), not with the size of the history; the
 * keys-only intersection of several words grows with how often those words occur.
 */

export type HistorySearchResult = {
  /** Matching interactions, newest first. */
  hits: Interaction[];
  /** More matches exist beyond `hits` (or were not looked at yet). */
  hasMore: boolean;
  /** The driving word when it begins more than MAX_WORDS different words (only the first ones were searched). */
  broad?: string;
};

export type HistorySearchOptions = {
  /** Most results returned ("load more" asks again with a higher limit). */
  limit?: number;
};

const COUNT_CAP = 2000;
/** Largest intersection read in one go (rows); larger ones are dense, and the walk finds a page fast. */
const INTERSECT_READ = 2000;
/** Index entries walked per call at most (keys only): two common words with a rare overlap stop here. */
const WALK_BUDGET = 100_000;
export const MAX_WORDS = 200;
/** Widest round: candidates taken at once when the other words keep rejecting them. */
const MAX_ROUND = 4000;

type Entry = { key: string; id: string };
type Walk = { word: string; upper?: string; done: boolean };

const EMPTY: HistorySearchResult = { hits: [], hasMore: false };

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

const prefixRange = (t: string) => IDBKeyRange.bound(t, `${t}\uffff`);

function wordsIndex(): IDBIndex {
  return getDb().backendDB().transaction('interactions', 'readonly').objectStore('interactions').index(WORDS);
}

/** Distinct indexed words starting with `term`, in order, at most MAX_WORDS. */
function distinctWords(index: IDBIndex, term: string): Promise<{ words: string[]; broad: boolean }> {
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

/**
 * The next candidates, newest first: every fetched entry newer than the oldest entry of any walk cut
 * short (older entries of other words may still come). Each walk reads about `count` entries split
 * over the open walks, so a broad word beginning does not read `count` entries per word.
 */
async function nextRound(walks: Walk[], count: number): Promise<Entry[]> {
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
  return out.sort((a, b) => (timeOf(a.key) === timeOf(b.key) ? (a.id < b.id ? 1 : -1) : timeOf(a.key) < timeOf(b.key) ? 1 : -1));
}

/** Picks the term with the fewest index entries (counted up to COUNT_CAP); 0 entries = no result. */
async function rarest(terms: string[]): Promise<{ term: string; count: number }> {
  const index = wordsIndex();
  const counts = await Promise.all(terms.map((t) => done(index.getAllKeys(prefixRange(t), COUNT_CAP)).then((k) => k.length)));
  let best = 0;
  for (let i = 1; i < terms.length; i++) {
    if (counts[i]! < counts[best]! || (counts[i] === counts[best] && terms[i]!.length > terms[best]!.length)) best = i;
  }
  return { term: terms[best]!, count: counts[best]! };
}

/**
 * Primary keys of every word (all of them, keys only: a Set of 100k+ strings is cheap next to reading
 * rows), intersected: exactly the rows matching every word of two letters or more. Capping these sets
 * made two common words fall back to reading and rejecting rows one page at a time (seconds).
 */
async function matchingKeys(terms: string[]): Promise<Set<string>> {
  const index = wordsIndex();
  const lists = (await Promise.all(terms.map((t) => done(index.getAllKeys(prefixRange(t)))))) as string[][];
  lists.sort((a, b) => a.length - b.length);
  let keys = new Set(lists[0]);
  for (const other of lists.slice(1)) {
    const next = new Set(other);
    keys = new Set([...keys].filter((k) => next.has(k)));
  }
  return keys;
}

/** A small intersection read at once and sorted, newest first. */
async function readAll(keys: Set<string>, terms: string[], limit: number): Promise<HistorySearchResult> {
  const rows = (await getDb().interactions.bulkGet([...keys])) as Array<(Interaction & { words?: string[] }) | undefined>;
  const hits = rows.filter((r): r is Interaction & { words?: string[] } => !!r && r.deletedAt === undefined && matchesAllTerms(r.words, terms));
  hits.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  return { hits: hits.slice(0, limit), hasMore: hits.length > limit };
}

export async function searchHistory(query: string, options: HistorySearchOptions = {}): Promise<HistorySearchResult> {
  const limit = Math.max(1, options.limit ?? 50);
  const terms = queryTerms(query);
  const drivers = terms.filter((t) => t.length >= 2);
  if (drivers.length === 0) return EMPTY;
  const db = getDb();
  await settleSearchWords(db);
  const driver = await rarest(drivers);
  if (driver.count === 0) return EMPTY;
  const filters: Array<Set<string>> = [];
  if (drivers.length > 1) {
    const keys = await matchingKeys(drivers);
    // Read from the whole prefix ranges, not only the first MAX_WORDS words: never broad.
    if (keys.size <= INTERSECT_READ) return readAll(keys, terms, limit);
    // Dense: the driver's newest entries hit the set often, and only matches are read.
    filters.push(keys);
  }
  const { words, broad } = await distinctWords(wordsIndex(), driver.term);
  const walks: Walk[] = words.map((word) => ({ word, done: false }));
  const budget = Math.max(COUNT_CAP, 20 * limit);
  const seen = new Set<Id>();
  const hits: Interaction[] = [];
  let read = 0;
  let walked = 0;
  let count = limit + 1;
  while (hits.length <= limit && read < budget && walked < WALK_BUDGET) {
    const round = await nextRound(walks, count);
    if (round.length === 0 && walks.every((w) => w.done)) break;
    walked += round.length;
    const ids = round.map((e) => e.id).filter((id) => !seen.has(id) && seen.add(id) && filters.every((f) => f.has(id)));
    // Read in slices of a page, so a full page stops the reading.
    for (let i = 0; i < ids.length && hits.length <= limit && read < budget; i += limit + 1) {
      const slice = ids.slice(i, i + limit + 1);
      read += slice.length;
      const rows = (await db.interactions.bulkGet(slice)) as Array<(Interaction & { words?: string[] }) | undefined>;
      for (const r of rows) if (r && r.deletedAt === undefined && matchesAllTerms(r.words, terms)) hits.push(r);
    }
    count = Math.min(count * 2, MAX_ROUND);
  }
  const exhausted = walks.every((w) => w.done);
  return { hits: hits.slice(0, limit), hasMore: hits.length > limit || !exhausted, ...(broad ? { broad: driver.term } : {}) };
}

/** Account and contact names for a list of interactions (search results, cross-account lists). */
export async function namesFor(rows: readonly Interaction[]): Promise<{ accounts: Map<Id, string>; contacts: Map<Id, string> }> {
  const db = getDb();
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const contactIds = [...new Set(rows.flatMap((r) => r.contactIds))];
  const [accounts, contacts] = await Promise.all([db.accounts.bulkGet(accountIds), db.contacts.bulkGet(contactIds)]);
  return {
    accounts: new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name])),
    contacts: new Map(contacts.filter((c) => c !== undefined).map((c) => [c.id, `${c.firstName} ${c.lastName}`.trim()])),
  };
}
