import type { Interaction } from '../../../shared/domain';
import { getDb } from '../core/db';
import { blockOfKey, BLOCK_MS, DOCS, META, POSTINGS, termRange, unionOf, type PostDoc, type Posting } from './postings';
import { done, timed, type SearchStats } from './walk';
import { matchesAllTerms, timeKey } from './words';

/**
 * History search over the block postings (history/postings.ts; a block is four weeks), for one query
 * word or several: blocks are read newest first, a few at a time (doubling), each query word's
 * postings of a block in ONE range read over `termRange` (every indexed word it begins: the prefix
 * expansion comes free with the key order), unioned per word and intersected across words in memory.
 * In each block the word that has been sparsest so far is read first, and the others only where it
 * occurs: a rare word with common ones costs about one small read per block. Only the newest page of
 * matches (and any match at the same instant as the last one) is looked up as rows (doc number → id →
 * row) and checked against every term (the postings post names' initials too, so rows rarely fail
 * the check; when they keep failing, more candidates are read at once). The answer is exact:
 * two common words that never occur together cost a few small reads per block of history, and no
 * "load more" is offered over nothing.
 */

export type PostingResult = { hits: Interaction[]; hasMore: boolean };

type Stored = Interaction & { words?: string[] };
type Candidate = { n: number; ms: number };
/** Per query word: posting entries read so far and range reads, to read the sparsest first. */
type Density = Map<string, { entries: number; reads: number }>;

const FIRST_BLOCKS = 1;
const MOST_BLOCKS = 8;
/** Candidates checked at once at most, when the rows keep failing the check. */
const MOST_ROWS = 400;

/** Oldest and newest block holding postings at all ([1, 0] when none does). */
async function storeBounds(): Promise<[number, number]> {
  const store = getDb().backendDB().transaction(POSTINGS, 'readonly').objectStore(POSTINGS);
  const [first, last] = await Promise.all([done(store.openKeyCursor(IDBKeyRange.lowerBound(META, true))), done(store.openKeyCursor(null, 'prev'))]);
  return first && last && last.key !== META ? [blockOfKey(first.key as string), blockOfKey(last.key as string)] : [1, 0];
}

/** One range read per (block, word): the word's docs in that block, doc number → ms into the block. */
function readLists(pairs: ReadonlyArray<readonly [number, string]>, density: Density, stats?: SearchStats): Promise<Array<Map<number, number>>> {
  if (pairs.length === 0) return Promise.resolve([]);
  const store = getDb().backendDB().transaction(POSTINGS, 'readonly').objectStore(POSTINGS);
  if (stats) stats.keyCalls += pairs.length;
  return Promise.all(
    pairs.map(async ([block, term]) => {
      const docs = unionOf((await done(store.getAll(IDBKeyRange.bound(...termRange(block, term))))) as Posting[]);
      const d = density.get(term)!;
      d.entries += docs.size;
      d.reads++;
      if (stats) stats.keys += docs.size;
      return docs;
    }),
  );
}

/** Per block, every query word's docs; none for a block where the first word read has none. */
async function readBlocks(blocks: number[], terms: string[], density: Density, stats?: SearchStats): Promise<Array<Array<Map<number, number>>>> {
  const rate = (t: string) => density.get(t)!.entries / Math.max(1, density.get(t)!.reads);
  const [first, ...rest] = [...terms].sort((a, b) => rate(a) - rate(b));
  const firsts = await readLists(blocks.map((b) => [b, first!] as const), density, stats);
  const wanted = blocks.filter((_, i) => firsts[i]!.size > 0);
  const others = await readLists(wanted.flatMap((b) => rest.map((t) => [b, t] as const)), density, stats);
  return blocks.map((_, i) => {
    if (firsts[i]!.size === 0) return [];
    const at = wanted.indexOf(blocks[i]!) * rest.length;
    return [firsts[i]!, ...others.slice(at, at + rest.length)];
  });
}

/** The docs of one block in every query word's postings, newest first. */
function intersect(block: number, lists: Array<Map<number, number>>): Candidate[] {
  if (lists.length === 0) return [];
  const sets = [...lists].sort((a, b) => a.size - b.size);
  const out: Candidate[] = [];
  for (const [n, d] of sets[0]!) if (sets.every((s) => s.has(n))) out.push({ n, ms: block * BLOCK_MS + d });
  return out.sort((a, b) => b.ms - a.ms || b.n - a.n);
}

/** The rows of some doc numbers (undefined where a row went); each row is asked for as soon as its id is read. */
function rowsOf(ns: number[]): Promise<Array<Stored | undefined>> {
  const tx = getDb().backendDB().transaction([DOCS, 'interactions'], 'readonly');
  const byN = tx.objectStore(DOCS).index('n');
  const rows = tx.objectStore('interactions');
  return Promise.all(ns.map((n) => (done(byN.get(n)) as Promise<PostDoc | undefined>).then((d) => (d ? (done(rows.get(d.id)) as Promise<Stored | undefined>) : undefined))));
}

const newestFirst = (a: Stored, b: Stored) => {
  const ta = timeKey(a.at);
  const tb = timeKey(b.at);
  return ta === tb ? (a.id < b.id ? 1 : -1) : ta < tb ? 1 : -1;
};

/**
 * The newest `limit` interactions matching every term. `drivers`: the posting words to read (a
 * term, or the initialTerm of a one-letter one); `terms`: the query's terms (checked on the rows).
 */
export async function searchPostings(drivers: string[], terms: string[], limit: number, stats?: SearchStats): Promise<PostingResult> {
  const [oldest, newest] = await timed(stats, 'bounds', storeBounds);
  const density: Density = new Map(drivers.map((t) => [t, { entries: 0, reads: 0 }]));
  const candidates: Candidate[] = [];
  const hits: Stored[] = [];
  let taken = 0;
  let block = newest;
  let span = FIRST_BLOCKS;
  // Candidates to check next: what the page still needs, more when the rows checked so far often
  // failed a one-letter term (a reading of rows costs a round trip, so fewer, larger ones).
  let want = limit + 1;
  while (hits.length <= limit) {
    while (candidates.length - taken < want && block >= oldest) {
      const blocks = Array.from({ length: Math.min(span, block - oldest + 1) }, (_, i) => block - i);
      block -= blocks.length;
      span = Math.min(MOST_BLOCKS, 2 * span);
      if (stats) stats.blocks += blocks.length;
      const read = await timed(stats, 'postings', () => readBlocks(blocks, drivers, density, stats));
      blocks.forEach((b, i) => candidates.push(...intersect(b, read[i]!)));
    }
    if (taken >= candidates.length) break;
    // Every match at the instant of the last one as well (the order within an instant is by id).
    let end = Math.min(candidates.length, taken + want);
    while (end < candidates.length && candidates[end]!.ms === candidates[end - 1]!.ms) end++;
    const slice = candidates.slice(taken, end);
    taken = end;
    if (stats) stats.rows += slice.length;
    const rows = await timed(stats, 'rows', () => rowsOf(slice.map((c) => c.n)));
    for (const r of rows) if (r && r.deletedAt === undefined && matchesAllTerms(r.words, terms)) hits.push(r);
    const need = limit + 1 - hits.length;
    const guess = hits.length === 0 ? 4 * slice.length : Math.ceil((1.25 * need * taken) / hits.length);
    want = Math.max(need, Math.min(MOST_ROWS, guess));
  }
  return { hits: hits.sort(newestFirst).slice(0, limit), hasMore: hits.length > limit };
}
