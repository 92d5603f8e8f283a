import { beforeEach, describe, expect, it } from 'vitest';
import { SAME_CUSTOMER_CASES } from '../../../shared/customers/same-customer.test-support';
import type { AccountInput } from '../../../shared/validation/account';
import { getDb, openDb, useDatabase } from '../core/db';
import { createAccount } from './account-writes';
import { findDuplicateAccounts } from './duplicates';

const input = (name: string, postalCode: string): AccountInput => ({
  name, customerNumber: '', kind: 'company', street: '', postalCode, city: '', country: 'DE', phone: '', email: '', website: '',
  category: 'B', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1', productLines: [],
  tags: [], notes: '',
});

/** The account form's warning answers the same cases as the import (shared/customers/same-customer.test-support). */
describe('duplicate warning of the account form', () => {
  beforeEach(() => useDatabase(openDb(`dupes-${crypto.randomUUID()}`)));

  it.each(SAME_CUSTOMER_CASES)('$why', async ({ entered, stored, same }) => {
    const r = await createAccount(input(stored.name, stored.postalCode));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const found = await findDuplicateAccounts({ name: entered.name, postalCode: entered.postalCode });
    expect(found.map((a) => a.id)).toEqual(same ? [r.row.id] : []);
    // Before the postal code is typed, the name alone decides.
    expect((await findDuplicateAccounts({ name: entered.name, postalCode: '' })).length > 0).toBe(same || entered.postalCode !== stored.postalCode);
  });
});

describe('duplicate warning at scale', () => {
  beforeEach(() => useDatabase(openDb(`dupes-${crypto.randomUUID()}`)));

  it('finds Müller GmbH for "Muller GmbH" without a postal code, among thousands of names starting alike', async () => {
    const r = await createAccount(input('Müller GmbH', '80331'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // 3500 accounts whose collation keys start with "mu" and sort before "muller": a scan of every "mu…" stopped before Müller.
    const base = (await getDb().accounts.get(r.row.id))!;
    const others = Array.from({ length: 3500 }, (_, i) => ({ ...base, id: `mu-${i}`, name: `Mu${String.fromCharCode(97 + (i % 11))} ${i}` }));
    await getDb().accounts.bulkAdd(others);
    for (const name of ['Muller GmbH', 'Mueller', 'MÜLLER KG']) {
      expect((await findDuplicateAccounts({ name, postalCode: '' })).map((a) => a.name), name).toEqual(['Müller GmbH']);
    }
  });
});
