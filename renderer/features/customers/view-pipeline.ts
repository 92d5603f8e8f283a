import type { CustomerRow } from '../../db/accounts/customer-list';
import { applyFilters, sortRows, type CustomerFilters, type CustomerSort } from './filters';
import type { GramIndex } from './gram-index';
import { createSearch, matchRows, searchTerms } from './search';

/**
 * The customer list's one pipeline, sort → filters → search, for the list itself and for "export the
 * current view" (which kept a copy of its own and drifted from the list). Pure: the callers read the
 * stores (see useCustomerView.ts).
 */

/** What decides which accounts the customer list shows, and in which order. */
export type CustomerViewState = {
  /** Column and direction. */
  sort: CustomerSort;
  /** Every filter but the search text. */
  filters: CustomerFilters;
  /** The search text as typed (folded by the search). */
  query: string;
};

/** What a view state is read against. */
export type CustomerViewContext = {
  /** The signed-in member: the owner filter's "me". */
  selfId: string;
  /** Team members' names by id: the owner column sorts by them. */
  ownerNames: ReadonlyMap<string, string>;
  /**
   * Version of the rhythm table the due filter and sort read (rhythm/due-status.ts): only compared,
   * so that a new table sorts and filters again.
   */
  rhythms: number;
  /** Lead scores by account id, for the score sort; absent while not read. */
  scores?: ReadonlyMap<string, number> | undefined;
};

/** The view's rows in one go, with no memory between calls: the reference the list's fast path must agree with. */
export function customerViewRows(rows: readonly CustomerRow[], view: CustomerViewState, context: CustomerViewContext): CustomerRow[] {
  const base = applyFilters(sortRows(rows as CustomerRow[], view.sort, context.ownerNames, context.scores), view.filters, context.selfId);
  return matchRows(base, searchTerms(view.query));
}

/** The list's rows for a view; `grams` (holding every row of `rows`) lets the first keystrokes skip the substring scan. */
export type CustomerView = (rows: readonly CustomerRow[], view: CustomerViewState, context: CustomerViewContext, grams?: GramIndex) => CustomerRow[];

/**
 * The same pipeline with memory, for the list: sorting runs again only when the rows, the sort, the
 * owners or the rhythm table change, the filters only when their input or they do (remembered across
 * instances: reopening the list at 100k rows skips the pass), so a keystroke costs one search, which
 * narrows from its recent results (search.ts). An empty query hands back the filtered list itself.
 */
export function createCustomerView(): CustomerView {
  const search = createSearch();
  let sorted: { rows: readonly CustomerRow[]; sort: CustomerSort; ownerNames: ReadonlyMap<string, string>; rhythms: number; scores: ReadonlyMap<string, number> | undefined; result: CustomerRow[] } | undefined;
  return (rows, view, context, grams) => {
    const { sort } = view;
    const { ownerNames, rhythms } = context;
    // New scores only matter to the score sort.
    const scores = sort.id === 'leadScore' ? context.scores : undefined;
    if (!sorted || sorted.rows !== rows || sorted.sort.id !== sort.id || sorted.sort.desc !== sort.desc || sorted.ownerNames !== ownerNames || sorted.rhythms !== rhythms || sorted.scores !== scores) {
      sorted = { rows, sort, ownerNames, rhythms, scores, result: sortRows(rows as CustomerRow[], sort, ownerNames, scores) };
    }
    return search(filterOnce(sorted.result, view.filters, context), view.query, grams);
  };
}

let lastFiltered: { rows: readonly CustomerRow[]; filters: CustomerFilters; selfId: string; rhythms: number; result: CustomerRow[] } | undefined;

/**
 * applyFilters, remembering the last answer: the list page asks again with the same rows and
 * filters each time it is opened, and at 100k rows that is a pass worth skipping.
 */
export function filterOnce(rows: readonly CustomerRow[], filters: CustomerFilters, { selfId, rhythms }: Pick<CustomerViewContext, 'selfId' | 'rhythms'>): CustomerRow[] {
  const last = lastFiltered;
  if (last && last.rows === rows && last.filters === filters && last.selfId === selfId && last.rhythms === rhythms) return last.result;
  const result = applyFilters(rows, filters, selfId);
  lastFiltered = { rows, filters, selfId, rhythms, result };
  return result;
}
