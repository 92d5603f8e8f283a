import type { Dexie } from 'dexie';
import { collationKey } from '../../../../shared/text/collation';
import { V1_STORES } from './v1';

/**
 * Schema v2 (customer base):
 * - `accounts.sortKey`, a German collation key of the name (kept up to date on every write by the
 *   middleware in ../derived.ts), indexed alone and per owner, so the customer list paints its first
 *   screen from an index in collation order instead of reading every account;
 * - `merges`, one row per account merge with what it moved, so a merge can be undone.
 */
export const V2_STORES = {
  accounts: `${V1_STORES.accounts}, sortKey, [ownerId+sortKey]`,
  merges: 'id, at, survivorId, loserId',
} as const;

export function migrateV2(db: Dexie): void {
  db.version(2)
    .stores(V2_STORES)
    .upgrade((tx) =>
      tx
        .table('accounts')
        .toCollection()
        .modify((a: { name?: string; sortKey?: string }) => {
          a.sortKey = collationKey(a.name ?? '');
        }),
    );
}
