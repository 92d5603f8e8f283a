import type { Id, Interaction } from '../../shared/domain';
import { getDb } from './db';
import { settleSearchWords } from './history-index';
import { buildPostings, postingsBuilt } from './history-postings-build';
import { searchPostings } from './history-postings-search';
import { distinctWords, kthNewest, MAX_WORDS, nextRound, readsRecords, timed, wordsIndex, type SearchStats, type Walk } from './history-walk';
import { matchesAllTerms, queryTerms } from './history-words';

/**
 * History-wide search ("when did we meet Ivanov S. V.?") over the persistent `words` index
 * (history-words.ts: text words and contact names, each entry `<word>\u0001<time key>`) and the week
 * postings built from it (history-postings.ts):
 *
 * 1. The query's words are matched as prefixes ("wartung" finds "Wartungsvertrag"); every word must
 *    match (a contact's name or the row's own text). Words of two letters or more drive the search;
 *    each is expanded to the distinct indexed words it begins (key-cursor jumps, one step per word).
 * 2. One word: each indexed word's entries are sorted by date inside the index, so the newest
 *    candidates are a merge of short backwards walks, in rounds; a round only takes entries newer
 *    than every truncated walk, so results come out newest first without reading older history.
 *    Where IndexedDB has getAllRecords (Chromium 141+, Electron's) rows come along with the entries.
 * 3. Several words: the block postings intersected newest block first (history-postings-search.ts):
 *    cost grows with the weeks of history read and the page, not with the rows of either word, and
 *    words that never occur together are answered definitely. Until the postings of a database from
 *    before schema v6 are built (in the background), the word that is sparsest lately is walked as
 *    in 2 and every row checked, up to a budget ("load more" goes on).
 * Rows are checked against every term, which also covers one-letter name initials.
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
  /** Filled with what the search did (benchmarks). */
  stats?: SearchStats;
};

export { MAX_WORDS };

/** Rows read by the one-word walk at most, per call (or 20 pages). */
const READ_BUDGET = 2000;
/** Rows read along with their index entries (getAllRecords) per page of 50 at most: ~30 µs each (only while postings are built). */
const RECORD_BUDGET = 20_000;
/** Index entries walked per call at most (keys only). */
const WALK_BUDGET = 100_000;
/** Widest round: candidates taken at once when the other words keep rejecting them. */
const MAX_ROUND = 4000;

const EMPTY: HistorySearchResult = { hits: [], hasMore: false };

/** The newest rows of one word's entries (walked newest first), checked against every term. */
async function walkSearch(driver: string, words: string[], broad: boolean, terms: string[], limit: number, stats?: SearchStats): Promise<HistorySearchResult> {
  const db = getDb();
  const walks: Walk[] = words.map((word) => ({ word, done: false }));
  const records = readsRecords();
  const budget = records ? RECORD_BUDGET * Math.ceil((limit + 1) / 51) : Math.max(READ_BUDGET, 20 * limit);
  const seen = new Set<Id>();
  const hits: Interaction[] = [];
  let read = 0;
  let walked = 0;
  let count = limit + 1;
  while (hits.length <= limit && read < budget && walked < WALK_BUDGET) {
    const round = await timed(stats, 'walk', () => nextRound(walks, count, stats));
    if (round.length === 0 && walks.every((w) => w.done)) break;
    walked += round.length;
    const fresh = round.filter((e) => !seen.has(e.id) && seen.add(e.id));
    // Checked in slices of a page, so a full page stops the reading (rows not read along are fetched per slice).
    for (let i = 0; i < fresh.length && hits.length <= limit && read < budget; i += limit + 1) {
      const slice = fresh.slice(i, i + limit + 1);
      read += slice.length;
      if (stats) stats.rows += slice.length;
      const rows = (
        slice.every((e) => e.row !== undefined) ? slice.map((e) => e.row) : await timed(stats, 'rows', () => db.interactions.bulkGet(slice.map((e) => e.id)))
      ) as Array<(Interaction & { words?: string[] }) | undefined>;
      for (const r of rows) if (r && r.deletedAt === undefined && matchesAllTerms(r.words, terms)) hits.push(r);
    }
    // Next round: what the hit rate so far says a full page needs (and a quarter more), doubling at
    // least (fourfold while nothing matched), eightfold at most: a round fetched is a round read.
    const need = limit + 1 - hits.length;
    const aim = hits.length === 0 ? 4 * count : (1.25 * walked * need) / hits.length;
    count = Math.min(MAX_ROUND, Math.max(2 * count, Math.min(8 * count, Math.ceil(aim))));
  }
  const exhausted = walks.every((w) => w.done);
  return { hits: hits.slice(0, limit), hasMore: hits.length > limit || !exhausted, ...(broad ? { broad: driver } : {}) };
}

export async function searchHistory(query: string, options: HistorySearchOptions = {}): Promise<HistorySearchResult> {
  const limit = Math.max(1, options.limit ?? 50);
  const terms = queryTerms(query);
  const drivers = terms.filter((t) => t.length >= 2);
  if (drivers.length === 0) return EMPTY;
  const stats = options.stats;
  await timed(stats, 'settle', () => settleSearchWords(getDb()));
  const listed = await timed(stats, 'list', () => Promise.all(drivers.map(async (term) => ({ term, ...(await distinctWords(wordsIndex(), term)) }))));
  if (listed.some((l) => l.words.length === 0)) return EMPTY;
  listed.sort((a, b) => a.words.length - b.words.length);
  if (listed.length === 1) return walkSearch(listed[0]!.term, listed[0]!.words, listed[0]!.broad, terms, limit, stats);
  const db = getDb();
  if (await timed(stats, 'built', () => postingsBuilt(db))) return searchPostings(listed, terms, limit, stats);
  void buildPostings(db).catch(() => undefined);
  // Meanwhile: walk the word whose newest page reaches back furthest (the sparsest lately), check every row.
  const k = limit + 1;
  const index = wordsIndex();
  const narrow = listed.filter((l) => !l.broad);
  const probed = narrow.length ? narrow : listed;
  const edges = await timed(stats, 'probe', () => Promise.all(probed.map((t) => kthNewest(index, t.words, k))));
  const driver = probed[edges.indexOf([...edges].sort()[0]!)]!;
  return walkSearch(driver.term, driver.words, driver.broad, terms, limit, stats);
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
