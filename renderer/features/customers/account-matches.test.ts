import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../shared/validation/account';
import { openDb, useDatabase } from '../../db/core/db';
import { createAccount } from '../../db/accounts/account-writes';
import { findAccountOptions } from '../../db/accounts/account-picker';
import { findAccounts } from './account-matches';
import { indexSettled, resetCustomerIndex, useCustomerIndex } from './customer-index';

const input = (name: string, street: string, postalCode: string, city: string, customerNumber = ''): AccountInput => ({
  name, customerNumber, kind: 'company', street, postalCode, city, country: 'DE', phone: '', email: '', website: '',
  category: 'B', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1', productLines: [],
  tags: [], notes: '',
});

const names = async (query: string) => (await findAccounts(query)).map((o) => o.name);

describe('account pickers: the customer list search', () => {
  beforeEach(async () => {
    resetCustomerIndex();
    useDatabase(openDb(`matches-${crypto.randomUUID()}`));
    for (const a of [
      input('Müller Haustechnik GmbH', 'Schloßstraße 5', '80331', 'München', 'K-1'),
      input('Schulze Bau KG', 'Hauptstr. 12', '50667', 'Köln', 'K-2'),
      input('Mueller Elektro', 'Müllerweg 1', '10115', 'Berlin', 'K-3'),
      input('Anlagenbau Nord', 'Am Hafen 2', '20095', 'Hamburg', 'K-1000'),
    ]) {
      const r = await createAccount(a);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    }
  });
  afterEach(() => resetCustomerIndex());

  it('answers by name from the database while the index loads, then by street and city too', async () => {
    // The first query starts the index and is answered by the database: names in every umlaut spelling.
    expect(useCustomerIndex.getState().status).toBe('idle');
    expect(await names('muller')).toEqual(['Mueller Elektro', 'Müller Haustechnik GmbH']);
    // The database knows names and numbers only.
    expect(await findAccountOptions('schloss')).toEqual([]);
    await indexSettled();
    expect(useCustomerIndex.getState().status).toBe('ready');
    for (const q of ['schloss', 'Schloßstr. 5', 'schlossstrasse']) expect(await names(q), q).toEqual(['Müller Haustechnik GmbH']);
    for (const q of ['koln', 'koeln', 'Köln', 'hauptstrasse']) expect(await names(q), q).toEqual(['Schulze Bau KG']);
    expect(await names('')).toEqual([]);
  });

  it('puts names starting with the word first, and a customer number typed in full before all', async () => {
    await findAccounts('x');
    await indexSettled();
    // "Mueller Elektro" by name, then "Müller Haustechnik" by name; the street "Müllerweg" adds no second hit.
    expect(await names('mueller')).toEqual(['Mueller Elektro', 'Müller Haustechnik GmbH']);
    // "nord" is in a name but not at its start; "hafen" only in a street.
    expect(await names('hafen')).toEqual(['Anlagenbau Nord']);
    expect(await names('K-1000')).toEqual(['Anlagenbau Nord']);
    expect((await names('K-1'))[0]).toBe('Müller Haustechnik GmbH');
  });
});
