import { create } from 'zustand';
import type { AccountType, Category, Lifecycle } from '../../../shared/domain';
import { foldForSearch, matchesQuery } from '../../../shared/text/normalize';
import type { AccountListRow } from '../../db/accounts';

/** Filter state of the customer list; `owner: 'me'` is a rep's default view. */
export type CustomerFilters = {
  query: string;
  owner: 'me' | 'all' | string;
  category: Category | '';
  accountType: AccountType | '';
  lifecycle: Lifecycle | '';
  showArchived: boolean;
};

export const DEFAULT_FILTERS: CustomerFilters = {
  query: '',
  owner: 'me',
  category: '',
  accountType: '',
  lifecycle: '',
  showArchived: false,
};

export const useCustomerFilters = create<{ filters: CustomerFilters; set: (patch: Partial<CustomerFilters>) => void }>(
  (set) => ({
    filters: DEFAULT_FILTERS,
    set: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  }),
);

/**
 * A row with its owner's name and folded search text, computed once per data change rather than
 * per keystroke (and part of the row so the table's per-row value cache never goes stale).
 */
export type IndexedRow = AccountListRow & { ownerName: string; haystack: string };

export function indexRows(rows: AccountListRow[], ownerNames: ReadonlyMap<string, string> = new Map()): IndexedRow[] {
  return rows.map((row) => {
    const a = row.account;
    return {
      ...row,
      ownerName: ownerNames.get(a.ownerId) ?? '',
      haystack: foldForSearch(
        [a.name, a.city, a.postalCode, a.customerNumber, a.email, row.contactNames, row.contactEmails].join(' '),
      ),
    };
  });
}

export function applyFilters(rows: IndexedRow[], f: CustomerFilters, selfId: string): IndexedRow[] {
  const query = foldForSearch(f.query);
  const owner = f.owner === 'me' ? selfId : f.owner;
  return rows.filter(({ account: a, haystack }) => {
    if (!f.showArchived && a.archived) return false;
    if (owner !== 'all' && a.ownerId !== owner) return false;
    if (f.category && a.category !== f.category) return false;
    if (f.accountType && a.accountType !== f.accountType) return false;
    if (f.lifecycle && a.lifecycle !== f.lifecycle) return false;
    return matchesQuery(haystack, query);
  });
}
