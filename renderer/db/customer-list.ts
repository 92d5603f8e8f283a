import type { Account, Contact, Id } from '../../shared/domain';
import { collationKey } from '../../shared/text/collation';
import { foldForSearch } from '../../shared/text/normalize';
import { getDb } from './db';

/**
 * One line of the customer list, compact: only what the list shows, filters and searches. 100k of
 * these stay well inside the heap budget, unlike 100k accounts with 300k contacts.
 */
export type CustomerRow = Pick<
  Account,
  'id' | 'name' | 'customerNumber' | 'postalCode' | 'city' | 'country' | 'category' | 'accountType' | 'lifecycle' | 'ownerId' | 'tags' | 'archived' | 'lastHumanContactAt' | 'rhythm'
> & {
  /** German collation key of the name; the list's default order. */
  sortKey: string;
  /** "Anna Müller, Jürgen Weiß". */
  contactNames: string;
  /** Folded name, city, postal code, customer no., e-mails and contact names, for the global search. */
  haystack: string;
  /** Serial of this row object, unique in the session: its bit in the search's gram index. */
  seq: number;
};

let nextSeq = 0;

/** The serial the next row made will get. */
export function nextRowSeq(): number {
  return nextSeq;
}

type StoredAccount = Account & { sortKey?: string };

export function toCustomerRow(a: StoredAccount, contacts: ReadonlyArray<SlimContact>): CustomerRow {
  const contactNames = contacts.map((c) => `${c.firstName} ${c.lastName}`.trim()).join(', ');
  const emails = contacts.map((c) => c.email).join(' ');
  return {
    id: a.id, name: a.name, customerNumber: a.customerNumber, postalCode: a.postalCode, city: a.city, country: a.country,
    category: a.category, accountType: a.accountType, lifecycle: a.lifecycle, ownerId: a.ownerId, tags: a.tags,
    archived: a.archived, lastHumanContactAt: a.lastHumanContactAt, rhythm: a.rhythm, sortKey: a.sortKey ?? collationKey(a.name), contactNames,
    haystack: foldForSearch(`${a.name} ${a.city} ${a.postalCode} ${a.customerNumber} ${a.email} ${contactNames} ${emails}`),
    seq: nextSeq++,
  };
}

async function withContacts(accounts: StoredAccount[]): Promise<CustomerRow[]> {
  const ids = accounts.map((a) => a.id);
  const contacts = ids.length === 0 ? [] : await getDb().contacts.where('accountId').anyOf(ids).toArray();
  const by = groupContacts(contacts);
  return accounts.map((a) => toCustomerRow(a, by.get(a.id) ?? []));
}

type SlimContact = Pick<Contact, 'firstName' | 'lastName' | 'email'>;

/** Live contacts per account, slimmed to what the list needs (300k full contacts would not fit). */
function groupContacts(contacts: Contact[], into = new Map<Id, SlimContact[]>()): Map<Id, SlimContact[]> {
  for (const c of contacts) {
    if (c.deletedAt !== undefined) continue;
    const slim = { firstName: c.firstName, lastName: c.lastName, email: c.email };
    const list = into.get(c.accountId);
    if (list) list.push(slim);
    else into.set(c.accountId, [slim]);
  }
  return into;
}

/**
 * The first screen of the list straight from the collation-key index (one owner's or everyone's),
 * without reading the rest: what the list paints while the full index loads.
 */
export async function loadFirstPage(ownerId: Id | null, limit: number): Promise<CustomerRow[]> {
  const db = getDb();
  const live = (a: Account) => a.deletedAt === undefined && !a.archived;
  const coll = ownerId
    ? db.accounts.where('[ownerId+sortKey]').between([ownerId, ''], [ownerId, '\uffff'])
    : db.accounts.orderBy('sortKey');
  return withContacts(await coll.filter(live).limit(limit).toArray());
}

/** Rows of the given accounts as they are now; trashed or missing ids come back in `gone`. */
export async function loadRows(ids: Id[]): Promise<{ rows: CustomerRow[]; gone: Id[] }> {
  const accounts = await getDb().accounts.bulkGet(ids);
  const live = accounts.filter((a): a is Account => !!a && a.deletedAt === undefined);
  const liveIds = new Set(live.map((a) => a.id));
  return { rows: await withContacts(live), gone: ids.filter((id) => !liveIds.has(id)) };
}

const ACCOUNT_CHUNK = 4000;
const CONTACT_CHUNK = 12000;
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every live account as a list row, read in primary-key chunks with a pause between them, so the
 * window keeps painting and scrolling while 100k accounts load. Sorted by collation key.
 * `onChunk` sees each chunk's rows as they are made (the search index is built along).
 */
export async function loadAllRows(onProgress?: (loaded: number) => void, onChunk?: (rows: readonly CustomerRow[]) => void): Promise<CustomerRow[]> {
  const db = getDb();
  const contacts = new Map<Id, SlimContact[]>();
  let last: string | undefined;
  for (;;) {
    const coll = last === undefined ? db.contacts.toCollection() : db.contacts.where(':id').above(last);
    const chunk = await coll.limit(CONTACT_CHUNK).toArray();
    groupContacts(chunk, contacts);
    if (chunk.length < CONTACT_CHUNK) break;
    last = chunk[chunk.length - 1]?.id;
    await breathe();
  }
  const rows: CustomerRow[] = [];
  last = undefined;
  for (;;) {
    const coll = last === undefined ? db.accounts.toCollection() : db.accounts.where(':id').above(last);
    const chunk: StoredAccount[] = await coll.limit(ACCOUNT_CHUNK).toArray();
    const start = rows.length;
    for (const a of chunk) if (a.deletedAt === undefined) rows.push(toCustomerRow(a, contacts.get(a.id) ?? []));
    onChunk?.(rows.slice(start));
    onProgress?.(rows.length);
    if (chunk.length < ACCOUNT_CHUNK) break;
    last = chunk[chunk.length - 1]?.id;
    await breathe();
  }
  return rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}
