import { beforeEach, describe, expect, it } from 'vitest';
import type { Account, Contact } from '../../../shared/domain';
import { listAccountRows } from './accounts';
import { openDb, useDatabase } from '../core/db';

function account(id: string, extra: Partial<Account> = {}): Account {
  return {
    id, updatedAt: 0, name: `Firma ${id}`, customerNumber: id, kind: 'company', street: '', postalCode: '80331',
    city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u', productLines: [], tags: [], notes: '',
    archived: false, createdAt: 0, ...extra,
  };
}

function contact(id: string, accountId: string, extra: Partial<Contact> = {}): Contact {
  return {
    id, accountId, updatedAt: 0, salutation: 'ms', title: '', firstName: 'Anna', lastName: 'Müller', position: '',
    phone: '', mobile: '', email: 'anna@example.de', preferredChannel: 'email', notes: '', ...extra,
  };
}

describe('listAccountRows', () => {
  beforeEach(() => useDatabase(openDb(`accounts-${crypto.randomUUID()}`)));

  it('joins live contacts and leaves trashed rows out', async () => {
    const { getDb } = await import('../core/db');
    await getDb().accounts.bulkAdd([account('1'), account('2', { deletedAt: 5 })]);
    await getDb().contacts.bulkAdd([
      contact('c1', '1'),
      contact('c2', '1', { firstName: 'Jürgen', lastName: 'Weiß', email: 'jw@example.de' }),
      contact('c3', '1', { deletedAt: 1, firstName: 'Gone' }),
    ]);
    const rows = await listAccountRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.contactNames).toBe('Anna Müller, Jürgen Weiß');
    expect(rows[0]?.contactEmails).toBe('anna@example.de jw@example.de');
  });
});
