import type { Dexie } from 'dexie';
import { foldLegacyRows } from '../../sync/state';

/**
 * Schema v5 (sync state in buckets, see ../sync-state.ts):
 * - `syncState`, the winning field states of many rows per record, keyed by [table+bucket]: merging
 *   thousands of rows from other laptops costs a few hundred IndexedDB requests instead of two per row;
 * - `syncRows` stays declared but empty: the upgrade folds its rows into `syncState`, and a backup
 *   from an older version restores into it (the next sync run folds those too).
 */
export const V5_STORES = {
  syncState: '[table+bucket]',
} as const;

export function migrateV5(db: Dexie): void {
  db.version(5)
    .stores(V5_STORES)
    .upgrade((tx) => foldLegacyRows(tx));
}
