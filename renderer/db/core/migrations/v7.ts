import type { Dexie } from 'dexie';
import { V4_STORES } from './v4';

/**
 * Schema v7: `interactions` gets the compound index `[type+complaint.status]`, so the accounts with
 * an open complaint (a badge on every list row and page) are read from the few open complaints
 * instead of every complaint of all time, on each change to the history. Rows without a complaint
 * are not in the index (a compound key needs every part). The index is built by the upgrade itself.
 */
export const V7_STORES = {
  interactions: `${V4_STORES.interactions}, [type+complaint.status]`,
} as const;

export function migrateV7(db: Dexie): void {
  db.version(7).stores(V7_STORES);
}
