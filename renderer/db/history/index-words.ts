import { Dexie, type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { Contact, Interaction } from '../../../shared/domain';
import { interactionWords, nameWords, wordOf } from './words';
import { runWrite } from '../core/write';

/**
 * Keeps the history search words (`interactions.words`, see history/words.ts; the block postings are
 * derived from them) right on every write, whoever writes: forms, imports, merges, demo loads,
 * restores, GDPR erasure and sync.
 *
 * Contact names are part of an interaction's words, so a name is found like any other word.
 * The price is that the words must follow the people:
 * - a put of an interaction reads its contacts in the same transaction when the transaction covers
 *   `contacts`; otherwise (or when a contact is not there yet, e.g. sync writing an interaction
 *   before its contact) the row is stored with its text words and `wordsStale: 1`;
 * - a contact still missing when the row is settled may come later (a later sync batch, an import):
 *   the row keeps `wordsStale: 2` (waiting), and after a new person is stored (and once per start,
 *   for a crash in between) the waiting rows whose people have arrived are re-derived;
 * - a put of a contact whose name words changed (rename, trash, restore, erasure) re-derives its
 *   interactions in the same transaction when it covers `interactions`; otherwise the contact is
 *   stored with `wordsStale: 1`.
 * The flag is written atomically with the row, so a crash cannot lose it; `settleSearchWords`
 * (run after such a commit and before every search) re-derives the flagged rows in chunks.
 * `words` and `wordsStale` are local: sync/rows.ts never sends them.
 */
export const WORDS = 'words';
export const STALE = 'wordsStale';
/** `wordsStale` of a settled row that names a person not stored (yet). */
export const WAITING = 2;

type StoredInteraction = Interaction & { words?: string[]; wordsStale?: 1 | typeof WAITING };
type StoredContact = Contact & { wordsStale?: 1 };

/** Transactions of settleSearchWords: a contact still missing there is waited for, not read again. */
const settling = new WeakSet<object>();
/** Databases whose waiting rows were checked since the last new person was stored. */
const waitingChecked = new WeakSet<Dexie>();

function covers(trans: DBCoreTransaction, table: string): boolean {
  return (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames?.contains(table) ?? false;
}

const nameKey = (c: Contact | undefined) => nameWords(c).join(' ');

async function readContacts(down: DBCore, trans: DBCoreTransaction, ids: Iterable<string>): Promise<Map<string, Contact | undefined>> {
  const keys = [...new Set(ids)];
  const got = keys.length ? ((await down.table('contacts').getMany({ trans, keys })) as Array<Contact | undefined>) : [];
  return new Map(keys.map((k, i) => [k, got[i]]));
}

/** The row with its words; stale when some of its people could not be read here, waiting when settled without them. */
function derive(row: StoredInteraction, contacts: Map<string, Contact | undefined> | undefined, final: boolean): StoredInteraction {
  const { [STALE]: _old, ...rest } = row;
  const ids = Array.isArray(row.contactIds) ? row.contactIds : [];
  const missing = !contacts || ids.some((id) => contacts.get(id) === undefined);
  const names = contacts ? ids.map((id) => nameWords(contacts.get(id))) : [];
  const out: StoredInteraction = { ...rest, [WORDS]: interactionWords(row, names) };
  if (missing && row.deletedAt === undefined && ids.length > 0) out[STALE] = final && contacts ? WAITING : 1;
  return out;
}

function isWrite(req: DBCoreMutateRequest): req is DBCoreMutateRequest & { type: 'put' | 'add'; values: readonly unknown[] } {
  return req.type === 'put' || req.type === 'add';
}

function onCommit(trans: DBCoreTransaction, then: () => void): void {
  (trans as unknown as EventTarget).addEventListener?.('complete', then);
}

/**
 * Runs `then` after `first` inside Dexie's promise, which restores the transaction zone: the layers
 * below (Dexie's hooks middleware) read the current transaction from it, and a plain `await` in a
 * middleware may lose it.
 */
function inZone<T, R>(first: Promise<T>, then: (value: T) => R | PromiseLike<R>): Promise<R> {
  return Dexie.Promise.resolve(first).then(then);
}

function interactionsTable(down: DBCore, table: DBCoreTable, db: Dexie): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      if (!isWrite(req)) return table.mutate(req);
      const rows = req.values as StoredInteraction[];
      const reading = covers(req.trans, 'contacts') ? readContacts(down, req.trans, rows.flatMap((r) => r.contactIds ?? [])) : Promise.resolve(undefined);
      return inZone(reading, (contacts) => {
        const values = rows.map((r) => derive(r, contacts, settling.has(req.trans)));
        if (values.some((v) => v[STALE] === 1)) onCommit(req.trans, () => scheduleSettle(db));
        return table.mutate({ ...req, values });
      });
    },
  };
}

/** The interactions of people whose names changed, re-derived (read inside `trans`). */
async function rederivedPeople(down: DBCore, trans: DBCoreTransaction, contactIds: string[]): Promise<StoredInteraction[]> {
  const index = down.table('interactions');
  const keys = new Set<string>();
  for (const id of contactIds) {
    // DBCoreRangeType.Range (a const enum, not importable here) from id to id.
    const range = { type: 2, lower: id, upper: id, lowerOpen: false, upperOpen: false } as unknown as DBCoreKeyRange;
    const found = await index.query({ trans, values: false, query: { index: index.schema.getIndexByKeyPath('contactIds')!, range } });
    for (const k of found.result as string[]) keys.add(k);
  }
  if (keys.size === 0) return [];
  const rows = ((await index.getMany({ trans, keys: [...keys] })) as Array<StoredInteraction | undefined>).filter((r): r is StoredInteraction => !!r);
  const contacts = await readContacts(down, trans, rows.flatMap((r) => r.contactIds ?? []));
  return rows.map((r) => derive(r, contacts, settling.has(trans)));
}

function contactsTable(down: DBCore, table: DBCoreTable, db: Dexie): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      if (!isWrite(req)) return table.mutate(req);
      const rows = req.values as StoredContact[];
      const { trans } = req;
      // An add stores only rows that were not there (an existing key fails that row), so nothing of
      // it is a rename: an import or a demo load of 100k people skips reading 100k rows first.
      const reading = req.type === 'add' ? Promise.resolve(rows.map(() => undefined)) : (table.getMany({ trans, keys: rows.map((r) => r.id) }) as Promise<Array<Contact | undefined>>);
      return inZone(reading, (before) => {
        // A new person may be named by rows written before (waiting): they are checked after the commit.
        if (rows.some((r, i) => before[i] === undefined && nameKey(r) !== '')) {
          onCommit(trans, () => {
            waitingChecked.delete(db);
            scheduleSettle(db);
          });
        }
        const renamed = rows.filter((r, i) => before[i] !== undefined && nameKey(before[i]) !== nameKey(r)).map((r) => r.id);
        if (renamed.length === 0) return table.mutate(req);
        if (covers(trans, 'interactions')) {
          return inZone(table.mutate(req), (result) =>
            inZone(rederivedPeople(down, trans, renamed), (values) => (values.length ? down.table('interactions').mutate({ type: 'put', trans, values }) : undefined)).then(() => result),
          );
        }
        const flag = new Set(renamed);
        onCommit(trans, () => scheduleSettle(db));
        return table.mutate({ ...req, values: rows.map((r) => (flag.has(r.id) ? { ...r, [STALE]: 1 } : r)) });
      });
    },
  };
}

/** Dexie middleware for one database: derives and maintains the history search words. */
export function searchWords(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'rapportSearchWords',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name === 'interactions') return interactionsTable(down, table, db);
        if (name === 'contacts') return contactsTable(down, table, db);
        return table;
      },
    }),
  };
}

const CHUNK = 500;
const runs = new WeakMap<Dexie, Promise<void>>();

function scheduleSettle(db: Dexie): void {
  setTimeout(() => void settleSearchWords(db).catch(() => undefined), 0);
}

/** One chunk: flagged people's interactions and flagged interactions, re-derived; false when none was left. */
async function settleChunk(db: Dexie): Promise<boolean> {
  const interactions = db.table<StoredInteraction, string>('interactions');
  const contacts = db.table<StoredContact, string>('contacts');
  return runWrite([interactions, contacts], async (tx) => {
    settling.add((tx as unknown as { idbtrans: object }).idbtrans);
    const people = await contacts.where(STALE).equals(1).limit(CHUNK).toArray();
    const rows = await interactions.where(STALE).equals(1).limit(CHUNK).toArray();
    if (people.length === 0 && rows.length === 0) return false;
    const ids = people.map((c) => c.id);
    const ofPeople = ids.length ? await interactions.where('contactIds').anyOf(ids).toArray() : [];
    const all = new Map([...rows, ...ofPeople].map((r) => [r.id, r]));
    // Put as they are: the middleware derives the words, with the contacts in this transaction.
    if (all.size) await interactions.bulkPut([...all.values()]);
    if (people.length) await contacts.bulkPut(people.map(({ [STALE]: _s, ...c }) => c as StoredContact));
    return true;
  }, { label: 'index' });
}

/** True when a waiting row's people are all there now, or one of them is there with a name its words lack. */
function arrived(row: StoredInteraction, people: Map<string, StoredContact>): boolean {
  const ids = row.contactIds ?? [];
  if (ids.every((id) => people.has(id))) return true;
  const have = new Set((row.words ?? []).map(wordOf));
  return ids.some((id) => nameWords(people.get(id)).some((w) => !have.has(w)));
}

/** Re-derives the waiting rows whose people have arrived, in chunks. */
async function settleWaiting(db: Dexie): Promise<void> {
  const interactions = db.table<StoredInteraction, string>('interactions');
  const contacts = db.table<StoredContact, string>('contacts');
  const keys = await interactions.where(STALE).equals(WAITING).primaryKeys();
  for (let i = 0; i < keys.length; i += CHUNK) {
    await runWrite([interactions, contacts], async (tx) => {
      settling.add((tx as unknown as { idbtrans: object }).idbtrans);
      const rows = (await interactions.bulkGet(keys.slice(i, i + CHUNK))).filter((r): r is StoredInteraction => r?.[STALE] === WAITING);
      const found = await contacts.bulkGet([...new Set(rows.flatMap((r) => r.contactIds ?? []))]);
      const people = new Map(found.filter((c): c is StoredContact => !!c).map((c) => [c.id, c]));
      const due = rows.filter((r) => arrived(r, people));
      if (due.length) await interactions.bulkPut(due);
    }, { label: 'index' });
  }
}

/**
 * Brings every flagged row's words up to date (a no-op costing two empty index reads when none is
 * flagged; the waiting rows are looked at once per start and after a new person). Concurrent callers
 * share one run.
 */
export async function settleSearchWords(db: Dexie): Promise<void> {
  if (!db.isOpen()) await db.open();
  if (!db.tables.some((t) => t.name === 'interactions' && t.schema.idxByName[STALE])) return;
  let run = runs.get(db);
  if (!run) {
    run = (async () => {
      try {
        while (await settleChunk(db));
        while (!waitingChecked.has(db)) {
          waitingChecked.add(db);
          await settleWaiting(db).catch((e: unknown) => {
            waitingChecked.delete(db);
            throw e;
          });
        }
      } finally {
        runs.delete(db);
      }
    })();
    runs.set(db, run);
  }
  await run;
}
