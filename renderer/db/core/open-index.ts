import { Dexie, type Collection, type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { Account, Interaction } from '../../../shared/domain';
import { asksFollowUp, OPEN_FIELD, openKeys } from '../../../shared/planning/open-items';

/**
 * Keeps the open-items index (shared/planning/open-items.ts) on every write of an interaction,
 * whoever writes: forms, imports, automation, sync merge, restore. Whether a follow-up was answered
 * depends on its account's last contacts, which the write reads in the same transaction when it
 * covers `accounts` (the app's interaction writes, sync and restore do); otherwise the follow-up
 * stays in the index and Today's read closes it (planning/open-items.ts). A contact logged through
 * the app closes the account's earlier follow-ups in its own transaction (history/interaction-writes.ts).
 */
type Stored = Interaction & { [OPEN_FIELD]?: unknown };

function covers(trans: DBCoreTransaction, table: string): boolean {
  return (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames?.contains(table) ?? false;
}

/** Runs `then` inside Dexie's promise, which keeps the transaction zone (see history/index-words.ts). */
function inZone<T, R>(first: Promise<T>, then: (value: T) => R | PromiseLike<R>): Promise<R> {
  return Dexie.Promise.resolve(first).then(then);
}

/** The accounts of the rows that ask for a follow-up (the only ones that need their account), read in `trans`. */
async function readAccounts(down: DBCore, trans: DBCoreTransaction, rows: readonly Stored[]): Promise<Map<string, Account | undefined> | undefined> {
  const keys = [...new Set(rows.filter((r) => r && asksFollowUp(r)).map((r) => r.accountId).filter((id) => typeof id === 'string'))];
  if (keys.length === 0 || !covers(trans, 'accounts')) return undefined;
  const got = (await down.table('accounts').getMany({ trans, keys })) as Array<Account | undefined>;
  return new Map(keys.map((k, n) => [k, got[n]]));
}

/** The row with its entries, or without the field when nothing of it is open. */
export function withOpenKeys<T extends Stored>(row: T, account: Account | undefined): T {
  const keys = openKeys(row, account);
  if (keys) return { ...row, [OPEN_FIELD]: keys };
  if (!(OPEN_FIELD in row)) return row;
  const { [OPEN_FIELD]: _gone, ...rest } = row;
  return rest as T;
}

function isWrite(req: DBCoreMutateRequest): req is DBCoreMutateRequest & { type: 'put' | 'add'; values: readonly unknown[] } {
  return req.type === 'put' || req.type === 'add';
}

function wrap(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      if (!isWrite(req)) return table.mutate(req);
      const rows = req.values as Stored[];
      return inZone(readAccounts(down, req.trans, rows), (accounts) => {
        const values = rows.map((r) => (r && typeof r === 'object' ? withOpenKeys(r, accounts?.get(r.accountId)) : r));
        return table.mutate({ ...req, values });
      });
    },
  };
}

/** Dexie middleware: the open-items entries of interactions. */
export const openItems: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rapportOpenItems',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return name === 'interactions' ? wrap(down, table) : table;
    },
  }),
};

/**
 * Derives the entries of the interactions in `rows` again, in the caller's transaction (it must cover
 * interactions and accounts): a follow-up whose account had a contact since leaves the index.
 */
export function rederiveOpen<K, I>(rows: Collection<Interaction, K, I>): Promise<number> {
  return rows.modify((r: Stored) => {
    delete r[OPEN_FIELD];
  });
}
