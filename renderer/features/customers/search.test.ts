import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { toCustomerRow, type CustomerRow } from '../../db/accounts/customer-list';
import { GramIndex } from './gram-index';
import { createSearch, matchRows, narrows, searchTerms } from './search';

const base = {
  id: '', updatedAt: 0, customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE',
  phone: '', email: '', website: '', category: 'A', accountType: 'expand', lifecycle: 'customer', lifecycleDates: {},
  churnReason: '', ownerId: 'me', productLines: [], tags: [], notes: '', archived: false, createdAt: 0,
} satisfies Omit<Account, 'name'>;

const rows: CustomerRow[] = [
  toCustomerRow({ ...base, id: '1', name: 'Müller Haustechnik GmbH', city: 'München', postalCode: '80331', customerNumber: 'K-1001' }, [{ firstName: 'Jürgen', lastName: 'Weiß', email: '' }]),
  toCustomerRow({ ...base, id: '2', name: 'Schulze Bau', city: 'Köln', postalCode: '50667' }, [{ firstName: 'Sergej', lastName: 'Ivanov', email: 'ivanov@example.ru' }]),
  toCustomerRow({ ...base, id: '3', name: 'Crème Brûlée Café', city: 'Straßburg', postalCode: '67000' }, []),
];

const ids = (found: CustomerRow[]) => found.map((r) => r.id);

describe('customer search', () => {
  it('finds umlaut spellings both ways, accents and case ignored, in names, cities, numbers and contacts', () => {
    const search = createSearch();
    expect(ids(search(rows, 'mueller'))).toEqual(['1']);
    expect(ids(search(rows, 'MÜNCHEN'))).toEqual(['1']);
    expect(ids(search(rows, 'weiss'))).toEqual(['1']);
    expect(ids(search(rows, 'koeln ivanov'))).toEqual(['2']);
    expect(ids(search(rows, 'ivanov@example'))).toEqual(['2']);
    expect(ids(search(rows, 'k-1001'))).toEqual(['1']);
    expect(ids(search(rows, 'creme brulee cafe'))).toEqual(['3']);
    expect(ids(search(rows, 'strasse'))).toEqual([]);
    expect(ids(search(rows, 'strassburg'))).toEqual(['3']);
  });

  it('gives the same rows when narrowing, widening on Backspace and starting afresh', () => {
    const search = createSearch();
    const typed = ['m', 'mu', 'mue', 'muel', 'mue', 'm', '', 'b', 'ba', 'bau ', 'bau k', 'bau ko', 'bau k', 'x'];
    for (const q of typed) expect(ids(search(rows, q))).toEqual(ids(matchRows(rows, searchTerms(q))));
  });

  it('gives the same rows with the gram index as without, for every prefix typed and widened again', () => {
    const grams = new GramIndex();
    for (const r of rows) grams.add(r.seq, r.haystack);
    const search = createSearch();
    const typed = ['m', 'mu', 'mue', 'muen', 'muenc', 'x', '', 'k', 'ko', 'koeln iv', 'koeln i', 'c', 'cr', 'creme b', '@', 'k-1', 'q', 'zz'];
    for (const q of typed) expect(ids(search(rows, q, grams))).toEqual(ids(matchRows(rows, searchTerms(q))));
    // Rows the index does not hold (made before it) are still searched, in full.
    const later = new GramIndex((rows[2] as CustomerRow).seq);
    later.add((rows[2] as CustomerRow).seq, (rows[2] as CustomerRow).haystack);
    const fresh = createSearch();
    for (const q of typed) expect(ids(fresh(rows, q, later))).toEqual(ids(matchRows(rows, searchTerms(q))));
  });

  it('starts afresh on a new list, so a write is seen by the next keystroke', () => {
    const search = createSearch();
    expect(ids(search(rows, 'wei'))).toEqual(['1']);
    const renamed = [...rows, toCustomerRow({ ...base, id: '4', name: 'Weiß Elektro', city: 'Berlin' }, [])];
    expect(ids(search(renamed, 'weis'))).toEqual(['1', '4']);
  });

  it('the empty query keeps the list itself (no copy of 100k rows per keystroke)', () => {
    expect(createSearch()(rows, '  ')).toBe(rows);
  });

  it('knows which queries narrow which', () => {
    expect(narrows(['mue'], ['muel'])).toBe(true);
    expect(narrows(['bau'], ['bau', 'k'])).toBe(true);
    expect(narrows(['muel'], ['mue'])).toBe(false);
    expect(narrows(['bau', 'k'], ['bau'])).toBe(false);
    expect(narrows([], ['x'])).toBe(true);
  });
});
