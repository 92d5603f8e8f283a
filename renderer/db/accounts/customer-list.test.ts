import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../../shared/validation/account';
import { foldForSearch, matchesQuery } from '../../../shared/text/normalize';
import { openDb, useDatabase } from '../core/db';
import { createAccount } from './account-writes';
import { createContact } from './contact-writes';
import { loadAllRows } from './customer-list';

const input = (name: string, street: string, postalCode: string, city: string): AccountInput => ({
  name, customerNumber: '', kind: 'company', street, postalCode, city, country: 'DE', phone: '', email: '', website: '',
  category: 'B', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1', productLines: [],
  tags: [], notes: '',
});

/** The list's search over the stored rows: every folded term in the row's search text (features/customers/search.ts). */
async function search(query: string): Promise<string[]> {
  const rows = await loadAllRows();
  return rows.filter((r) => matchesQuery(r.haystack, foldForSearch(query))).map((r) => r.name);
}

describe('customer list rows: what the search looks into', () => {
  beforeEach(async () => {
    useDatabase(openDb(`list-${crypto.randomUUID()}`));
    for (const a of [
      input('Müller Haustechnik GmbH', 'Schloßstraße 5', '80331', 'München'),
      input('Schulze Bau KG', 'Hauptstr. 12', '50667', 'Köln'),
      input('Muller Elektro', 'Bahnhofstr 3', '10115', 'Berlin'),
      input('Bäckerei Weiß', 'Am Markt 1', '01067', 'Dresden'),
    ]) {
      const r = await createAccount(a);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      if (a.name.startsWith('Bäckerei')) {
        await createContact(r.row.id, { salutation: 'ms', title: '', firstName: 'Jörg', lastName: 'Öztürk', position: '', phone: '', mobile: '', email: 'jörg@bäckerei-weiß.de', preferredChannel: 'email', notes: '' });
      }
    }
  });

  it('finds by street, however Straße is written', async () => {
    for (const q of ['schloss', 'schloß', 'schlossstrasse', 'Schloßstr. 5']) expect(await search(q), q).toEqual(['Müller Haustechnik GmbH']);
    for (const q of ['hauptstrasse', 'hauptstraße 12', 'hauptstr', 'Hauptstr. 12']) expect(await search(q), q).toEqual(['Schulze Bau KG']);
    expect(await search('bahnhofstrasse 3')).toEqual(['Muller Elektro']);
    expect(await search('strasse')).toEqual(['Muller Elektro', 'Müller Haustechnik GmbH', 'Schulze Bau KG']);
  });

  it('finds by city, with or without the umlaut', async () => {
    for (const q of ['koln', 'koeln', 'Köln', 'KÖLN', 'koe']) expect(await search(q), q).toEqual(['Schulze Bau KG']);
    for (const q of ['munchen', 'muenchen', 'München']) expect(await search(q), q).toEqual(['Müller Haustechnik GmbH']);
    expect(await search('muller koln')).toEqual([]);
  });

  it('finds Müller by every spelling, and by contact and e-mail', async () => {
    for (const q of ['muller', 'mueller', 'Müller', 'MÜLLER']) expect(await search(q), q).toEqual(['Muller Elektro', 'Müller Haustechnik GmbH']);
    for (const q of ['oztuerk', 'jorg', 'baeckerei-weiss']) expect(await search(q), q).toEqual(['Bäckerei Weiß']);
  });
});
