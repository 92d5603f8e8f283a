import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import type { GeoPlace } from '../../../shared/geo/types';
import { setAccountPlace, updateAccount } from './account-writes';
import { getDb, openDb, useDatabase } from '../core/db';

const row: Account = {
  id: 'a1', updatedAt: 0, name: 'Bäckerei Weiß', customerNumber: '', kind: 'company', street: 'Dorfstr. 1', postalCode: '99999',
  city: 'Kleinkleckersdorf', country: 'DE', phone: '', email: '', website: '', category: 'B', accountType: 'maintain',
  lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u', productLines: [], tags: [], notes: '',
  archived: false, createdAt: 0,
};
const bamberg: GeoPlace = { lat: 49.8988, lon: 10.9028, precision: 'manual', label: 'Bamberg', state: 'BY', country: 'DE' };
const { id: _id, updatedAt: _u, archived: _a, createdAt: _c, ...input } = row;

describe('setAccountPlace', () => {
  beforeEach(() => useDatabase(openDb(`account-place-${crypto.randomUUID()}`)));

  it('stores and clears the chosen place', async () => {
    await getDb().accounts.add(row);
    await setAccountPlace('a1', { ...bamberg, precision: 'town' });
    expect((await getDb().accounts.get('a1'))?.place).toEqual(bamberg);
    await setAccountPlace('a1', undefined);
    expect((await getDb().accounts.get('a1'))?.place).toBeUndefined();
  });

  it('keeps it through an edit of other fields, drops it when the address changes', async () => {
    await getDb().accounts.add({ ...row, place: bamberg });
    await updateAccount('a1', { ...input, phone: '0951 12345' });
    expect((await getDb().accounts.get('a1'))?.place).toEqual(bamberg);
    await updateAccount('a1', { ...input, postalCode: '96047', city: 'Bamberg' });
    expect((await getDb().accounts.get('a1'))?.place).toBeUndefined();
  });
});
