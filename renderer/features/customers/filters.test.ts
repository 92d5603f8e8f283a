import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import { applyFilters, DEFAULT_FILTERS, indexRows } from './filters';

const base = {
  id: '', updatedAt: 0, customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE',
  phone: '', email: '', website: '', category: 'A', accountType: 'expand', lifecycle: 'customer', lifecycleDates: {},
  churnReason: '', ownerId: 'me', productLines: [], tags: [], notes: '', archived: false, createdAt: 0,
} satisfies Omit<Account, 'name'>;

const rows = indexRows([
  { account: { ...base, id: '1', name: 'Müller Haustechnik GmbH', city: 'München' }, contactNames: 'Jürgen Weiß', contactEmails: '' },
  { account: { ...base, id: '2', name: 'Schulze Bau', city: 'Köln', category: 'C', ownerId: 'other' }, contactNames: 'Sergej Ivanov', contactEmails: 'ivanov@example.ru' },
  { account: { ...base, id: '3', name: 'Alte Firma', archived: true }, contactNames: '', contactEmails: '' },
]);

const ids = (f: Partial<typeof DEFAULT_FILTERS>) =>
  applyFilters(rows, { ...DEFAULT_FILTERS, owner: 'all', ...f }, 'me').map((r) => r.account.id);

describe('customer list filters', () => {
  it('finds umlaut spellings both ways, in names, cities and contacts', () => {
    expect(ids({ query: 'mueller' })).toEqual(['1']);
    expect(ids({ query: 'MÜNCHEN' })).toEqual(['1']);
    expect(ids({ query: 'weiss' })).toEqual(['1']);
    expect(ids({ query: 'koeln ivanov' })).toEqual(['2']);
    expect(ids({ query: 'ivanov@example' })).toEqual(['2']);
  });
  it("shows a rep's own accounts by default and hides archived ones", () => {
    expect(applyFilters(rows, DEFAULT_FILTERS, 'me').map((r) => r.account.id)).toEqual(['1']);
    expect(ids({ showArchived: true })).toEqual(['1', '2', '3']);
    expect(ids({ category: 'C' })).toEqual(['2']);
  });
});
