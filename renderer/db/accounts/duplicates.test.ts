import { beforeEach, describe, expect, it } from 'vitest';
import { SAME_CUSTOMER_CASES } from '../../../shared/customers/same-customer.test-support';
import type { AccountInput } from '../../../shared/validation/account';
import { openDb, useDatabase } from '../core/db';
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
