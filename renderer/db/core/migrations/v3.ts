import type { Dexie } from 'dexie';
import { V1_STORES } from './v1';
import { V2_STORES } from './v2';

/**
 * Schema v3 (folder sync, see shared/sync/README.md "Wiring to Dexie" and renderer/db/sync/store.ts):
 * - `syncRows`, per synced row the winning state of each field (`{ table, rowId, fields }`), keyed by
 *   [table+rowId]: one read per row to diff a local edit or merge a remote one;
 * - `syncPending`, local changes not yet in a written segment (`key` finds one by field and stamp,
 *   [table+rowId] finds a row's queue when it is erased);
 * - `syncMeta`, the engine's bookkeeping (device id, clock, heads) as `{ key, value }`;
 * - `syncDeletes`, rows removed for good locally (emptied trash, undone import) that sync still has
 *   to announce as deleted; `rowId: '*'` means "a whole range went, compare the table";
 * - `syncDirty` on every synced table: set by the middleware in ../sync-middleware.ts on every local
 *   write, cleared when sync has diffed the row (sparse index: only edited rows are in it);
 * - `merges.updatedAt`, indexed like in every other table.
 */
const dirty = (schema: string) => `${schema}, syncDirty`;

export const V3_STORES = {
  syncRows: '[table+rowId]',
  syncPending: '++id, key, [table+rowId]',
  syncMeta: 'key',
  syncDeletes: '[table+rowId]',
  accounts: dirty(V2_STORES.accounts),
  contacts: dirty(V1_STORES.contacts),
  interactions: dirty(V1_STORES.interactions),
  deals: dirty(V1_STORES.deals),
  sales: dirty(V1_STORES.sales),
  leadSources: dirty(V1_STORES.leadSources),
  teamMembers: dirty(V1_STORES.teamMembers),
  segmentRules: dirty(V1_STORES.segmentRules),
  activityPlans: dirty(V1_STORES.activityPlans),
  automationRules: dirty(V1_STORES.automationRules),
  merges: dirty(`${V2_STORES.merges}, updatedAt`),
} as const;

export function migrateV3(db: Dexie): void {
  db.version(3).stores(V3_STORES);
}
