import { describe, expect, it } from 'vitest';
import { looksLikeSameCustomer } from '../customers/same-customer';
import { SAME_CUSTOMER_CASES } from '../customers/same-customer.test-support';
import type { Id } from '../domain';
import { indexExisting, planImport, type ExistingAccount, type ExistingContact, type ImportPlan } from './duplicates';
import { buildRecords, type ColumnMapping } from './mapping';

const MAPPING: ColumnMapping = ['account.customerNumber', 'account.name', 'account.postalCode', 'account.city', 'contact.firstName', 'contact.lastName', 'contact.email', 'contact.phone'];
const FIRMS = ['Bauer KG', 'Müller GmbH', 'Bäckerei Weiß', 'Schmidt Bau GmbH & Co. KG', 'Autohaus Köhler', 'Maier Elektro', 'Schröder OHG'];
const PLACES = [['80331', 'München'], ['50667', 'Köln'], ['01067', 'Dresden'], ['70173', 'Stuttgart'], ['10115', 'Berlin'], ['20095', 'Hamburg']];
const FIRST = ['Jörg', 'Anna', 'Thomas', 'Sabine', 'Jürgen', 'Eva', 'Özlem', 'Hans'];
const LAST = ['Müller', 'Weiß', 'Schmidt', 'Großmann', 'Bauer', 'Köhler', 'Yılmaz'];

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

/**
 * A German customer export of one row per PERSON: every customer has its own Kundennr, company names
 * repeat in other cities (and a few in the same city, still with their own number), a customer with
 * several people has one row per person, some e-mail addresses have umlauts, and a few rows are broken.
 */
function customerFile(rows: number, seed = 17): string[][] {
  const pick = rng(seed);
  const out: string[][] = [];
  let customer = 0;
  while (out.length < rows) {
    customer++;
    const number = `K-${String(10000 + customer)}`;
    const firm = FIRMS[pick(FIRMS.length)] as string;
    const [postal, city] = PLACES[pick(PLACES.length)] as [string, string];
    const people = 1 + pick(3);
    for (let p = 0; p < people && out.length < rows; p++) {
      const first = FIRST[pick(FIRST.length)] as string;
      const last = LAST[pick(LAST.length)] as string;
      const n = out.length;
      const email = n % 97 === 0 ? `${first}@@kaputt.de` : `${first.toLowerCase()}.${n}@${n % 3 === 0 ? 'bäckerei-weiß.de' : 'example.de'}`;
      out.push([number, firm, postal, city, first, last, email, `0${postal.slice(0, 3)} ${1000 + n}`]);
    }
  }
  return out;
}

/** What the database holds after a plan was written (creates and updates applied). */
function applied(plan: ImportPlan, before: { accounts: ExistingAccount[]; contacts: ExistingContact[] } = { accounts: [], contacts: [] }) {
  const accounts = new Map<Id, ExistingAccount>(before.accounts.map((a) => [a.id, a]));
  const contacts = new Map<Id, ExistingContact>(before.contacts.map((c) => [c.id, c]));
  for (const c of plan.toCreate) {
    if (c.table === 'accounts') accounts.set(c.values.id, { name: '', ...c.values });
    else contacts.set(c.values.id, c.values);
  }
  for (const u of plan.toUpdate) {
    const map = (u.table === 'accounts' ? accounts : contacts) as Map<Id, object>;
    map.set(u.id, { ...map.get(u.id), ...u.changes });
  }
  return { accounts: [...accounts.values()], contacts: [...contacts.values()] };
}

describe('the customer number is the identity', () => {
  it('10,000 rows, one per person: as many accounts as distinct numbers among the valid rows, one contact per person', () => {
    const rows = customerFile(10_000);
    const built = buildRecords(rows, MAPPING);
    expect(built.errors.length).toBe(rows.filter((_, n) => n % 97 === 0).length);
    expect(built.errors.every((e) => e.code === 'email.invalid')).toBe(true);
    const numbers = new Set(built.records.map((r) => r.account.customerNumber));
    const plan = planImport(built.records, indexExisting([], []), 'skip');
    const accounts = plan.toCreate.filter((c) => c.table === 'accounts');
    expect(accounts.length).toBe(numbers.size);
    expect(new Set(accounts.map((a) => a.values.customerNumber)).size).toBe(numbers.size);
    expect(plan.toCreate.filter((c) => c.table === 'contacts').length).toBe(built.records.length);
    expect(plan.skipped).toEqual([]);
    // Every fold is a colleague of the same customer number, never a namesake firm.
    expect(plan.folds.length).toBe(built.records.length - numbers.size);
    const numberOfRow = new Map(built.records.map((r) => [r.row, r.account.customerNumber]));
    for (const f of plan.folds) {
      expect(f.by).toBe('same_number');
      expect(f.into.customerNumber).toBe(numberOfRow.get(f.row));
    }
  });

  it('the same number twice is one account with two contacts; the same person twice is one contact', () => {
    const built = buildRecords([
      ['K-1', 'Bauer KG', '50667', 'Köln', 'Jörg', 'Weiß', 'jörg@bäckerei-weiß.de', ''],
      ['K-1', 'Bauer KG', '50667', 'Köln', 'Anna', 'Weiß', 'anna@bauer.de', ''],
      ['K-1', 'Bauer KG', '50667', 'Köln', 'Joerg', 'Weiss', 'JÖRG@bäckerei-weiß.de', '0221 1'],
      ['K-2', 'Bauer KG', '50667', 'Köln', 'Jörg', 'Weiß', 'jörg@bäckerei-weiß.de', ''],
    ], MAPPING);
    expect(built.errors).toEqual([]);
    const plan = planImport(built.records, indexExisting([], []), 'skip');
    const [k1, k2] = plan.toCreate.filter((c) => c.table === 'accounts');
    expect([k1?.row, k2?.row]).toEqual([2, 5]);
    const contacts = plan.toCreate.filter((c) => c.table === 'contacts');
    expect(contacts.map((c) => [c.row, c.values.accountId])).toEqual([[2, k1?.values.id], [3, k1?.values.id], [5, k2?.values.id]]);
    expect(contacts[1]).toMatchObject({ joined: { id: k1?.values.id, by: 'same_number', row: 2 } });
    expect(plan.skipped).toEqual([{ table: 'contacts', row: 4, id: contacts[0]?.values.id, reason: 'duplicate_in_file', match: { id: contacts[0]?.values.id, by: 'same_person', row: 2 } }]);
  });

  it('different numbers are never one account, even with the same name at the same place', () => {
    const plan = planImport([
      { row: 2, account: { name: 'Bauer KG', postalCode: '80331', customerNumber: 'K-1' } },
      { row: 3, account: { name: 'Bauer KG', postalCode: '80331', customerNumber: 'K-2' } },
    ], indexExisting([{ id: 'old', name: 'Bauer KG', postalCode: '80331', customerNumber: 'K-9' }], []), 'skip');
    expect(plan.toCreate.map((c) => c.row)).toEqual([2, 3]);
    expect(plan.folds).toEqual([]);
  });

  it('a re-import matches on the number and updates that account and its people', () => {
    const rows = customerFile(600, 4);
    const first = planImport(buildRecords(rows, MAPPING).records, indexExisting([], []), 'update');
    const db = applied(first);
    // The customer moved and renamed itself; one person got a new phone number; one person is new.
    const again = rows.map((r) => (r[0] === 'K-10003' ? [r[0], 'Bauer & Söhne KG', '01067', 'Dresden', ...r.slice(4)] : r));
    again[10] = [...(again[10] as string[]).slice(0, 7), '0170 999999'];
    again.push(['K-10003', 'Bauer & Söhne KG', '01067', 'Dresden', 'Neu', 'Person', 'neu@bauer.de', '']);
    const plan = planImport(buildRecords(again, MAPPING).records, indexExisting(db.accounts, db.contacts), 'update');
    const moved = db.accounts.find((a) => a.customerNumber === 'K-10003');
    expect(plan.toCreate.map((c) => [c.table, c.row])).toEqual([['contacts', again.length + 1]]);
    expect(plan.toCreate[0]).toMatchObject({ values: { accountId: moved?.id }, joined: { id: moved?.id, by: 'same_number' } });
    expect(plan.toUpdate.filter((u) => u.table === 'accounts').map((u) => [u.id, u.changes, u.match?.by])).toEqual([
      [moved?.id, { name: 'Bauer & Söhne KG', postalCode: '01067', city: 'Dresden' }, 'same_number'],
    ]);
    // Row 12 kept its name and e-mail but has a new phone: the same person, updated.
    expect(plan.toUpdate.filter((u) => u.table === 'contacts').map((u) => [u.row, u.changes, u.match?.by])).toEqual([[12, { phone: '0170 999999' }, 'same_person']]);
    expect(applied(plan, db).accounts.length).toBe(db.accounts.length);
  });
});

describe('without a number: the one fuzzy rule of the account form, every fold visible', () => {
  it.each(SAME_CUSTOMER_CASES)('two rows of the file: $why', ({ entered, stored, same }) => {
    const plan = planImport([{ row: 2, account: stored }, { row: 3, account: entered }], indexExisting([], []), 'skip');
    expect(plan.folds.length === 1).toBe(same);
    expect(looksLikeSameCustomer(entered, stored)).toBe(same);
  });

  it('"Müller GmbH" and "Müller KG" at 80331 fold, as the form warns; Bauer and Baur too; each fold says where and why', () => {
    const plan = planImport([
      { row: 2, account: { name: 'Müller GmbH', postalCode: '80331', city: 'München' } },
      { row: 3, account: { name: 'Müller KG', postalCode: '80331' } },
      { row: 4, account: { name: 'Baur Elektro', postalCode: '80331' } },
    ], indexExisting([{ id: 'bauer', name: 'Bauer Elektro GmbH', postalCode: '80331', customerNumber: 'K-7' }], []), 'skip');
    expect(plan.folds).toEqual([
      { row: 3, into: { id: plan.toCreate[0]?.values.id, existing: false, row: 2, name: 'Müller GmbH', postalCode: '80331', city: 'München', customerNumber: undefined }, by: 'same_name_place' },
      { row: 4, into: { id: 'bauer', existing: true, name: 'Bauer Elektro GmbH', postalCode: '80331', city: undefined, customerNumber: 'K-7' }, by: 'same_name_place' },
    ]);
  });

  it('a row with a number joins by name and place only an account that has no number yet, and gives it the number', () => {
    const existing = indexExisting([{ id: 'old', name: 'Müller GmbH', postalCode: '80331' }], []);
    const plan = planImport([
      { row: 2, account: { name: 'Müller KG', postalCode: '80331', customerNumber: 'K-5' } },
      { row: 3, account: { name: 'Müller GmbH', postalCode: '80331', customerNumber: 'K-6' } },
      { row: 4, account: { name: 'Neu AG', postalCode: '10115' } },
      { row: 5, account: { name: 'Neu AG', postalCode: '10115', customerNumber: 'K-8' } },
      { row: 6, account: { name: 'Anders', postalCode: '10115', customerNumber: 'K-8' } },
    ], existing, 'update');
    expect(plan.toUpdate.map((u) => [u.row, u.id, u.changes])).toEqual([[2, 'old', { name: 'Müller KG', customerNumber: 'K-5' }]]);
    expect(plan.toCreate.map((c) => [c.row, c.table === 'accounts' ? c.values.customerNumber : c.table])).toEqual([[3, 'K-6'], [4, 'K-8']]);
    expect(plan.folds.map((f) => [f.row, f.by])).toEqual([[2, 'same_name_place'], [5, 'same_name_place'], [6, 'same_number']]);
  });

  it('a row kept apart becomes an account of its own, and nothing folds into it', () => {
    const records = [
      { row: 2, account: { name: 'Bauer KG', postalCode: '80331' } },
      { row: 3, account: { name: 'Baur KG', postalCode: '80331' }, contact: { lastName: 'Baur' } },
      { row: 4, account: { name: 'Bauer KG', postalCode: '80331' } },
    ];
    const together = planImport(records, indexExisting([{ id: 'old', name: 'Bauer KG', postalCode: '80331' }], []), 'skip');
    expect(together.folds.map((f) => [f.row, f.into.id])).toEqual([[2, 'old'], [3, 'old'], [4, 'old']]);
    const apart = planImport(records, indexExisting([{ id: 'old', name: 'Bauer KG', postalCode: '80331' }], []), 'skip', { keepApart: new Set([3]) });
    const baur = apart.toCreate.find((c) => c.table === 'accounts');
    expect(baur).toMatchObject({ row: 3, values: { name: 'Baur KG' } });
    expect(apart.toCreate.find((c) => c.table === 'contacts')?.values.accountId).toBe(baur?.values.id);
    expect(apart.folds.map((f) => [f.row, f.into.id])).toEqual([[2, 'old'], [4, 'old']]);
  });
});

describe('a contact is a duplicate only when it is the same person at that account', () => {
  const at = (contacts: { firstName?: string; lastName: string; email?: string; phone?: string; mobile?: string }[], stored: ExistingContact[] = []) =>
    planImport(
      contacts.map((contact, i) => ({ row: i + 2, account: { name: 'Müller GmbH', postalCode: '80331', customerNumber: 'K-1' }, contact })),
      indexExisting([{ id: 'acc', name: 'Müller GmbH', postalCode: '80331', customerNumber: 'K-1' }, { id: 'other', name: 'Weiß AG', postalCode: '01067' }], stored),
      'skip',
    );

  it('two "Thomas Müller" with different e-mail addresses are two people', () => {
    const plan = at([{ firstName: 'Thomas', lastName: 'Müller', email: 't.mueller@firma.de' }, { firstName: 'Thomas', lastName: 'Müller', email: 'thomas.mueller@firma.de' }]);
    expect(plan.toCreate.map((c) => c.row)).toEqual([2, 3]);
  });

  it('the same name with the same phone, written differently, is one person', () => {
    const plan = at([{ firstName: 'Jörg', lastName: 'Weiß', phone: '+49 89 1234' }, { firstName: 'Joerg', lastName: 'Weiss', mobile: '089/1234', email: 'j@x.de' }]);
    expect(plan.toCreate.map((c) => c.row)).toEqual([2]);
    expect(plan.skipped.filter((s) => s.table === 'contacts').map((s) => [s.row, s.reason])).toEqual([[3, 'duplicate_in_file']]);
  });

  it('a stored person is matched only at the account the row belongs to', () => {
    const stored: ExistingContact[] = [
      { id: 'c-acc', accountId: 'acc', firstName: 'Eva', lastName: 'Schmidt', email: 'eva@firma.de' },
      { id: 'c-other', accountId: 'other', firstName: 'Anna', lastName: 'Bauer', email: 'anna@firma.de' },
    ];
    const plan = at([{ firstName: 'Eva', lastName: 'Schmidt', email: 'EVA@firma.de' }, { firstName: 'Anna', lastName: 'Bauer', email: 'anna@firma.de' }], stored);
    expect(plan.skipped).toContainEqual({ table: 'contacts', row: 2, id: 'c-acc', reason: 'duplicate', match: { id: 'c-acc', by: 'same_person' } });
    expect(plan.toCreate.map((c) => [c.table, c.row])).toEqual([['contacts', 3]]);
  });
});
