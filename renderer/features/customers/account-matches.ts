import { useCallback } from 'react';
import { startsWithFolded } from '../../../shared/text/normalize';
import { findAccountOptions, type AccountOption } from '../../db/accounts/account-picker';
import type { CustomerRow } from '../../db/accounts/customer-list';
import { startCustomerIndex, useCustomerIndex } from './customer-index';
import { matchRows, searchTerms } from './search';

const option = (r: CustomerRow): AccountOption => ({ id: r.id, name: r.name, city: r.city, customerNumber: r.customerNumber });

/**
 * Accounts for the pickers ("Kontakt erfassen", the merge dialog): the customer list's own search
 * (name, street, postal code, city, customer no., contacts; every spelling of an umlaut) over its
 * in-memory index, so a picker finds what the list finds. The exact customer number first, then
 * names starting with the first word, then the rest, each in list order. Until the index has loaded
 * (it is started here), the database answers by name and customer number (findAccountOptions).
 */
export async function findAccounts(query: string, limit = 12): Promise<AccountOption[]> {
  const terms = searchTerms(query);
  const first = terms[0];
  if (first === undefined) return [];
  startCustomerIndex();
  const { status, rows, grams } = useCustomerIndex.getState();
  if (status !== 'ready') return findAccountOptions(query, limit);
  const number = query.trim();
  // One comparison a row: a customer number typed in full comes first wherever it sorts.
  const exact = rows.filter((r) => r.customerNumber !== '' && r.customerNumber === number);
  const byName: CustomerRow[] = [];
  const rest: CustomerRow[] = [];
  for (const r of matchRows(rows, terms, grams.candidates(terms))) {
    if (exact.includes(r)) continue;
    if (startsWithFolded(r.name, first)) {
      byName.push(r);
      if (byName.length >= limit) break;
    } else if (rest.length < limit) rest.push(r);
  }
  return [...exact, ...byName, ...rest].slice(0, limit).map(option);
}

/**
 * findAccounts for a picker's effect: a new function once the index has loaded, so a query answered
 * from the database meanwhile (name and number only) is asked again and finds by street and city too.
 */
export function useFindAccounts(): (query: string, limit?: number) => Promise<AccountOption[]> {
  const status = useCustomerIndex((s) => s.status);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `status` is the point: a new function when the index is ready.
  return useCallback((query: string, limit?: number) => findAccounts(query, limit), [status]);
}
