import type { DBCore, DBCoreMutateRequest, DBCorePutRequest, DBCoreTable, DBCoreTransaction, Dexie, Middleware } from 'dexie';
import { isSyncedTable } from './rows';
import { runWrite } from '../core/write';

/**
 * Captures local writes for sync without touching any feature's write code:
 * - every put/add on a synced table marks the row `syncDirty: 1` (sparse index), so sync diffs exactly
 *   the rows written since it last looked — no clocks, no watermark races, cleared in the same
 *   transaction that queues the row's changes;
 * - every hard delete (emptied trash, undone import, deleted activity plan) is journalled in
 *   `syncDeletes`, so sync can announce it as `_deleted`. Inside a transaction that includes
 *   `syncDeletes` the journal is written atomically with the delete; otherwise right after commit
 *   (a crash in that instant leaves the row alive on other laptops: it comes back, nothing is lost).
 * Sync's own writes (transactions over `syncState`, or the legacy `syncRows`) are neither marked nor journalled.
 */
export const DIRTY = 'syncDirty';
export const ALL_ROWS = '*';

type Journal = { table: string; rowId: string };

function scope(trans: DBCoreTransaction): { own: boolean; journal: boolean } {
  const names = (trans as unknown as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return { own: (names?.contains('syncState') || names?.contains('syncRows')) ?? false, journal: names?.contains('syncDeletes') ?? false };
}

function markDirty(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'put' && req.type !== 'add') return req;
  const values = req.values.map((v: unknown) => (v && typeof v === 'object' ? { ...(v as object), [DIRTY]: 1 } : v));
  if (req.type === 'add') return { ...req, values };
  // Dexie 4 may pass the modification itself too (update/modify); keep it in step with the values.
  const marked: DBCorePutRequest = { ...req, values };
  if (req.changeSpec) marked.changeSpec = { ...req.changeSpec, [DIRTY]: 1 };
  if (req.updates) marked.updates = { keys: req.updates.keys, changeSpecs: req.updates.changeSpecs.map((s) => ({ ...s, [DIRTY]: 1 })) };
  return marked;
}

function deletedRows(table: string, req: DBCoreMutateRequest): Journal[] {
  if (req.type === 'delete') return req.keys.map((k) => ({ table, rowId: String(k) }));
  if (req.type === 'deleteRange') return [{ table, rowId: ALL_ROWS }];
  return [];
}

function wrap(db: Dexie, down: DBCore, table: DBCoreTable, name: string): DBCoreTable {
  return {
    ...table,
    async mutate(req) {
      const { own, journal } = scope(req.trans);
      if (own) return table.mutate(req);
      const gone = deletedRows(name, req);
      if (gone.length === 0) {
        afterCommit(db, req.trans);
        return table.mutate(markDirty(req));
      }
      if (journal) {
        afterCommit(db, req.trans);
        await down.table('syncDeletes').mutate({ type: 'put', trans: req.trans, values: gone });
        return table.mutate(req);
      }
      const tx = req.trans as unknown as EventTarget;
      const written = new Promise<void>((resolve) => {
        tx.addEventListener('complete', () => void journalLater(db, gone).then(resolve).then(() => edited(db)));
        tx.addEventListener('abort', () => resolve());
        tx.addEventListener('error', () => resolve());
      });
      inFlight.add(written);
      void written.then(() => inFlight.delete(written));
      return table.mutate(req);
    },
  };
}

const inFlight = new Set<Promise<void>>();
/** Per database: how many local write transactions have committed (see editGeneration). */
const generations = new WeakMap<Dexie, number>();
const hooked = new WeakSet<object>();

function edited(db: Dexie): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
  notifyEdit();
}

/** Counts the transaction once, when it commits. */
function afterCommit(db: Dexie, trans: DBCoreTransaction): void {
  if (hooked.has(trans)) return;
  hooked.add(trans);
  (trans as unknown as EventTarget).addEventListener('complete', () => edited(db));
}

/**
 * Grows with every committed local write to a synced table of this database (sync's own writes
 * excluded; a hard delete counts once journalled). Sync compares it with the value it saw before
 * its last capture: unchanged means no row can be dirty, so a run may skip capturing and, with an
 * unchanged folder, everything else (quick runs).
 */
export function editGeneration(db: Dexie): number {
  return generations.get(db) ?? 0;
}
const editListeners = new Set<() => void>();
const notifyEdit = () => {
  for (const l of editListeners) l();
};

/** Called after every committed local write to a synced table (the sync's own writes excluded). */
export function onLocalEdit(listener: () => void): () => void {
  editListeners.add(listener);
  return () => editListeners.delete(listener);
}

/** Resolves once every journal entry of already committed deletes is written (sync awaits it before capturing). */
export async function journalSettled(): Promise<void> {
  await Promise.all([...inFlight]);
}

async function journalLater(db: Dexie, gone: Journal[]): Promise<void> {
  try {
    const journal = db.table('syncDeletes');
    await runWrite([journal], () => journal.bulkPut(gone), { db, label: 'sync' });
  } catch {
    // The database closed in between; the deleted rows then stay alive on other laptops (nothing lost).
  }
}

/** Dexie middleware for one database: dirty marks and the hard-delete journal for the synced tables. */
export function syncCapture(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'rapportSyncCapture',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return isSyncedTable(name) ? wrap(db, down, table, name) : table;
      },
    }),
  };
}
