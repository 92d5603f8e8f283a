import type { Account, Contact, Id } from '../../../shared/domain';
import { collationKey } from '../../../shared/text/collation';
import { searchText } from '../../../shared/text/normalize';
import { getDb } from '../core/db';

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
  /** Search text (shared/text/normalize searchText) of name, street, postal code, city, customer no., e-mails and contact names. */
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
    haystack: searchText(`${a.name} ${a.street} ${a.postalCode} ${a.city} ${a.customerNumber} ${a.email} ${contactNames} ${emails}`),
    seq: nextSeq++,
  };
}

/** Up to this many accounts, their contacts are read with one request each, all sent at once. */
const PER_ACCOUNT_READS = 200;

async function withContacts(accounts: StoredAccount[]): Promise<CustomerRow[]> {
  const ids = accounts.map((a) => a.id);
  const db = getDb();
  // anyOf() walks a cursor: one round trip to the IndexedDB backend per key, and while the index
  // loads, each of them queues behind a whole chunk read (60 accounts took 20 s at 100k). A few
  // accounts instead get one getAll each, sent together: two round trips in all.
  const contacts =
    ids.length === 0 ? [] : ids.length <= PER_ACCOUNT_READS
      ? (await Promise.all(ids.map((id) => db.contacts.where('accountId').equals(id).toArray()))).flat()
      : await db.contacts.where('accountId').anyOf(ids).toArray();
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
 * without reading the rest: what the list paints while the full index loads. Plain getAll reads
 * (a filter would make it a cursor, one backend round trip per row): a few rows more than needed,
 * trashed and archived ones dropped here, and read on only if that left too few.
 */
export async function loadFirstPage(ownerId: Id | null, limit: number): Promise<CustomerRow[]> {
  const db = getDb();
  return db.transaction('r', db.accounts, db.contacts, async () => {
    const live: StoredAccount[] = [];
    const seen = new Set<Id>();
    let from = '';
    let batch = limit + 20;
    for (;;) {
      const range = ownerId
        ? db.accounts.where('[ownerId+sortKey]').between([ownerId, from], [ownerId, '\uffff'], true, true)
        : db.accounts.where('sortKey').aboveOrEqual(from);
      const page: StoredAccount[] = await range.limit(batch).toArray();
      let fresh = 0;
      for (const a of page) {
        if (seen.has(a.id)) continue;
        seen.add(a.id);
        fresh++;
        if (a.deletedAt === undefined && !a.archived) live.push(a);
      }
      if (live.length >= limit || page.length < batch) break;
      // Read on from the last key (inclusive: names can be equal; rows seen are skipped); a run of
      // equal keys longer than a batch doubles the batch.
      from = page[page.length - 1]?.sortKey ?? from;
      if (fresh === 0) batch *= 2;
    }
    return withContacts(live.slice(0, limit));
  });
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
/** Accounts made into rows per task: a 4000-account chunk at once was a 400 ms task on a busy laptop. */
const ROW_SLICE = 500;
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One primary-key chunk of a table, after `last` (exclusive). */
function readChunk<T>(name: 'accounts' | 'contacts', last: string | undefined, limit: number): Promise<T[]> {
  const table = getDb().table<T, string>(name);
  const read = (last === undefined ? table.toCollection() : table.where(':id').above(last)).limit(limit).toArray();
  // Awaited only after the chunk before it is made into rows: a failure is not "unhandled" meanwhile.
  read.catch(() => undefined);
  return read;
}

/**
 * Every live account as a list row, read in primary-key chunks, so the window keeps painting and
 * scrolling while 100k accounts load: the next chunk is read while this one is made into rows
 * (the IndexedDB backend and the page work at once), and rows are made a slice per task.
 * Sorted by collation key. `onChunk` sees rows as they are made (the search index is built along).
 */
export async function loadAllRows(onProgress?: (loaded: number) => void, onChunk?: (rows: readonly CustomerRow[]) => void): Promise<CustomerRow[]> {
  const contacts = new Map<Id, SlimContact[]>();
  let next = readChunk<Contact>('contacts', undefined, CONTACT_CHUNK);
  for (;;) {
    const chunk = await next;
    const more = chunk.length === CONTACT_CHUNK;
    if (more) next = readChunk<Contact>('contacts', chunk[chunk.length - 1]?.id, CONTACT_CHUNK);
    groupContacts(chunk, contacts);
    if (!more) break;
    await breathe();
  }
  const rows: CustomerRow[] = [];
  let accounts = readChunk<StoredAccount>('accounts', undefined, ACCOUNT_CHUNK);
  for (;;) {
    const chunk = await accounts;
    const more = chunk.length === ACCOUNT_CHUNK;
    if (more) accounts = readChunk<StoredAccount>('accounts', chunk[chunk.length - 1]?.id, ACCOUNT_CHUNK);
    for (let i = 0; i < chunk.length; i += ROW_SLICE) {
      const start = rows.length;
      for (let j = i; j < Math.min(i + ROW_SLICE, chunk.length); j++) {
        const a = chunk[j] as StoredAccount;
        if (a.deletedAt === undefined) rows.push(toCustomerRow(a, contacts.get(a.id) ?? []));
      }
      onChunk?.(rows.slice(start));
      await breathe();
    }
    onProgress?.(rows.length);
    if (!more) break;
  }
  return rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}
