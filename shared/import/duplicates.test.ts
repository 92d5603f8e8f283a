import { describe, expect, it } from 'vitest';
import { SAME_CUSTOMER_CASES } from '../customers/same-customer.test-support';
import { indexExisting, planImport, type ExistingAccount, type ExistingContact } from './duplicates';
import type { ImportRecord } from './records';

const stored: ExistingAccount[] = [
  { id: 'acc-1', name: 'Müller Haustechnik GmbH', postalCode: '70173', phone: '0711 1', customerNumber: 'K-1001' },
  { id: 'acc-2', name: 'Bäckerei Weiß', postalCode: '01067' },
  { id: 'acc-3', name: 'Gelöscht AG', postalCode: '10115', deletedAt: 1 },
];
const contacts: ExistingContact[] = [
  { id: 'con-1', accountId: 'acc-1', firstName: 'Hans', lastName: 'Müller', email: 'hans@mueller.de', mobile: '' },
];
const index = indexExisting(stored, contacts);

const records: ImportRecord[] = [
  { row: 2, account: { name: 'Mueller Haustechnik GmbH', postalCode: '70173', phone: '+49 711 1200' }, contact: { firstName: 'Hans', lastName: 'Mueller', email: 'HANS@mueller.de', mobile: '+49 170 1234567' } },
  { row: 3, account: { name: 'Müller Haustechnik GmbH', postalCode: '70173' }, contact: { firstName: 'Eva', lastName: 'Schmidt' } },
  { row: 4, account: { name: 'Neu GmbH', postalCode: '80331' }, contact: { firstName: 'Ida', lastName: 'Neu' } },
  { row: 5, account: { name: 'Neu GmbH', postalCode: '80331' }, contact: { firstName: 'Ida', lastName: 'Neu' } },
  { row: 6, account: { name: 'Bäckerei Weiß', postalCode: '01067' } },
  { row: 7, account: { name: 'Gelöscht AG', postalCode: '10115' } },
];

describe('matching accounts by the one rule (shared/customers/same-customer)', () => {
  it.each(SAME_CUSTOMER_CASES)('$why', ({ entered, stored: storedAccount, same }) => {
    const plan = planImport([{ row: 2, account: entered }], indexExisting([{ id: 'old', ...storedAccount }], []), 'skip');
    if (same) expect(plan.skipped).toEqual([{ table: 'accounts', row: 2, id: 'old', reason: 'duplicate' }]);
    else expect(plan.toCreate.map((c) => c.row)).toEqual([2]);
  });

  it('a mapped customer number decides before the name', () => {
    const existing = indexExisting([{ id: 'old', name: 'Müller GmbH', postalCode: '80331', customerNumber: 'K-1' }], []);
    const plan = planImport([{ row: 2, account: { name: 'Ganz Anders AG', postalCode: '10115', customerNumber: 'K-1' } }], existing, 'skip');
    expect(plan.skipped).toEqual([{ table: 'accounts', row: 2, id: 'old', reason: 'duplicate' }]);
  });

  it('groups rows of one firm in the file by the same rule, and never rows whose name has nothing to compare', () => {
    const plan = planImport([
      { row: 2, account: { name: 'Müller GmbH', postalCode: '80331' } },
      { row: 3, account: { name: 'Mueller KG', postalCode: '80331' } },
      { row: 4, account: { name: 'GmbH', postalCode: '80331' } },
      { row: 5, account: { name: 'GmbH', postalCode: '80331' } },
    ], indexExisting([], []), 'skip');
    expect(plan.toCreate.map((c) => c.row)).toEqual([2, 4, 5]);
    expect(plan.skipped).toEqual([{ table: 'accounts', row: 3, id: plan.toCreate[0]?.values.id, reason: 'duplicate_in_file', ofRow: 2 }]);
  });

  it('update: a new legal form is written, a spelling of the same name is not', () => {
    const existing = indexExisting([{ id: 'old', name: 'Müller GmbH', postalCode: '80331' }], []);
    const renamed = planImport([{ row: 2, account: { name: 'Müller KG', postalCode: '80331' } }], existing, 'update');
    expect(renamed.toUpdate.map((u) => [u.row, u.changes])).toEqual([[2, { name: 'Müller KG' }]]);
    const spelled = planImport([{ row: 2, account: { name: 'MUELLER GMBH', postalCode: '80331' } }], existing, 'update');
    expect(spelled.skipped).toEqual([{ table: 'accounts', row: 2, id: 'old', reason: 'unchanged' }]);
  });
});

describe('planImport', () => {
  it('skip: leaves matches alone, adds new contacts to existing accounts, groups rows of one company', () => {
    const plan = planImport(records, index, 'skip');
    expect(plan.toUpdate).toEqual([]);
    expect(plan.skipped).toEqual([
      { table: 'accounts', row: 2, id: 'acc-1', reason: 'duplicate' },
      { table: 'contacts', row: 2, id: 'con-1', reason: 'duplicate' },
      { table: 'contacts', row: 5, id: expect.any(String), reason: 'duplicate_in_file', ofRow: 4 },
      { table: 'accounts', row: 6, id: 'acc-2', reason: 'duplicate' },
    ]);
    const created = plan.toCreate.map((c) => [c.table, c.row, c.table === 'contacts' ? c.values.accountId : c.values.name]);
    const neu = plan.toCreate.find((c) => c.table === 'accounts' && c.row === 4)?.values.id;
    expect(created).toEqual([
      ['contacts', 3, 'acc-1'],
      ['accounts', 4, 'Neu GmbH'],
      ['contacts', 4, neu],
      ['accounts', 7, 'Gelöscht AG'],
    ]);
  });

  it('update: writes only non-empty differing fields and keeps the stored row for undo', () => {
    const plan = planImport(records, index, 'update');
    expect(plan.toUpdate).toEqual([
      { table: 'accounts', row: 2, id: 'acc-1', changes: { phone: '+49 711 1200' }, previous: stored[0] },
      { table: 'contacts', row: 2, id: 'con-1', changes: { email: 'HANS@mueller.de', mobile: '+49 170 1234567' }, previous: contacts[0] },
    ]);
    expect(plan.skipped).toContainEqual({ table: 'accounts', row: 6, id: 'acc-2', reason: 'unchanged' });
  });

  it('create: ignores stored matches but still groups one company in the file', () => {
    const plan = planImport(records, index, 'create');
    expect(plan.toUpdate).toEqual([]);
    const accounts = plan.toCreate.filter((c) => c.table === 'accounts');
    expect(accounts.map((c) => c.row)).toEqual([2, 4, 6, 7]);
    const contactsOfMueller = plan.toCreate.filter((c) => c.table === 'contacts' && c.values.accountId === accounts[0]?.values.id);
    expect(contactsOfMueller.map((c) => c.row)).toEqual([2, 3]);
  });

  it('reports a customer number that belongs to another account', () => {
    const plan = planImport([{ row: 9, account: { name: 'Bäckerei Weiß', postalCode: '01067', customerNumber: 'K-1001' } }], index, 'update');
    expect(plan.errors).toEqual([{ row: 9, field: 'account.customerNumber', code: 'customerNumber.conflict', params: { value: 'K-1001' } }]);
    expect(plan.toCreate).toEqual([]);
  });
});
