import type { Account, Contact, Id } from '../../../shared/domain';
import { getDb } from '../core/db';

/** An account with the contact fields the customer list searches. */
export type AccountListRow = {
  account: Account;
  /** "Anna Müller, Jürgen Weiß" — shown in the list and searched. */
  contactNames: string;
  /** Contact e-mails, searched but not shown. */
  contactEmails: string;
};

/** Live (not trashed) accounts with their contacts' names and e-mails, for the customer list. */
export async function listAccountRows(): Promise<AccountListRow[]> {
  const db = getDb();
  const [accounts, contacts] = await Promise.all([db.accounts.toArray(), db.contacts.toArray()]);
  const byAccount = new Map<Id, Contact[]>();
  for (const c of contacts) {
    if (c.deletedAt !== undefined) continue;
    const list = byAccount.get(c.accountId);
    if (list) list.push(c);
    else byAccount.set(c.accountId, [c]);
  }
  const rows: AccountListRow[] = [];
  for (const account of accounts) {
    if (account.deletedAt !== undefined) continue;
    const people = byAccount.get(account.id) ?? [];
    rows.push({
      account,
      contactNames: people.map((c) => `${c.firstName} ${c.lastName}`.trim()).join(', '),
      contactEmails: people.map((c) => c.email).join(' '),
    });
  }
  return rows;
}

export async function getAccount(id: Id): Promise<Account | undefined> {
  return getDb().accounts.get(id);
}

export async function listContactsOf(accountId: Id): Promise<Contact[]> {
  const rows = await getDb().contacts.where('accountId').equals(accountId).toArray();
  return rows.filter((c) => c.deletedAt === undefined);
}
