import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../shared/validation/account';
import { createAccount, setArchived, trashAccount, updateAccount } from '../../db/accounts/account-writes';
import { createContact } from '../../db/accounts/contact-writes';
import { loadFirstPage } from '../../db/accounts/customer-list';
import { openDb, useDatabase } from '../../db/core/db';
import { indexSettled, resetCustomerIndex, startCustomerIndex, useCustomerIndex } from './customer-index';

const input = (name: string, ownerId = 'u1'): AccountInput => ({
  name, customerNumber: '', kind: 'company', street: '', postalCode: '80331', city: 'München', country: 'DE', phone: '', email: '',
  website: '', category: 'B', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId,
  productLines: [], tags: [], notes: '',
});

async function create(name: string, ownerId?: string): Promise<string> {
  const r = await createAccount(input(name, ownerId));
  if (!r.ok) throw new Error('invalid');
  return r.row.id;
}

const names = () => useCustomerIndex.getState().rows.map((r) => r.name);

describe('customer list source', () => {
  beforeEach(() => {
    resetCustomerIndex();
    useDatabase(openDb(`idx-${crypto.randomUUID()}`));
  });

  it('paints the first page from the index in German order, per owner', async () => {
    for (const n of ['Zander', 'Özdemir Bau', 'Adler', 'Äpfel AG', 'Müller']) await create(n, n === 'Müller' ? 'u2' : 'u1');
    expect((await loadFirstPage('u1', 3)).map((r) => r.name)).toEqual(['Adler', 'Äpfel AG', 'Özdemir Bau']);
    expect((await loadFirstPage(null, 10)).map((r) => r.name)).toEqual(['Adler', 'Äpfel AG', 'Müller', 'Özdemir Bau', 'Zander']);
  });

  it('reads past trashed and archived accounts, and past runs of equal names longer than a read, for the first page', async () => {
    // 26 equal names sort first; with a page of 2 each read takes 22 rows, so the run spans reads.
    for (let i = 0; i < 26; i++) {
      const id = await create('Gleich GmbH');
      if (i % 2 === 0) await setArchived(id, true);
      else await trashAccount(id);
    }
    const zeta = await create('Zeta');
    await create('Zulu');
    await create('Zander', 'u2');
    await createContact(zeta, { salutation: 'mr', title: '', firstName: 'Jürgen', lastName: 'Weiß', position: '', phone: '', mobile: '', email: 'jw@zeta.de', preferredChannel: 'none', notes: '' });
    const page = await loadFirstPage('u1', 2);
    expect(page.map((r) => r.name)).toEqual(['Zeta', 'Zulu']);
    expect(page[0]?.contactNames).toBe('Jürgen Weiß');
    expect(page[0]?.haystack).toContain('jw@zeta.de');
    expect((await loadFirstPage(null, 5)).map((r) => r.name)).toEqual(['Zander', 'Zeta', 'Zulu']);
  });

  it('loads the whole index and keeps it in step with creates, renames, contacts and trash', async () => {
    const zander = await create('Zander');
    await create('Bauer');
    startCustomerIndex();
    await indexSettled();
    expect(names()).toEqual(['Bauer', 'Zander']);
    await create('Müller');
    await updateAccount(zander, input('Adler'));
    await indexSettled();
    await new Promise((r) => setTimeout(r, 20));
    await indexSettled();
    expect(names()).toEqual(['Adler', 'Bauer', 'Müller']);
    await createContact(zander, { salutation: 'mr', title: '', firstName: 'Jürgen', lastName: 'Weiß', position: '', phone: '', mobile: '', email: 'jw@adler.de', preferredChannel: 'none', notes: '' });
    await trashAccount((useCustomerIndex.getState().rows.find((r) => r.name === 'Bauer') ?? { id: '' }).id);
    await new Promise((r) => setTimeout(r, 20));
    await indexSettled();
    expect(names()).toEqual(['Adler', 'Müller']);
    expect(useCustomerIndex.getState().rows[0]?.haystack).toContain('jurgen weiss');
  });
});
