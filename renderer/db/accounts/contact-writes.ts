import { newId, type Contact, type Id } from '../../../shared/domain';
import { validateContact, type ContactInput } from '../../../shared/validation/contact';
import type { WriteResult } from './account-writes';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

function compact(input: ContactInput): ContactInput {
  const out = { ...input };
  if (!out.birthday) delete out.birthday;
  if (!out.consent) delete out.consent;
  if (out.birthday && out.birthday.year === undefined) {
    const { year: _y, ...dayMonth } = out.birthday;
    out.birthday = dayMonth;
  }
  return out;
}

export async function createContact(accountId: Id, raw: unknown): Promise<WriteResult<Contact>> {
  const checked = validateContact(raw);
  if (!checked.ok) return checked;
  const row: Contact = { ...compact(checked.value), id: newId(), accountId, updatedAt: Date.now() };
  await runWrite((d) => [d.contacts], () => getDb().contacts.add(row), { label: 'contact' });
  return { ok: true, row };
}

export async function updateContact(id: Id, raw: unknown): Promise<WriteResult<Contact>> {
  const checked = validateContact(raw);
  if (!checked.ok) return checked;
  const db = getDb();
  return runWrite([db.contacts], async () => {
    const before = await db.contacts.get(id);
    if (!before) return { ok: false, errors: { _: 'notFound' } } as const;
    const { birthday: _b, consent: _c, ...kept } = before;
    const row: Contact = { ...kept, ...compact(checked.value), updatedAt: Date.now() };
    await db.contacts.put(row);
    return { ok: true, row } as const;
  }, { label: 'contact' });
}

export async function trashContact(id: Id): Promise<void> {
  await runWrite((d) => [d.contacts], () => getDb().contacts.update(id, { deletedAt: Date.now(), updatedAt: Date.now() }), { label: 'contact' });
}

export async function restoreContact(id: Id): Promise<void> {
  await runWrite((d) => [d.contacts], () => getDb().contacts.update(id, { deletedAt: undefined, updatedAt: Date.now() }), { label: 'contact' });
}

/** A contact in the trash with the name of the account it belongs to (two "Eva Muster" must be told apart). */
export type TrashedContact = Contact & {
  /** Name of the (live) account the contact belongs to. */
  accountName: string;
};

/** Contacts in the trash whose account is still live (a trashed account keeps its own contacts). */
export async function listTrashedContacts(): Promise<TrashedContact[]> {
  const db = getDb();
  const rows = await db.contacts.where('deletedAt').above(0).toArray();
  const accounts = await db.accounts.bulkGet([...new Set(rows.map((c) => c.accountId))]);
  const live = new Map<string, string>();
  for (const a of accounts) if (a && a.deletedAt === undefined) live.set(a.id, a.name);
  return rows
    .filter((c) => live.has(c.accountId))
    .sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0))
    .map((c) => ({ ...c, accountName: live.get(c.accountId) ?? '' }));
}
