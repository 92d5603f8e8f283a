import { newId, type Account, type Contact, type Id } from '../domain';
import { customerKey } from '../customers/same-customer';
import { foldForSearch } from '../text/normalize';
import type { ImportRecord } from './records';
import type { ImportIssue } from './types';

/** What to do with a row that matches an existing record. */
export type ImportPolicy = 'skip' | 'update' | 'create';

export type ExistingAccount = Pick<Account, 'id' | 'name'> & Partial<Account>;
export type ExistingContact = Pick<Contact, 'id' | 'accountId'> & Partial<Contact>;

/** Lookup of the stored data, built once per import (trashed and erased rows are not matched). */
export type ExistingIndex = {
  accounts: Map<string, ExistingAccount>;
  accountsByNumber: Map<string, ExistingAccount>;
  contacts: Map<string, ExistingContact>;
};

/** Duplicate keys of a contact: its e-mail everywhere, else its folded name within the account. */
export function contactKeys(c: { email?: string; firstName?: string; lastName?: string }, accountId: Id): string[] {
  const keys: string[] = [];
  if (c.email) keys.push(`mail:${c.email.trim().toLowerCase()}`);
  if (c.firstName || c.lastName) keys.push(`name:${accountId}|${foldForSearch(`${c.firstName ?? ''} ${c.lastName ?? ''}`)}`);
  return keys;
}

export function indexExisting(accounts: readonly ExistingAccount[], contacts: readonly ExistingContact[]): ExistingIndex {
  const index: ExistingIndex = { accounts: new Map(), accountsByNumber: new Map(), contacts: new Map() };
  for (const a of accounts) {
    if (a.deletedAt !== undefined) continue;
    const key = customerKey(a);
    if (key !== undefined) index.accounts.set(key, a);
    if (a.customerNumber) index.accountsByNumber.set(a.customerNumber.trim(), a);
  }
  for (const c of contacts) {
    if (c.deletedAt !== undefined || c.erased) continue;
    for (const key of contactKeys(c, c.accountId)) index.contacts.set(key, c);
  }
  return index;
}

/** Why a row's contact went to an account the row did not create: an earlier row of the file made or matched it, or a stored account matched by customer number or by name and postal code. */
export type AccountLink = { how: 'file' | 'number' | 'name'; row?: number };

export type PlannedCreate =
  | { table: 'accounts'; row: number; values: Partial<Account> & { id: Id } }
  | { table: 'contacts'; row: number; values: Partial<Contact> & { id: Id; accountId: Id }; account?: AccountLink };
/** `previous` is the whole stored row before the change, for undo (`ImportBatch.previous`). */
export type PlannedUpdate =
  | { table: 'accounts'; row: number; id: Id; changes: Partial<Account>; previous: ExistingAccount }
  | { table: 'contacts'; row: number; id: Id; changes: Partial<Contact>; previous: ExistingContact };
/** `ofRow`: for `duplicate_in_file`, the earlier row of the file this one repeats. */
export type SkippedRecord = { table: 'accounts' | 'contacts'; row: number; id: Id; reason: 'duplicate' | 'unchanged' | 'duplicate_in_file'; ofRow?: number };

export type ImportPlan = { toCreate: PlannedCreate[]; toUpdate: PlannedUpdate[]; skipped: SkippedRecord[]; errors: ImportIssue[] };

/**
 * Decides per record what the import transaction does. Accounts match by customer number, else by
 * the rule the account form warns by (looksLikeSameCustomer: name core + postal code); contacts by e-mail, else by name within the account. Rows of the same company
 * in one file share one account. `skip` leaves matches alone, `update` writes the non-empty imported
 * fields that differ, `create` adds new rows regardless. New rows get their ids here, so contacts can
 * point at accounts created in the same run.
 */
export function planImport(records: readonly ImportRecord[], existing: ExistingIndex, policy: ImportPolicy): ImportPlan {
  const plan: ImportPlan = { toCreate: [], toUpdate: [], skipped: [], errors: [] };
  const inFile = new Map<string, Id>();
  const contactsInFile = new Map<string, number>();
  // First row of the file that made or matched each account, and how a contact's account was found.
  const firstRow = new Map<Id, number>();
  const touched = new Set<Id>();

  for (const { row, account, contact } of records) {
    // A name with nothing to compare ("GmbH") matches no other row, in the file or stored.
    const key = customerKey(account) ?? `row:${row}`;
    const byNumber = account.customerNumber ? existing.accountsByNumber.get(account.customerNumber) : undefined;
    const byKey = existing.accounts.get(key);
    if (byNumber && byKey && byNumber.id !== byKey.id) {
      plan.errors.push({ row, field: 'account.customerNumber', code: 'customerNumber.conflict', params: { value: account.customerNumber ?? '' } });
      continue;
    }
    const match = policy === 'create' ? undefined : (byNumber ?? byKey);
    let accountId = inFile.get(key);
    let link: AccountLink | undefined;
    if (accountId) {
      link = { how: 'file', row: firstRow.get(accountId) ?? row };
      if (!contact) plan.skipped.push({ table: 'accounts', row, id: accountId, reason: 'duplicate_in_file', ofRow: link.row });
    } else if (match) {
      accountId = match.id;
      link = { how: match === byNumber ? 'number' : 'name' };
      if (!touched.has(match.id)) decide(plan, policy, 'accounts', row, match, account);
      // A second row matching the same stored account (another key, same number) is named, not dropped.
      else if (!contact) plan.skipped.push({ table: 'accounts', row, id: match.id, reason: 'duplicate_in_file', ofRow: firstRow.get(match.id) ?? row });
      touched.add(match.id);
    } else {
      accountId = newId();
      plan.toCreate.push({ table: 'accounts', row, values: { ...account, id: accountId } });
    }
    inFile.set(key, accountId);
    if (!firstRow.has(accountId)) firstRow.set(accountId, row);
    if (!contact) continue;

    const keys = contactKeys(contact, accountId);
    const earlier = keys.map((k) => contactsInFile.get(k)).find((r) => r !== undefined);
    if (earlier !== undefined) {
      plan.skipped.push({ table: 'contacts', row, id: accountId, reason: 'duplicate_in_file', ofRow: earlier });
      continue;
    }
    keys.forEach((k) => contactsInFile.set(k, row));
    const found = policy === 'create' ? undefined : keys.map((k) => existing.contacts.get(k)).find(Boolean);
    if (found) decide(plan, policy, 'contacts', row, found, contact);
    else plan.toCreate.push({ table: 'contacts', row, values: { ...contact, id: newId(), accountId }, ...(link ? { account: link } : {}) });
  }
  return plan;
}

const NAME_FIELDS = new Set(['name', 'firstName', 'lastName']);

function decide(plan: ImportPlan, policy: ImportPolicy, table: 'accounts' | 'contacts', row: number, stored: ExistingAccount | ExistingContact, incoming: object): void {
  if (policy === 'skip') {
    plan.skipped.push({ table, row, id: stored.id, reason: 'duplicate' });
    return;
  }
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(incoming)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const before = (stored as Record<string, unknown>)[field];
    // "Mueller" must not overwrite "Müller" (a spelling is no news); a new legal form ("Müller KG" for "Müller GmbH") is written.
    if (NAME_FIELDS.has(field) && typeof before === 'string' && foldForSearch(before) === foldForSearch(String(value))) continue;
    if (JSON.stringify(before) !== JSON.stringify(value)) changes[field] = value;
  }
  if (Object.keys(changes).length === 0) plan.skipped.push({ table, row, id: stored.id, reason: 'unchanged' });
  else plan.toUpdate.push({ table, row, id: stored.id, changes, previous: stored } as PlannedUpdate);
}
