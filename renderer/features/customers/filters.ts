import { create } from 'zustand';
import type { AccountType, Category, Lifecycle } from '../../../shared/domain';
import { collationKey } from '../../../shared/text/collation';
import { foldForSearch, startsWithFolded } from '../../../shared/text/normalize';
import type { CustomerRow } from '../../db/accounts/customer-list';
import type { CustomerListLink } from '../../core/router';
import { DUE_FILTERS, dueSortKey, matchesDue, type DueFilterValue as DueFilter } from '../rhythm';
import { useCustomerQuery } from './search';

/** Filter state of the customer list (the search text is in search.ts); `owner: 'me'` is a rep's default view. */
export type CustomerFilters = {
  owner: 'me' | 'all' | string;
  category: Category | '';
  accountType: AccountType | '';
  lifecycle: Lifecycle | '';
  /** ISO country code or ''. */
  country: string;
  /** Start of the postal code or the city name ("80", "Münch"). */
  place: string;
  /** One tag or ''. */
  tag: string;
  showArchived: boolean;
  /** Human-contact status (see rhythm/due-status.ts) or ''. */
  due: DueFilter;
};

export const DEFAULT_FILTERS: CustomerFilters = {
  owner: 'me', category: '', accountType: '', lifecycle: '', country: '', place: '', tag: '', showArchived: false, due: '',
};

/** Sorting of the list: a column id and direction. */
export type CustomerSort = { id: string; desc: boolean };
export const DEFAULT_SORT: CustomerSort = { id: 'name', desc: false };

export const useCustomerFilters = create<{ filters: CustomerFilters; set: (patch: Partial<CustomerFilters>) => void }>((set) => ({
  filters: DEFAULT_FILTERS,
  set: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
}));

/** "Reset search and filters": everyone's accounts, no search text. */
export function resetSearchAndFilters(): void {
  useCustomerFilters.setState({ filters: { ...DEFAULT_FILTERS, owner: 'all' } });
  useCustomerQuery.getState().setQuery('');
}

/**
 * Opens the list on exactly the accounts a figure counts (a link from Today): its owner and
 * contact-status filter, no search text and no other filter, so the list shows that many rows.
 */
export function showListLink(link: CustomerListLink): void {
  const due = (DUE_FILTERS as readonly string[]).includes(link.due) ? (link.due as DueFilter) : '';
  useCustomerFilters.setState({ filters: { ...DEFAULT_FILTERS, owner: link.owner, due } });
  useCustomerQuery.getState().setQuery('');
}

/** Rows passing every filter but the search text, in their order (the list's pipeline: view-pipeline.ts). */
export function applyFilters(rows: readonly CustomerRow[], f: CustomerFilters, selfId: string): CustomerRow[] {
  const owner = f.owner === 'me' ? selfId : f.owner;
  const place = foldForSearch(f.place);
  const tag = f.tag.toLowerCase();
  return rows.filter((r) => {
    if (!f.showArchived && r.archived) return false;
    if (owner !== 'all' && r.ownerId !== owner) return false;
    if (f.category && r.category !== f.category) return false;
    if (f.accountType && r.accountType !== f.accountType) return false;
    if (f.lifecycle && r.lifecycle !== f.lifecycle) return false;
    if (f.country && r.country !== f.country) return false;
    if (place && !r.postalCode.startsWith(place) && !startsWithFolded(r.city, place)) return false;
    if (tag && !r.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (f.due && !matchesDue(r, f.due)) return false;
    return true;
  });
}

/** A row's sort key; null (no value to sort by, e.g. no due date) sorts last in both directions. */
type KeyOf = (r: CustomerRow) => string | null;

/** Sort keys per column; text sorts by German collation key, dates as ISO strings. */
function keyFor(id: string, ownerNames: ReadonlyMap<string, string>): KeyOf {
  switch (id) {
    case 'customerNumber': return (r) => collationKey(r.customerNumber);
    case 'postalCode': return (r) => r.postalCode;
    case 'city': return (r) => collationKey(r.city);
    case 'country': return (r) => r.country;
    case 'category': return (r) => r.category;
    case 'accountType': return (r) => r.accountType;
    case 'lifecycle': return (r) => String(['lead', 'prospect', 'customer', 'former'].indexOf(r.lifecycle));
    case 'owner': return (r) => collationKey(ownerNames.get(r.ownerId) ?? '');
    case 'lastContact': return (r) => r.lastHumanContactAt ?? '';
    case 'due': return dueSortKey;
    case 'tags': return (r) => collationKey(r.tags.join(' '));
    case 'contacts': return (r) => collationKey(r.contactNames);
    default: return (r) => r.sortKey;
  }
}

/**
 * Sorts all rows by a column (ties by name); rows arrive in name order, so name ascending is free.
 * `scores`: lead scores by id. Rows whose key is null keep name order after all the others, whichever the direction.
 */
export function sortRows(rows: CustomerRow[], sort: CustomerSort, ownerNames: ReadonlyMap<string, string>, scores?: ReadonlyMap<string, number>): CustomerRow[] {
  if (sort.id === 'name' && !sort.desc) return rows;
  if (sort.id === 'name') return [...rows].reverse();
  if (sort.id === 'leadScore') return byScore(rows, sort.desc, scores);
  const key = keyFor(sort.id, ownerNames);
  const keyed: { k: string; i: number }[] = [];
  const last: number[] = [];
  rows.forEach((r, i) => {
    const k = key(r);
    if (k === null) last.push(i);
    else keyed.push({ k, i });
  });
  const dir = sort.desc ? -1 : 1;
  keyed.sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : a.i - b.i));
  return [...keyed.map((x) => rows[x.i] as CustomerRow), ...last.map((i) => rows[i] as CustomerRow)];
}

/** By lead score, ties by name; accounts without one (customers, former) last in both directions. */
function byScore(rows: CustomerRow[], desc: boolean, scores: ReadonlyMap<string, number> = new Map()): CustomerRow[] {
  const dir = desc ? -1 : 1;
  const keyed = rows.map((r, i) => ({ s: scores.get(r.id), i }));
  keyed.sort((a, b) => {
    if (a.s === undefined || b.s === undefined) return a.s === b.s ? a.i - b.i : a.s === undefined ? 1 : -1;
    return (a.s - b.s) * dir || a.i - b.i;
  });
  return keyed.map((x) => rows[x.i] as CustomerRow);
}
