import { newId, type Account, type Contact, type Id } from '../domain';
import { customerKey } from '../customers/same-customer';
import { looksLikeSamePerson, personName, type PersonLike } from '../customers/same-person';
import { foldForSearch } from '../text/normalize';
import { accountLookup, findAccount, numberOf, remember, type ExistingAccount, type Fold, type FoldReason, type Known } from './identity';
import type { ImportRecord } from './records';
import type { ImportIssue } from './types';

/** What to do with a row that matches an existing record. */
export type ImportPolicy = 'skip' | 'update' | 'create';

export type { ExistingAccount, Fold, FoldReason, FoldTarget } from './identity';
export type ExistingContact = Pick<Contact, 'id' | 'accountId'> & Partial<Contact>;

/** Lookup of the stored data, built once per import (trashed and erased rows are not matched). */
export type ExistingIndex = {
  /** By `customerKey` (shared/customers/same-customer: name core + postal code). */
  accounts: Map<string, ExistingAccount>;
  accountsByNumber: Map<string, ExistingAccount>;
  /** Live contacts by `${accountId}|${folded full name}`: a person is only ever matched within its account. */
  contactsByName: Map<string, ExistingContact[]>;
};

const personKey = (accountId: Id, c: PersonLike) => `${accountId}|${personName(c)}`;

export function indexExisting(accounts: readonly ExistingAccount[], contacts: readonly ExistingContact[]): ExistingIndex {
  const index: ExistingIndex = { accounts: new Map(), accountsByNumber: new Map(), contactsByName: new Map() };
  for (const a of accounts) {
    if (a.deletedAt !== undefined) continue;
    const key = customerKey(a);
    if (key !== undefined && !index.accounts.has(key)) index.accounts.set(key, a);
    const number = numberOf(a);
    if (number && !index.accountsByNumber.has(number)) index.accountsByNumber.set(number, a);
  }
  for (const c of contacts) {
    if (c.deletedAt !== undefined || c.erased || personName(c) === '') continue;
    const key = personKey(c.accountId, c);
    index.contactsByName.set(key, [...(index.contactsByName.get(key) ?? []), c]);
  }
  return index;
}

/**
 * The record an entry matched and why: a stored row (`id`), or a record made from an earlier row of
 * this file (`id` given by the plan, and that `row`). For a new contact, the account it was added to.
 */
export type MatchInfo = { id: Id; by: FoldReason | 'same_person'; row?: number };

export type PlannedCreate =
  | { table: 'accounts'; row: number; values: Partial<Account> & { id: Id } }
  | {
      table: 'contacts';
      row: number;
      values: Partial<Contact> & { id: Id; accountId: Id };
      /** The account this row's person was added to, when the row did not create it (same number, or same name and place). */
      joined?: MatchInfo;
    };
/** `previous` is the whole stored row before the change, for undo (`ImportBatch.previous`). */
export type PlannedUpdate =
  | { table: 'accounts'; row: number; id: Id; changes: Partial<Account>; previous: ExistingAccount; match?: MatchInfo }
  | { table: 'contacts'; row: number; id: Id; changes: Partial<Contact>; previous: ExistingContact; match?: MatchInfo };
/** `id` is the record the row duplicates (stored, or made from the earlier row `match.row`). */
export type SkippedRecord = { table: 'accounts' | 'contacts'; row: number; id: Id; reason: 'duplicate' | 'unchanged' | 'duplicate_in_file'; match?: MatchInfo };

export type ImportPlan = {
  toCreate: PlannedCreate[];
  toUpdate: PlannedUpdate[];
  skipped: SkippedRecord[];
  errors: ImportIssue[];
  /** Every row whose account is one it did not create (stored, or of an earlier row), and why: the preview lists them. */
  folds: Fold[];
};

export type PlanOptions = {
  /** Rows the user keeps apart in the preview: each becomes an account of its own, and nothing folds into it. */
  keepApart?: ReadonlySet<number>;
};

/**
 * Decides per record what the import transaction does. The account: a mapped customer number is its
 * identity (shared/import/identity.ts); without one, the account form's rule (same name core at the
 * same postal code) folds rows into one account. Every such fold is in `folds`, and a row in
 * `keepApart` is never folded. The person: one contact per row, unless the same person is already at
 * that account (shared/customers/same-person: same name and the same e-mail or phone). `skip` leaves
 * matches alone, `update` writes the non-empty imported fields that differ, `create` ignores stored
 * records. New rows get their ids here, so contacts can point at accounts created in the same run.
 */
export function planImport(records: readonly ImportRecord[], existing: ExistingIndex, policy: ImportPolicy, options: PlanOptions = {}): ImportPlan {
  const plan: ImportPlan = { toCreate: [], toUpdate: [], skipped: [], errors: [], folds: [] };
  const useStored = policy !== 'create';
  const lookup = accountLookup(existing.accountsByNumber, existing.accounts);
  /** People of this file per account and name, with the row and id they got. */
  const people = new Map<string, { person: PersonLike; id: Id; row: number }[]>();
  // The first row that made or matched each account, so a row repeating a stored account names it.
  const firstRow = new Map<Id, number>();

  for (const { row, account, contact } of records) {
    const found = options.keepApart?.has(row) ? undefined : findAccount(lookup, account, useStored);
    let known: Known;
    let joined: MatchInfo | undefined;
    if (found) {
      known = found.known;
      joined = { id: known.id, by: found.by, ...(known.row !== undefined ? { row: known.row } : {}) };
      const { stored: _s, values: _v, used: _u, ...into } = known;
      plan.folds.push({ row, into, by: found.by });
      if (known.stored && !known.used) decide(plan, policy, 'accounts', row, known.stored, account, joined);
      else if (!contact) {
        const earlier = joined.row ?? firstRow.get(known.id);
        plan.skipped.push({ table: 'accounts', row, id: known.id, reason: 'duplicate_in_file', match: { ...joined, ...(earlier !== undefined ? { row: earlier } : {}) } });
      }
    } else {
      const values = { ...account, id: newId() };
      known = { id: values.id, existing: false, row, name: account.name ?? '', postalCode: account.postalCode, city: account.city, customerNumber: numberOf(account), values, used: false };
      plan.toCreate.push({ table: 'accounts', row, values });
    }
    if (!firstRow.has(known.id)) firstRow.set(known.id, row);
    // A kept-apart row is no target: the rows after it fold as if it were not there.
    if (!options.keepApart?.has(row)) remember(lookup, known, account);
    if (!contact) continue;

    const key = personKey(known.id, contact);
    const same = personName(contact) === '' ? undefined : people.get(key)?.find((p) => looksLikeSamePerson(p.person, contact));
    if (same) {
      plan.skipped.push({ table: 'contacts', row, id: same.id, reason: 'duplicate_in_file', match: { id: same.id, by: 'same_person', row: same.row } });
      continue;
    }
    const stored = known.existing ? existing.contactsByName.get(key)?.find((c) => looksLikeSamePerson(c, contact)) : undefined;
    const id = stored?.id ?? newId();
    if (stored) decide(plan, policy, 'contacts', row, stored, contact, { id: stored.id, by: 'same_person' });
    else plan.toCreate.push({ table: 'contacts', row, values: { ...contact, id, accountId: known.id }, ...(joined ? { joined } : {}) });
    people.set(key, [...(people.get(key) ?? []), { person: contact, id, row }]);
  }
  return plan;
}

const NAME_FIELDS = new Set(['name', 'firstName', 'lastName']);

function decide(plan: ImportPlan, policy: ImportPolicy, table: 'accounts' | 'contacts', row: number, stored: ExistingAccount | ExistingContact, incoming: object, match: MatchInfo): void {
  if (policy === 'skip') {
    plan.skipped.push({ table, row, id: stored.id, reason: 'duplicate', match });
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
  if (Object.keys(changes).length === 0) plan.skipped.push({ table, row, id: stored.id, reason: 'unchanged', match });
  else plan.toUpdate.push({ table, row, id: stored.id, changes, previous: stored, match } as PlannedUpdate);
}
