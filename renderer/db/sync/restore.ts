/**
 * A backup restored on a laptop that syncs. Restoring the backup's sync bookkeeping as well made the
 * next sync undo the restore without a word (the team's newer stamps won) and made the laptop meet
 * its own newer files in the folder, take a new device id and list itself as another laptop. So:
 * this laptop's sync bookkeeping (identity, clock, what it has seen and sent, its queue and field
 * states) is kept across the restore, and every restored row is marked as edited, together with a
 * deletion journal for rows the backup does not hold. The next capture diffs the restored rows against
 * the team's state and stamps the differences above it: the restored state becomes this laptop's
 * newest edit and replaces the team's on every laptop. The restore dialog says so (backup locales).
 */
import { runWrite } from '../core/write';
import type { Dexie, Table } from 'dexie';
import { ALL_ROWS, DIRTY } from './middleware';
import { syncDeletesOf, syncedTablesOf, syncMetaOf } from './store';

const BOOKKEEPING = ['syncState', 'syncMeta', 'syncPending', 'syncDeletes', 'syncRows'];
/** This laptop's sync bookkeeping, read before the restore replaces it. */
export type KeptSync = Map<string, unknown[]>;

/** True when this database has a sync identity (it synced, or is set up to). */
export async function hasSyncIdentity(db: Dexie): Promise<boolean> {
  return (await syncMetaOf(db).get('sync.deviceId')) !== undefined;
}

const present = (db: Dexie): Table[] => db.tables.filter((t) => BOOKKEEPING.includes(t.name));

/** Reads the bookkeeping (inside the restore's transaction, before the tables are cleared). */
export async function keepSyncBookkeeping(db: Dexie): Promise<KeptSync> {
  const kept: KeptSync = new Map();
  for (const t of present(db)) kept.set(t.name, await t.toArray());
  return kept;
}

/** Puts the kept bookkeeping back in place of the backup's (inside the restore's transaction). */
export async function putBackSyncBookkeeping(db: Dexie, kept: KeptSync): Promise<void> {
  for (const t of present(db)) {
    await t.clear();
    const rows = kept.get(t.name) ?? [];
    if (rows.length) await t.bulkAdd(rows as object[]);
  }
}

/**
 * After the restore committed: every restored row counts as edited, and rows sync knows but the
 * backup lacks as removed. Its own transaction (without the sync state), so the capture middleware
 * marks the rows and the next sync captures them.
 */
export async function restoredAsNewEdit(db: Dexie): Promise<void> {
  const tables = syncedTablesOf(db);
  await runWrite([...tables, syncDeletesOf(db)], async () => {
    for (const t of tables) {
      await t.toCollection().modify((row: Record<string, unknown>) => {
        row[DIRTY] = 1;
      });
      await syncDeletesOf(db).put({ table: t.name, rowId: ALL_ROWS });
    }
  }, { db, label: 'restore' });
}
