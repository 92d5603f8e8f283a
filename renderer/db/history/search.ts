import type { Id, Interaction } from '../../../shared/domain';
import { getDb } from '../core/db';
import { settleSearchWords } from './index-words';
import { initialTerm } from './postings';
import { postingsBuilt } from './postings-build';
import { searchPostings } from './postings-search';
import { timed, walkHistory, type SearchStats } from './walk';
import { queryTerms } from './words';

/**
 * History-wide search ("when did we meet Ivanov S. V.?"). Each interaction stores its `words`
 * (history/words.ts: folded words of its texts and the names of its contacts, with the time), kept
 * right on every write by history/index-words.ts; the block postings (history/postings.ts: per four-week
 * block and word, the interactions holding it) are derived from them by history/postings-index.ts.
 *
 * 1. The query's words are matched as prefixes ("wartung" finds "Wartungsvertrag"); every word must
 *    match (a contact's name or the row's own text). One-letter words are initials: they match only
 *    a contact's name word they begin, looked up as the names' initials in the postings. A query needs
 *    one word of two letters or more.
 * 2. One word or several: the postings, newest block first, one range read per word and block (which
 *    covers every word it begins), intersected in memory; only the page's rows are read and checked
 *    (history/postings-search.ts). The cost grows with the blocks of history read and the page, not
 *    with the rows of a common word, and the answer is exact ("load more" asks with a higher limit).
 * 3. Until the postings of a database from before schema v6 (or of an older layout) are built in the
 *    background (started by getDb() at every start), the history is walked newest first along `at`, every row checked, up to a budget of
 *    rows per page; the result then says there may be more (history/walk.ts).
 * There is no index of the words themselves (schema v4 had one; v8 dropped it: it cost about eleven
 * index entries per interaction on every write, and the postings answer every query it did).
 */

export type HistorySearchResult = {
  /** Matching interactions, newest first. */
  hits: Interaction[];
  /** More matches exist beyond `hits` (or, while the postings are built, were not looked at yet). */
  hasMore: boolean;
};

export type HistorySearchOptions = {
  /** Most results returned ("load more" asks again with a higher limit). */
  limit?: number;
  /** Filled with what the search did (benchmarks). */
  stats?: SearchStats;
};

const EMPTY: HistorySearchResult = { hits: [], hasMore: false };

export async function searchHistory(query: string, options: HistorySearchOptions = {}): Promise<HistorySearchResult> {
  const limit = Math.max(1, options.limit ?? 50);
  const terms = queryTerms(query);
  const drivers = terms.filter((t) => t.length >= 2);
  if (drivers.length === 0) return EMPTY;
  const { stats } = options;
  const db = getDb();
  await timed(stats, 'settle', () => settleSearchWords(db));
  // One-letter terms (initials) are intersected through the names' initials (history/postings.ts).
  const keys = terms.map((t) => (t.length === 1 ? initialTerm(t) : t));
  if (await timed(stats, 'built', () => postingsBuilt(db))) return searchPostings(keys, terms, limit, stats);
  // The build itself was started by getDb() when the database opened.
  return timed(stats, 'walk', () => walkHistory(terms, limit, stats));
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
