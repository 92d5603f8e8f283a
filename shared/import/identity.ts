import type { Account, Id } from '../domain';
import { customerKey } from '../customers/same-customer';

/** Why a row joins an account it did not create. */
export type FoldReason = 'same_number' | 'same_name_place';

/** A stored account as the import sees it (trashed ones are never matched). */
export type ExistingAccount = Pick<Account, 'id' | 'name'> & Partial<Account>;

/** The account a row folds into: a stored one, or one an earlier row of the file creates. */
export type FoldTarget = {
  /** Its id (stored, or given to the new account by the plan). */
  id: Id;
  /** True for a stored account. */
  existing: boolean;
  /** For an account of this file: the row that creates it. */
  row?: number;
  /** Name, postal code, city and customer number, for the preview to say which account. */
  name: string;
  postalCode?: string;
  city?: string;
  customerNumber?: string;
};

/** One proposed fold, shown in the preview: the user may keep the row apart (a new account of its own). */
export type Fold = {
  /** The folded row (as Excel numbers it). */
  row: number;
  /** The account it folds into. */
  into: FoldTarget;
  /** Why: the same customer number, or the same name at the same place (shared/customers/same-customer). */
  by: FoldReason;
};

/** An account the plan knows while it walks the file: stored and matched, or new. */
export type Known = FoldTarget & {
  /** The stored row, for update/undo (`existing` only). */
  stored?: ExistingAccount;
  /** The values of a new account, so a later row can give it its customer number. */
  values?: Partial<Account>;
  /** A row of this file has already matched or created it. */
  used: boolean;
};

/** Accounts of the file and of the database, looked up by customer number and by the one fuzzy rule. */
export type AccountLookup = {
  /** Stored accounts by customer number. */
  storedByNumber: ReadonlyMap<string, ExistingAccount>;
  /** Stored accounts by `customerKey` (name core + postal code). */
  storedByKey: ReadonlyMap<string, ExistingAccount>;
  /** Accounts of this run by customer number. */
  byNumber: Map<string, Known>;
  /** Accounts of this run by `customerKey`; the first one with a key keeps it. */
  byKey: Map<string, Known>;
  /** Stored accounts already turned into a `Known`, so two rows matching one account share it. */
  stored: Map<Id, Known>;
  /** `customerKey` per name and postal code: a customer file repeats its company names thousands of times. */
  keys: Map<string, string | undefined>;
};

/** A new lookup over the stored accounts' indexes. */
export function accountLookup(storedByNumber: ReadonlyMap<string, ExistingAccount>, storedByKey: ReadonlyMap<string, ExistingAccount>): AccountLookup {
  return { storedByNumber, storedByKey, byNumber: new Map(), byKey: new Map(), stored: new Map(), keys: new Map() };
}

function keyOf(lookup: AccountLookup, account: Partial<Account>): string | undefined {
  const memo = `${account.name ?? ''}\u0000${account.postalCode ?? ''}`;
  if (lookup.keys.has(memo)) return lookup.keys.get(memo);
  const key = customerKey(account);
  lookup.keys.set(memo, key);
  return key;
}

export function numberOf(account: Partial<Account>): string | undefined {
  const n = account.customerNumber?.trim();
  return n ? n : undefined;
}

/** Prefixes of the two kinds of match key, so a customer number never meets a name key. */
const NUMBER_KEY = 'n:';
const NAME_KEY = 'k:';

/**
 * The keys a stored account can be matched by in an import: its customer number (`numberOf`) and its
 * `customerKey` (name core + postal code). The database keeps them on each account (`matchKeys`, a
 * multi-entry index kept by renderer/db/core/derived.ts), so the import reads only the accounts a file
 * can match instead of every account. They follow numberOf and customerKey: a change to either (or to
 * the name fold under them) needs a schema version that derives every account's keys again.
 */
export function accountMatchKeys(account: Partial<Account>): string[] {
  const keys: string[] = [];
  const number = numberOf(account);
  if (number) keys.push(NUMBER_KEY + number);
  const key = customerKey(account);
  if (key !== undefined) keys.push(NAME_KEY + key);
  return keys;
}

/** Every key the accounts of a file can match a stored account by (each once). */
export function fileMatchKeys(accounts: Iterable<Partial<Account>>): string[] {
  const keys = new Set<string>();
  const seen = new Set<string>();
  for (const a of accounts) {
    const number = numberOf(a);
    if (number) keys.add(NUMBER_KEY + number);
    // A customer file repeats its company names: fold each name and postal code once.
    const memo = `${a.name ?? ''}\u0000${a.postalCode ?? ''}`;
    if (seen.has(memo)) continue;
    seen.add(memo);
    const key = customerKey(a);
    if (key !== undefined) keys.add(NAME_KEY + key);
  }
  return [...keys];
}

function knownOf(lookup: AccountLookup, stored: ExistingAccount): Known {
  let known = lookup.stored.get(stored.id);
  if (!known) {
    known = { id: stored.id, existing: true, name: stored.name, postalCode: stored.postalCode, city: stored.city, customerNumber: numberOf(stored), stored, used: false };
    lookup.stored.set(stored.id, known);
  }
  return known;
}

/**
 * The account a row belongs to, and why; undefined when it is a new account.
 * - A customer number is the identity: the same number is the same account (of this file or stored);
 *   a different number is never the same account, whatever the name.
 * - Without a number, the one rule of the account form decides (same name core at the same postal code).
 * - A row with a number may join by that rule only an account that has no number yet.
 * `useStored` is false for the "create anyway" policy: stored accounts are not looked at.
 */
export function findAccount(lookup: AccountLookup, account: Partial<Account>, useStored: boolean): { known: Known; by: FoldReason } | undefined {
  const number = numberOf(account);
  if (number) {
    const inFile = lookup.byNumber.get(number);
    if (inFile) return { known: inFile, by: 'same_number' };
    const stored = useStored ? lookup.storedByNumber.get(number) : undefined;
    if (stored) return { known: knownOf(lookup, stored), by: 'same_number' };
  }
  const key = keyOf(lookup, account);
  if (key === undefined) return undefined;
  const fits = (k: Known) => !number || !k.customerNumber;
  const inFile = lookup.byKey.get(key);
  if (inFile && fits(inFile)) return { known: inFile, by: 'same_name_place' };
  const stored = useStored ? lookup.storedByKey.get(key) : undefined;
  if (stored) {
    const known = knownOf(lookup, stored);
    if (fits(known)) return { known, by: 'same_name_place' };
  }
  return undefined;
}

/** Makes `known` findable for the rows after this one, under the row's number and name key. */
export function remember(lookup: AccountLookup, known: Known, account: Partial<Account>): void {
  const number = numberOf(account);
  if (number && !known.customerNumber) {
    // A row with a number joined an account without one: that account now has this number.
    known.customerNumber = number;
    if (known.values) known.values.customerNumber = number;
  }
  if (known.customerNumber && !lookup.byNumber.has(known.customerNumber)) lookup.byNumber.set(known.customerNumber, known);
  const key = keyOf(lookup, account);
  if (key !== undefined && !lookup.byKey.has(key)) lookup.byKey.set(key, known);
  known.used = true;
}
