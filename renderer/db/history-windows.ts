import type { Interaction } from '../../shared/domain';
import { getDb } from './db';
import { done, nextRound, oldestTime, timed, wordsIndex, type SearchStats, type Walk } from './history-walk';
import { matchesAllTerms, msKey, msOf, SEP, SEP_END, timeKey, timeOf } from './history-words';

/**
 * History search for several words where IndexedDB lacks getAllRecords (history-search.ts walks rows
 * along the index otherwise: cheaper, see there), in time windows: every word's
 * entries sort by date inside the `words` index, so the matches of a window [lo, hi) are the row keys
 * of each word's key range `word\u0001lo … word\u0001hi`, intersected. Windows go backwards from the
 * newest possible match, each starting where the last one ended (no row twice, none missed); the
 * first holds a few pages of the locally rarest word, later ones widen with the hits found so
 * far (fourfold when none were), until the page is full or the history ends. A window with far more
 * candidates than the page needs is halved before its rows are read.
 *
 * Cost grows with the stretch of time that holds a page of matches, not with the history; a rare word
 * (old hits only) is one window. Two common words that (almost) never occur together still read
 * every key of both: KEY_BUDGET stops such a search early with `hasMore`, and "load more" goes on.
 */

/** One query word and the indexed words it begins. */
export type WindowTerm = { term: string; words: string[] };
export type WindowResult = { hits: Interaction[]; hasMore: boolean };

type Stored = Interaction & { words?: string[] };

/** Candidates few enough to read and check at once instead of fetching the next word's keys. */
const READ_DIRECT = 64;
/** A window with more candidates than this (and than four pages) is halved before rows are read. */
const CANDIDATE_MAX = 256;
const MAX_HALVING = 12;
/** Entries walked per word to size the first window (four pages, but a short walk for "load more" too). */
const PROBE_MAX = 256;
/** Index keys fetched per page of 50 at most (two common words that never meet stop here). */
export const KEY_BUDGET = 200_000;

/** Primary keys of one query word's entries in [lo, hi) (milliseconds; undefined = open end). */
async function keysIn(words: string[], lo: number | undefined, hi: number | undefined, stats?: SearchStats): Promise<string[]> {
  if (stats) stats.keyCalls += words.length;
  const index = wordsIndex();
  const lists = await Promise.all(
    words.map((w) =>
      done(index.getAllKeys(IDBKeyRange.bound(lo === undefined ? `${w}${SEP}` : `${w}${SEP}${msKey(lo)}`, hi === undefined ? `${w}${SEP_END}` : `${w}${SEP}${msKey(hi)}`, false, true))),
    ),
  );
  return lists.flat() as string[];
}

type Probe = { newest: number; edge: number | undefined; oldest: number } | undefined;

/**
 * A word's newest entry, the time of about its k-th newest one (undefined: it has fewer) and its
 * oldest entry; undefined when the word has no entries at all.
 */
async function probe(t: WindowTerm, k: number): Promise<Probe> {
  const walks: Walk[] = t.words.map((word) => ({ word, done: false }));
  const index = wordsIndex();
  const [got, oldest] = await Promise.all([nextRound(walks, k), Promise.all(t.words.map((w) => oldestTime(index, w)))]);
  if (got.length === 0) return undefined;
  const edge = walks.every((w) => w.done) ? undefined : msOf(timeOf(got[got.length - 1]!.key));
  return { newest: msOf(timeOf(got[0]!.key)), edge, oldest: Math.min(...oldest.filter((o) => o !== '').map(msOf)) };
}

const newestFirst = (a: Stored, b: Stored) => {
  const ta = timeKey(a.at);
  const tb = timeKey(b.at);
  return ta === tb ? (a.id < b.id ? 1 : -1) : ta < tb ? 1 : -1;
};

type Window = { rows: Stored[]; lo: number | undefined; keys: number };

/**
 * The matches of [lo, hi), newest first. `lo` may come back higher (the window was halved): the next
 * window starts there. `floor` is the oldest possible match, for halving an open window.
 */
async function windowRows(ordered: WindowTerm[], terms: string[], start: number | undefined, hi: number, need: number, floor: number, stats?: SearchStats): Promise<Window> {
  let lo = start;
  let keys = 0;
  for (let halving = 0; ; halving++) {
    let cand = new Set(await timed(stats, 'keys', () => keysIn(ordered[0]!.words, lo, hi, stats)));
    keys += cand.size;
    for (const t of ordered.slice(1)) {
      // Few candidates: their rows are checked against every word anyway, cheaper than more keys.
      if (cand.size <= READ_DIRECT) break;
      const other = new Set(await timed(stats, 'keys', () => keysIn(t.words, lo, hi, stats)));
      keys += other.size;
      cand = new Set([...cand].filter((id) => other.has(id)));
    }
    const from = lo ?? floor;
    if (cand.size > Math.max(4 * need, CANDIDATE_MAX) && halving < MAX_HALVING && hi - from > 1) {
      lo = hi - Math.max(1, Math.floor((hi - from) / 2));
      if (stats) stats.halvings++;
      continue;
    }
    if (stats) stats.rows += cand.size;
    const rows = (await timed(stats, 'rows', () => getDb().interactions.bulkGet([...cand]))) as Array<Stored | undefined>;
    const ok = rows.filter((r): r is Stored => !!r && r.deletedAt === undefined && matchesAllTerms(r.words, terms));
    return { rows: ok.sort(newestFirst), lo, keys };
  }
}

/** The newest `limit` interactions matching every term; `keyed` (two or more) narrow by index keys. */
export async function searchWindows(keyed: WindowTerm[], terms: string[], limit: number, stats?: SearchStats): Promise<WindowResult> {
  const probes = await timed(stats, 'probe', () => Promise.all(keyed.map((t) => probe(t, Math.min(4 * (limit + 1), PROBE_MAX)))));
  if (probes.some((p) => p === undefined)) return { hits: [], hasMore: false };
  const found = probes as Array<NonNullable<Probe>>;
  // No match is newer than any word's newest entry, nor older than any word's oldest.
  const upper = Math.min(...found.map((p) => p.newest));
  const floor = Math.max(...found.map((p) => p.oldest));
  if (upper < floor) return { hits: [], hasMore: false };
  // The driver is the word whose newest entries reach back furthest: the first window holds the probed ones.
  const order = keyed.map((t, i) => ({ t, span: found[i]!.newest - (found[i]!.edge ?? -Infinity) })).sort((a, b) => b.span - a.span);
  const ordered = order.map((o) => o.t);
  const budget = KEY_BUDGET * Math.ceil((limit + 1) / 51);
  const hits: Stored[] = [];
  let hi = upper + 1;
  let lo: number | undefined = upper - Math.max(1, order[0]!.span);
  let keys = 0;
  for (;;) {
    if (lo !== undefined && lo <= floor) lo = undefined;
    if (stats) stats.windows++;
    const w = await windowRows(ordered, terms, lo, hi, limit + 1 - hits.length, floor, stats);
    hits.push(...w.rows);
    keys += w.keys;
    if (stats) stats.keys = keys;
    lo = w.lo;
    if (hits.length > limit || lo === undefined || keys >= budget) break;
    const covered = upper + 1 - lo;
    // Widen with the hit rate so far: about what is still needed, at least doubling, at most ninefold.
    const span = hits.length === 0 ? 3 * covered : Math.min(8 * covered, Math.max(covered, (1.25 * covered * (limit + 1 - hits.length)) / hits.length));
    hi = lo;
    lo = Math.floor(hi - span);
  }
  return { hits: hits.slice(0, limit), hasMore: hits.length > limit || lo !== undefined };
}
