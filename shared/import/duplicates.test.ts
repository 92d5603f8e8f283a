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
    if (same) expect(plan.skipped).toEqual([{ table: 'accounts', row: 2, id: 'old', reason: 'duplicate', match: { id: 'old', by: 'same_name_place' } }]);
    else expect(plan.toCreate.map((c) => c.row)).toEqual([2]);
  });

  it('a mapped customer number decides before the name', () => {
    const existing = indexExisting([{ id: 'old', name: 'Müller GmbH', postalCode: '80331', customerNumber: 'K-1' }], []);
    const plan = planImport([{ row: 2, account: { name: 'Ganz Anders AG', postalCode: '10115', customerNumber: 'K-1' } }], existing, 'skip');
    expect(plan.skipped).toEqual([{ table: 'accounts', row: 2, id: 'old', reason: 'duplicate', match: { id: 'old', by: 'same_number' } }]);
  });

  it('groups rows of one firm in the file by the same rule, and never rows whose name has nothing to compare', () => {
    const plan = planImport([
      { row: 2, account: { name: 'Müller GmbH', postalCode: '80331' } },
      { row: 3, account: { name: 'Mueller KG', postalCode: '80331' } },
      { row: 4, account: { name: 'GmbH', postalCode: '80331' } },
      { row: 5, account: { name: 'GmbH', postalCode: '80331' } },
    ], indexExisting([], []), 'skip');
    expect(plan.toCreate.map((c) => c.row)).toEqual([2, 4, 5]);
    const first = plan.toCreate[0]?.values.id;
    expect(plan.skipped).toEqual([{ table: 'accounts', row: 3, id: first, reason: 'duplicate_in_file', match: { id: first, by: 'same_name_place', row: 2 } }]);
    expect(plan.folds).toEqual([{ row: 3, into: { id: first, existing: false, row: 2, name: 'Müller GmbH', postalCode: '80331', city: undefined, customerNumber: undefined }, by: 'same_name_place' }]);
  });

  it('update: a new legal form is written, a spelling of the same name is not', () => {
    const existing = indexExisting([{ id: 'old', name: 'Müller GmbH', postalCode: '80331' }], []);
    const renamed = planImport([{ row: 2, account: { name: 'Müller KG', postalCode: '80331' } }], existing, 'update');
    expect(renamed.toUpdate.map((u) => [u.row, u.changes, u.match])).toEqual([[2, { name: 'Müller KG' }, { id: 'old', by: 'same_name_place' }]]);
    const spelled = planImport([{ row: 2, account: { name: 'MUELLER GMBH', postalCode: '80331' } }], existing, 'update');
    expect(spelled.skipped).toEqual([{ table: 'accounts', row: 2, id: 'old', reason: 'unchanged', match: { id: 'old', by: 'same_name_place' } }]);
  });
});

describe('planImport', () => {
  it('skip: leaves matches alone, adds new contacts to existing accounts, groups rows of one company', () => {
    const plan = planImport(records, index, 'skip');
    expect(plan.toUpdate).toEqual([]);
    const neu = plan.toCreate.find((c) => c.table === 'accounts' && c.row === 4)?.values.id;
    const ida = plan.toCreate.find((c) => c.table === 'contacts' && c.row === 4)?.values.id;
    expect(plan.skipped).toEqual([
      { table: 'accounts', row: 2, id: 'acc-1', reason: 'duplicate', match: { id: 'acc-1', by: 'same_name_place' } },
      { table: 'contacts', row: 2, id: 'con-1', reason: 'duplicate', match: { id: 'con-1', by: 'same_person' } },
      // Ida Neu twice, without e-mail or phone to tell two people apart: the same person, as row 4.
      { table: 'contacts', row: 5, id: ida, reason: 'duplicate_in_file', match: { id: ida, by: 'same_person', row: 4 } },
      { table: 'accounts', row: 6, id: 'acc-2', reason: 'duplicate', match: { id: 'acc-2', by: 'same_name_place' } },
    ]);
    const created = plan.toCreate.map((c) => [c.table, c.row, c.table === 'contacts' ? c.values.accountId : c.values.name]);
    expect(plan.toCreate.find((c) => c.row === 3)).toMatchObject({ table: 'contacts', joined: { id: 'acc-1', by: 'same_name_place' } });
    expect(plan.folds.map((f) => [f.row, f.into.id, f.into.existing, f.by])).toEqual([
      [2, 'acc-1', true, 'same_name_place'], [3, 'acc-1', true, 'same_name_place'], [5, neu, false, 'same_name_place'], [6, 'acc-2', true, 'same_name_place'],
    ]);
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
      { table: 'accounts', row: 2, id: 'acc-1', changes: { phone: '+49 711 1200' }, previous: stored[0], match: { id: 'acc-1', by: 'same_name_place' } },
      { table: 'contacts', row: 2, id: 'con-1', changes: { email: 'HANS@mueller.de', mobile: '+49 170 1234567' }, previous: contacts[0], match: { id: 'con-1', by: 'same_person' } },
    ]);
    expect(plan.skipped).toContainEqual({ table: 'accounts', row: 6, id: 'acc-2', reason: 'unchanged', match: { id: 'acc-2', by: 'same_name_place' } });
  });

  it('create: ignores stored matches but still groups one company in the file', () => {
    const plan = planImport(records, index, 'create');
    expect(plan.toUpdate).toEqual([]);
    const accounts = plan.toCreate.filter((c) => c.table === 'accounts');
    expect(accounts.map((c) => c.row)).toEqual([2, 4, 6, 7]);
    const contactsOfMueller = plan.toCreate.filter((c) => c.table === 'contacts' && c.values.accountId === accounts[0]?.values.id);
    expect(contactsOfMueller.map((c) => c.row)).toEqual([2, 3]);
  });

  // Before #17 this was refused as 'customerNumber.conflict' (the name pointed at acc-2): the number is the identity now.
  it('the customer number decides over name and place: the account with that number is updated', () => {
    const plan = planImport([{ row: 9, account: { name: 'Bäckerei Weiß', postalCode: '01067', customerNumber: 'K-1001' } }], index, 'update');
    expect(plan.errors).toEqual([]);
    expect(plan.toCreate).toEqual([]);
    expect(plan.toUpdate.map((u) => [u.id, u.changes, u.match])).toEqual([['acc-1', { name: 'Bäckerei Weiß', postalCode: '01067' }, { id: 'acc-1', by: 'same_number' }]]);
  });
});
