import { beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain';
import type { AccountInput } from '../../../shared/validation/account';
import { createAccount, emptyTrash, listTrashedAccounts, restoreAccount, trashAccount, updateAccount } from './account-writes';
import { createContact, trashContact } from './contact-writes';
import { getDb, openDb, useDatabase } from '../core/db';
import { onCustomerChange } from '../core/derived';
import { findContactsByEmail, findDuplicateAccounts } from './duplicates';
import { mergeAccounts, previewMerge, undoMerge } from './merge';

const input = (extra: Partial<AccountInput> = {}): AccountInput => ({
  name: 'Müller Haustechnik GmbH', customerNumber: '', kind: 'company', street: 'Sendlinger Str. 1', postalCode: '80331', city: 'München',
  country: 'DE', phone: '', email: '', website: '', category: 'B', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {},
  churnReason: '', ownerId: 'u1', productLines: [], tags: ['Messe'], notes: '', ...extra,
});
const person = { salutation: 'ms', title: '', firstName: 'Anna', lastName: 'Weiß', position: '', phone: '', mobile: '', email: 'anna@mueller.de', preferredChannel: 'email', notes: '' };

async function create(extra: Partial<AccountInput> = {}): Promise<Account> {
  const r = await createAccount(input(extra));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.row;
}

describe('customer base writes', () => {
  beforeEach(() => useDatabase(openDb(`cb-${crypto.randomUUID()}`)));

  it('creates with validation, a unique customer number and a lifecycle date', async () => {
    expect(await createAccount(input({ name: '' }))).toEqual({ ok: false, errors: { name: 'required' } });
    const a = await create({ customerNumber: 'K-1' });
    expect(a.lifecycleDates.customer).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await createAccount(input({ customerNumber: 'K-1', name: 'Other' }))).toEqual({ ok: false, errors: { customerNumber: 'customerNumberTaken' } });
    const stored = (await getDb().accounts.get(a.id)) as Account & { sortKey: string };
    expect(stored.sortKey.startsWith('muller haustechnik gmbh')).toBe(true);
  });

  it('keeps the collation key in step with renames', async () => {
    const a = await create();
    await updateAccount(a.id, input({ name: 'Zander KG' }));
    await getDb().accounts.update(a.id, { name: 'Äpfel AG' });
    const stored = (await getDb().accounts.get(a.id)) as Account & { sortKey: string };
    expect(stored.sortKey.startsWith('apfel ag')).toBe(true);
  });

  it('trashes, restores and empties the trash with contacts and history', async () => {
    const a = await create();
    const b = await create({ name: 'Schulze Bau', postalCode: '50667', city: 'Köln' });
    await createContact(a.id, person);
    await getDb().interactions.add({ id: 'i1', accountId: a.id, type: 'visit', mode: 'human', status: 'done', at: '2026-01-01T10:00:00.000Z', userId: 'u1', contactIds: [], subject: '', summary: '', nextStep: '', createdAt: 0, updatedAt: 0 });
    await trashAccount(a.id);
    expect((await listTrashedAccounts()).map((r) => r.id)).toEqual([a.id]);
    await restoreAccount(a.id);
    expect(await listTrashedAccounts()).toEqual([]);
    expect((await getDb().accounts.get(a.id))?.deletedAt).toBeUndefined();
    await trashAccount(a.id);
    expect(await emptyTrash()).toBe(1);
    expect(await getDb().accounts.get(a.id)).toBeUndefined();
    expect(await getDb().contacts.count()).toBe(0);
    expect(await getDb().interactions.count()).toBe(0);
    expect(await getDb().accounts.get(b.id)).toBeDefined();
  });

  it('finds duplicates by folded name and postal code, and contacts by e-mail', async () => {
    const a = await create();
    await create({ name: 'Müller Haustechnik GmbH', postalCode: '10115', city: 'Berlin' });
    const dupes = await findDuplicateAccounts({ name: 'Mueller Haustechnik', postalCode: '80331' });
    expect(dupes.map((d) => d.id)).toEqual([a.id]);
    expect(await findDuplicateAccounts({ name: 'Mueller Haustechnik', postalCode: '80331' }, a.id)).toEqual([]);
    expect((await findDuplicateAccounts({ name: 'MÜLLER HAUSTECHNIK', postalCode: '' })).length).toBe(2);
    await createContact(a.id, person);
    expect((await findContactsByEmail('ANNA@mueller.de')).length).toBe(1);
  });

  it('merges two accounts and undoes the merge exactly', async () => {
    const survivor = await create({ phone: '', tags: ['Messe'] });
    const loser = await create({ name: 'Mueller Haustechnik', phone: '089 123', tags: ['Newsletter'], notes: 'Altkunde' });
    const c = await createContact(loser.id, person);
    const referred = await create({ name: 'Neu GmbH', postalCode: '80333', referredByAccountId: loser.id });
    const preview = await previewMerge(survivor.id, loser.id);
    expect(preview?.counts.contacts).toBe(1);
    expect(preview?.filled).toEqual(expect.arrayContaining(['phone', 'tags', 'notes']));

    const mergeId = await mergeAccounts(survivor.id, loser.id);
    const after = await getDb().accounts.get(survivor.id);
    expect(after?.phone).toBe('089 123');
    expect(after?.tags).toEqual(['Messe', 'Newsletter']);
    expect((await getDb().accounts.get(loser.id))?.deletedAt).toBeGreaterThan(0);
    expect((await getDb().contacts.get(c.ok ? c.row.id : ''))?.accountId).toBe(survivor.id);
    expect((await getDb().accounts.get(referred.id))?.referredByAccountId).toBe(survivor.id);

    await undoMerge(mergeId);
    expect((await getDb().accounts.get(survivor.id))?.phone).toBe('');
    expect((await getDb().accounts.get(loser.id))?.deletedAt).toBeUndefined();
    expect((await getDb().contacts.get(c.ok ? c.row.id : ''))?.accountId).toBe(loser.id);
    expect((await getDb().accounts.get(referred.id))?.referredByAccountId).toBe(loser.id);
    expect((await getDb().merges.get(mergeId))?.undoneAt).toBeDefined();
  });

  it('reports committed writes to accounts and contacts on the change feed', async () => {
    const seen: string[] = [];
    const off = onCustomerChange((c) => seen.push(...c.accountIds));
    const a = await create();
    const c = await createContact(a.id, person);
    await trashContact(c.ok ? c.row.id : '');
    off();
    expect(seen).toEqual([a.id, a.id, a.id]);
  });
});
