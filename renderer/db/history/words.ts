import type { Contact, Interaction } from '../../../shared/domain';
import { foldForSearch, searchText } from '../../../shared/text/normalize';

/**
 * The words the history search finds (pure; no Dexie). Each interaction stores `words`, a list of
 * `<folded word>\u0001<time key>`: the words of its subject, summary, next step and complaint
 * resolution, plus the name words of its live contacts (marked with a trailing `*`). The time key is
 * the start `at` as a fixed-width base-36 number. The block postings (history/postings.ts) are derived
 * from these entries, and every row a search finds is checked against the query with them.
 * (Schema v4 to v7 also indexed them, multi-entry; v8 dropped that index.)
 */

/** Separates the word from the time key; sorts below every letter, so `w\u0001…` comes before `wa…`. */
export const SEP = '\u0001';
/** Sorts above every time key (and below every letter): the upper bound of one word's entries, of one block's posting keys. */
export const SEP_END = '\u0002';
/** Long tokens (URLs, part numbers) are cut: a prefix search on them still works up to this length. */
const MAX_WORD = 32;
const TIME_WIDTH = 9;
/** Marks an entry that is (also) a contact's name word: initials in a query match names only. */
const NAME = '*';

type WordSource = Pick<Interaction, 'subject' | 'summary' | 'nextStep' | 'at'> & Partial<Pick<Interaction, 'complaint' | 'deletedAt' | 'contactIds'>>;
type NameSource = Pick<Contact, 'title' | 'firstName' | 'lastName'> & Partial<Pick<Contact, 'deletedAt' | 'erased'>>;

/** Words of a folded text: letters and digits of any script, split at everything else. */
function words(folded: string): string[] {
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, MAX_WORD));
}

/**
 * The words a text is found by: its folded words (shared/text/normalize: "Müller" → "muller"), and
 * each word the fold changed as it is spelled out ("mueller"), so a word still being typed ("mue")
 * finds it by prefix. Unique, folded words first.
 */
export function tokenize(text: string): string[] {
  return [...new Set(words(searchText(text)))];
}

/** The words a query is matched with: folded only, unique, and none that is a prefix of another (it adds nothing). */
export function queryTerms(query: string): string[] {
  const unique = [...new Set(words(foldForSearch(query)))];
  return unique.filter((t) => !unique.some((o) => o !== t && o.startsWith(t)));
}

/** Name words of a contact; none for a trashed or erased person, so they are not found by name. */
export function nameWords(c: NameSource | undefined): string[] {
  if (!c || c.deletedAt !== undefined || c.erased) return [];
  return tokenize(`${c.title ?? ''} ${c.firstName ?? ''} ${c.lastName ?? ''}`);
}

/** The time key of an instant: order-preserving, fixed width; unparsable instants sort oldest. */
export function timeKey(at: string): string {
  const ms = Date.parse(at);
  return (Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0).toString(36).padStart(TIME_WIDTH, '0');
}

/** The milliseconds of a time key (inverse of msKey). */
export function msOf(key: string): number {
  return parseInt(key, 36) || 0;
}

/**
 * The `words` entries of an interaction. Text words need two letters (single letters are noise);
 * name words keep initials, so "Ivanov S. V." finds the card of "S. V. Ivanov". A trashed row has
 * none: it is not found until it is restored.
 */
export function interactionWords(row: WordSource, contactNames: ReadonlyArray<readonly string[]>): string[] {
  if (row.deletedAt !== undefined) return [];
  const words = new Map<string, string>();
  const t = timeKey(row.at);
  for (const w of tokenize(`${row.subject ?? ''} ${row.summary ?? ''} ${row.nextStep ?? ''} ${row.complaint?.resolution ?? ''}`)) if (w.length >= 2) words.set(w, '');
  for (const names of contactNames) for (const w of names) words.set(w, NAME);
  return [...words].map(([w, mark]) => `${w}${SEP}${t}${mark}`);
}

/** The word of an entry. */
export function wordOf(entry: string): string {
  const i = entry.indexOf(SEP);
  return i < 0 ? entry : entry.slice(0, i);
}

/** The time key of an entry. */
export function timeOf(entry: string): string {
  const i = entry.indexOf(SEP);
  return i < 0 ? '' : entry.slice(i + 1, i + 1 + TIME_WIDTH);
}

/**
 * True when every term is the beginning of one of the entries' words. A one-letter term is an
 * initial ("Ivanov S. V."): it must begin a name word, or every "v…" in a summary would match.
 */
/** True for the entry of a contact's name word (one-letter query terms match only these). */
export const isNameEntry = (entry: string): boolean => entry.endsWith(NAME);

export function matchesAllTerms(entries: readonly string[] | undefined, terms: readonly string[]): boolean {
  if (!entries || entries.length === 0) return false;
  const words = entries.map(wordOf);
  const names = entries.filter(isNameEntry).map(wordOf);
  return terms.every((t) => (t.length === 1 ? names : words).some((w) => w.startsWith(t)));
}
