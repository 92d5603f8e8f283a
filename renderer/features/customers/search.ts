import { create } from 'zustand';
import { foldForSearch } from '../../../shared/text/normalize';
import type { CustomerRow } from '../../db/customer-list';

/**
 * The global search text, in a store of its own: a keystroke re-renders the search box and the
 * result list, not the filters, saved views or page header.
 */
export const useCustomerQuery = create<{ query: string; setQuery: (query: string) => void }>((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}));

/** The folded terms of a query (ä/ae, ö/oe, ü/ue, ß/ss, accents and case made equal); none for blank. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === '' ? [] : folded.split(' ');
}

/** True when every row matching `next` also matches `prev`: each old term is inside some new term. */
export function narrows(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((old) => next.some((term) => term.includes(old)));
}

/** Rows, in their order, whose haystack holds every term: one tight pass, terms split once. */
export function matchRows(source: readonly CustomerRow[], terms: readonly string[]): CustomerRow[] {
  if (terms.length === 0) return source.slice();
  const out: CustomerRow[] = [];
  if (terms.length === 1) {
    const term = terms[0] as string;
    for (const row of source) if (row.haystack.includes(term)) out.push(row);
    return out;
  }
  outer: for (const row of source) {
    const h = row.haystack;
    for (const term of terms) if (!h.includes(term)) continue outer;
    out.push(row);
  }
  return out;
}

type Entry = { terms: string[]; key: string; result: CustomerRow[] };

/** Recent results kept per list: enough to step back with Backspace through a typed word. */
const KEEP = 12;

/**
 * A search over one list of rows (sorted and filtered by everything but the query). The rows'
 * haystacks are the index: one folded string per account (name, city, postal code, customer no.,
 * e-mail, contact names and e-mails), built when the row is read and replaced with the row on every
 * write (see customer-index.ts), so the search never lags behind the data. Each query starts
 * from the smallest recent result it narrows — typing "muel" after "mue" scans only the rows that
 * matched "mue", and Backspace finds "mue" itself again — so only the first letter scans every row.
 * A new list (a write, a filter or a sort) starts afresh.
 */
export function createSearch(): (base: readonly CustomerRow[], query: string) => CustomerRow[] {
  let list: readonly CustomerRow[] | undefined;
  let recent: Entry[] = [];
  return (base, query) => {
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
    const result = terms.length === 0 ? (base as CustomerRow[]) : matchRows(source, terms);
    recent = [{ terms, key, result }, ...recent.slice(0, KEEP - 1)];
    return result;
  };
}
