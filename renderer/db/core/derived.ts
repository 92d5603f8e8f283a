import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { Account } from '../../../shared/domain';
import { accountMatchKeys } from '../../../shared/import/identity';
import { VISIT_FIELD, visitKeys } from '../../../shared/planning/visit-index';
import { collationKey } from '../../../shared/text/collation';

/** Accounts whose list row may have changed; `all` when a write could not be traced to accounts. */
export type CustomerChange = { accountIds: ReadonlySet<string>; all: boolean };

const listeners = new Set<(change: CustomerChange) => void>();

/**
 * Subscribes to committed writes that touch the customer list (accounts and contacts). Every
 * write path goes through Dexie, so forms, imports, sync, merges and the demo loader are all seen;
 * the listener is called after the transaction commits, so re-reading the ids sees the new data.
 */
export function onCustomerChange(listener: (change: CustomerChange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Pending = { ids: Set<string>; all: boolean };
const pendingByTx = new WeakMap<object, Pending>();

function track(req: DBCoreMutateRequest, table: 'accounts' | 'contacts'): void {
  const tx = req.trans as unknown as EventTarget & object;
  let pending = pendingByTx.get(tx);
  if (!pending) {
    const p: Pending = { ids: new Set(), all: false };
    pending = p;
    pendingByTx.set(tx, p);
    tx.addEventListener?.('complete', () => {
      for (const l of listeners) l({ accountIds: p.ids, all: p.all });
    });
  }
  if (req.type === 'add' || req.type === 'put') {
    for (const v of req.values as Array<{ id?: string; accountId?: string }>) {
      const id = table === 'accounts' ? v.id : v.accountId;
      if (id) pending.ids.add(id);
    }
  } else if (req.type === 'delete' && table === 'accounts') {
    for (const k of req.keys) pending.ids.add(String(k));
  } else {
    // A contact deleted by key, or a range delete: the owning account is unknown here.
    pending.all = true;
  }
}

/**
 * An account as stored: with its collation key (the list's order), its visit index entries
 * (shared/planning/visit-index.ts; absent when it is on no human rhythm, so it is not in the index) and
 * its `matchKeys` (customer number and name + postal code, the import's duplicate lookup; absent when the
 * account has neither, so the multi-entry index holds only accounts a file can match).
 */
export function storedAccount<T extends Partial<Account>>(row: T): T & { sortKey: string; matchKeys?: string[] } {
  const out: T & { sortKey: string; matchKeys?: string[]; [VISIT_FIELD]?: unknown } = { ...row, sortKey: collationKey(row.name ?? '') };
  const visits = visitKeys(row as Account);
  if (visits) out[VISIT_FIELD] = visits;
  else delete out[VISIT_FIELD];
  const matches = accountMatchKeys(row);
  if (matches.length > 0) out.matchKeys = matches;
  else delete out.matchKeys;
  return out;
}

/** An account as the user had it: without what the database derives (a merge's or an import's record of the row before). */
export function withoutDerived<T extends object>(row: T): T {
  const { sortKey: _s, matchKeys: _m, [VISIT_FIELD]: _v, ...rest } = row as T & { sortKey?: string; matchKeys?: string[]; [VISIT_FIELD]?: unknown };
  return rest as T;
}

function wrap(table: DBCoreTable, name: 'accounts' | 'contacts'): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      let next = req;
      if (name === 'accounts' && (req.type === 'add' || req.type === 'put')) {
        // The stored collation key, visit index entries and match keys follow the row on every write, whoever writes.
        next = { ...req, values: req.values.map((v: Account) => storedAccount(v)) };
      }
      if (listeners.size > 0) track(next, name);
      return table.mutate(next);
    },
  };
}

/** Dexie middleware: derived account fields (the collation key) and the customer change feed. */
export const derivedFields: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rapportDerivedFields',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return name === 'accounts' || name === 'contacts' ? wrap(table, name) : table;
    },
  }),
};

/** Tells the customer-change listeners that any account may have changed (a bulk load that wrote past this middleware). */
export function announceCustomerChange(): void {
  for (const l of listeners) l({ accountIds: new Set(), all: true });
}
