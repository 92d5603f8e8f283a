import { create } from 'zustand';
import { foldForSearch } from '../../../shared/text/normalize';
import type { CustomerRow } from '../../db/accounts/customer-list';
import { hasBit, type Candidates, type GramIndex } from './gram-index';

/**
 * The global search text, in a store of its own: a keystroke re-renders the search box and the
 * result list, not the filters, saved views or page header.
 */
export const useCustomerQuery = create<{ query: string; setQuery: (query: string) => void }>((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}));

/** The folded terms of a query (Müller/Mueller/Muller, ß/ss, Str./Straße, accents and case made equal: shared/text/normalize); none for blank. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

/** True when every row matching `next` also matches `prev`: each old term is inside some new term. */
export function narrows(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((old) => next.some((term) => term.includes(old)));
}

/**
 * Rows, in their order, whose haystack holds every term: one tight pass, terms split once. With
 * `candidates` from the gram index, a row outside them is skipped with one bit test, and when the
 * candidates are exact no haystack is read at all.
 */
export function matchRows(source: readonly CustomerRow[], terms: readonly string[], candidates?: Candidates): CustomerRow[] {
  if (terms.length === 0) return source.slice();
  const out: CustomerRow[] = [];
  if (candidates) {
    const { bits, offset, exact } = candidates;
    const size = bits.length * 32;
    for (const row of source) {
      const at = row.seq - offset;
      // A row from outside the index (it should hold every row it is given with) is checked in full.
      if (at < 0 || at >= size) {
        if (holdsAll(row.haystack, terms)) out.push(row);
      } else if (hasBit(bits, at) && (exact || holdsAll(row.haystack, terms))) out.push(row);
    }
    return out;
  }
  if (terms.length === 1) {
    const term = terms[0] as string;
    for (const row of source) if (row.haystack.includes(term)) out.push(row);
    return out;
  }
  for (const row of source) if (holdsAll(row.haystack, terms)) out.push(row);
  return out;
}

function holdsAll(haystack: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!haystack.includes(term)) return false;
  return true;
}

type Entry = { terms: string[]; key: string; result: CustomerRow[] };

/** Recent results kept per list: enough to step back with Backspace through a typed word. */
const KEEP = 12;

/**
 * A search over one list of rows (sorted and filtered by everything but the query). The rows'
 * haystacks are the index: one search text per account (name, street, postal code, city, customer no.,
 * e-mail, contact names and e-mails; shared/text/normalize searchText), built when the row is read and replaced with the row on every
 * write (see customer-index.ts), so the search never lags behind the data. Each query starts
 * from the smallest recent result it narrows — typing "muel" after "mue" scans only the rows that
 * matched "mue", and Backspace finds "mue" itself again. The first letters of a word, which would
 * scan every row, are answered from the gram index (pairs of letters: gram-index.ts) when given;
 * it must hold every row of `base`. A new list (a write, a filter or a sort) starts afresh.
 */
export function createSearch(): (base: readonly CustomerRow[], query: string, index?: GramIndex) => CustomerRow[] {
  let list: readonly CustomerRow[] | undefined;
  let recent: Entry[] = [];
  return (base, query, index) => {
    if (base !== list) {
      list = base;
      recent = [];
    }
    const terms = searchTerms(query);
    const key = terms.join(' ');
    const hit = recent.find((e) => e.key === key);
    if (hit) return hit.result;
    let source: readonly CustomerRow[] = base;
    for (const e of recent) if (e.result.length < source.length && narrows(e.terms, terms)) source = e.result;
    let result: CustomerRow[];
    if (terms.length === 0) result = base as CustomerRow[];
    else if (!index) result = matchRows(source, terms);
    else result = matchRows(source, terms, index.candidates(terms));
    recent = [{ terms, key, result }, ...recent.slice(0, KEEP - 1)];
    return result;
  };
}
