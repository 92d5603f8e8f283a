import type { Interaction } from '../../shared/domain';
import { getDb } from './db';
import { blockOf, blockOfKey, BLOCK_MS, DOCS, META, POSTINGS, termRange, unionOf, type PostDoc, type Posting } from './history-postings';
import { done, newestTime, oldestTime, timed, wordsIndex, type SearchStats } from './history-walk';
import { matchesAllTerms, msOf, timeKey } from './history-words';

/**
 * History search for several words over the block postings (history-postings.ts; a block is four
 * weeks, called a week below): weeks are read newest first, a few at a time (doubling), each query
 * word's postings of a week in ONE range read
 * (every indexed word it begins), intersected in memory. Only the newest page of matches (and any
 * match at the same instant as the last one) is looked up as rows, and checked against every term
 * (one-letter initials only match names). Two common words that never occur together cost two small
 * reads per block of history, and the answer is definite: no "load more" over nothing.
 */

/** One query word and the indexed words it begins (`broad`: more than history-walk's MAX_WORDS). */
export type ListedTerm = { term: string; words: string[]; broad: boolean };
export type PostingResult = { hits: Interaction[]; hasMore: boolean };

type Stored = Interaction & { words?: string[] };
type Candidate = { n: number; ms: number };

const FIRST_BLOCKS = 1;
const MOST_BLOCKS = 8;
/** A query word beginning at most this many indexed words narrows the weeks read to where it occurs. */
const BOUND_WORDS = 16;

/** Oldest and newest week holding postings at all. */
async function storeBounds(store: IDBObjectStore): Promise<[number, number]> {
  const [first, last] = await Promise.all([done(store.openKeyCursor(IDBKeyRange.lowerBound(META, true))), done(store.openKeyCursor(null, 'prev'))]);
  return first && last && last.key !== META ? [blockOfKey(first.key as string), blockOfKey(last.key as string)] : [1, 0];
}

/** Weeks where every query word occurs, as far as the words index tells cheaply (words with few expansions). */
async function weekBounds(listed: ListedTerm[]): Promise<[number, number]> {
  const store = getDb().backendDB().transaction(POSTINGS, 'readonly').objectStore(POSTINGS);
  const index = wordsIndex();
  const spans = await Promise.all([
    storeBounds(store),
    ...listed
      .filter((l) => !l.broad && l.words.length <= BOUND_WORDS)
      .map(async (l): Promise<[number, number]> => {
        const [olds, news] = await Promise.all([Promise.all(l.words.map((w) => oldestTime(index, w))), Promise.all(l.words.map((w) => newestTime(index, w)))]);
        const o = olds.filter((t) => t !== '');
        return o.length ? [blockOf(msOf(o.sort()[0]!)), blockOf(msOf(news.sort()[news.length - 1]!))] : [1, 0];
      }),
  ]);
  return [Math.max(...spans.map((s) => s[0])), Math.min(...spans.map((s) => s[1]))];
}

/** Per week, per query word: its postings (all indexed words it begins). */
function readWeeks(weeks: number[], terms: string[], stats?: SearchStats): Promise<Posting[][][]> {
  const store = getDb().backendDB().transaction(POSTINGS, 'readonly').objectStore(POSTINGS);
  if (stats) stats.keyCalls += weeks.length * terms.length;
  return Promise.all(weeks.map((w) => Promise.all(terms.map((t) => done(store.getAll(IDBKeyRange.bound(...termRange(w, t)))) as Promise<Posting[]>))));
}

/** The docs of one week in every query word's postings, newest first. */
function intersect(week: number, lists: Posting[][], stats?: SearchStats): Candidate[] {
  const sets = lists.map(unionOf).sort((a, b) => a.size - b.size);
  if (stats) stats.keys += sets.reduce((n, s) => n + s.size, 0);
  const out: Candidate[] = [];
  for (const [n, d] of sets[0]!) if (sets.every((s) => s.has(n))) out.push({ n, ms: week * BLOCK_MS + d });
  return out.sort((a, b) => b.ms - a.ms || b.n - a.n);
}

/** The rows of some doc numbers (undefined where a row went). */
async function rowsOf(ns: number[]): Promise<Array<Stored | undefined>> {
  const tx = getDb().backendDB().transaction([DOCS, 'interactions'], 'readonly');
  const byN = tx.objectStore(DOCS).index('n');
  const rows = tx.objectStore('interactions');
  const docs = (await Promise.all(ns.map((n) => done(byN.get(n))))) as Array<PostDoc | undefined>;
  return Promise.all(docs.map((d) => (d ? (done(rows.get(d.id)) as Promise<Stored | undefined>) : undefined)));
}

const newestFirst = (a: Stored, b: Stored) => {
  const ta = timeKey(a.at);
  const tb = timeKey(b.at);
  return ta === tb ? (a.id < b.id ? 1 : -1) : ta < tb ? 1 : -1;
};

/** The newest `limit` interactions matching every term (`listed`: the terms of two letters or more). */
export async function searchPostings(listed: ListedTerm[], terms: string[], limit: number, stats?: SearchStats): Promise<PostingResult> {
  const [oldest, newest] = await timed(stats, 'bounds', () => weekBounds(listed));
  const drivers = listed.map((l) => l.term);
  const candidates: Candidate[] = [];
  const hits: Stored[] = [];
  let taken = 0;
  let week = newest;
  let span = FIRST_BLOCKS;
  while (hits.length <= limit) {
    while (candidates.length - taken <= limit - hits.length && week >= oldest) {
      const weeks = Array.from({ length: Math.min(span, week - oldest + 1) }, (_, i) => week - i);
      week -= weeks.length;
      span = Math.min(MOST_BLOCKS, 2 * span);
      if (stats) stats.blocks += weeks.length;
      const read = await timed(stats, 'postings', () => readWeeks(weeks, drivers, stats));
      weeks.forEach((w, i) => candidates.push(...intersect(w, read[i]!, stats)));
    }
    if (taken >= candidates.length) break;
    // What the page still needs, and every match at the instant of the last one (the order within an instant is by id).
    let end = Math.min(candidates.length, taken + limit + 1 - hits.length);
    while (end < candidates.length && candidates[end]!.ms === candidates[end - 1]!.ms) end++;
    const slice = candidates.slice(taken, end);
    taken = end;
    if (stats) stats.rows += slice.length;
    const rows = await timed(stats, 'rows', () => rowsOf(slice.map((c) => c.n)));
    for (const r of rows) if (r && r.deletedAt === undefined && matchesAllTerms(r.words, terms)) hits.push(r);
  }
  return { hits: hits.sort(newestFirst).slice(0, limit), hasMore: hits.length > limit };
}
