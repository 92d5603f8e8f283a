import type { Dexie } from 'dexie';
import type { Account } from '../../../../shared/domain';
import { accountMatchKeys } from '../../../../shared/import/identity';
import { V3_STORES } from './v3';

/**
 * Schema v11: `accounts.matchKeys`, the keys an import matches a stored account by (its customer
 * number and its name core + postal code, shared/import/identity.ts `accountMatchKeys`), in a
 * multi-entry index. The import's duplicate check then reads only the accounts the file's rows can
 * match (renderer/db/transfer/import.ts), not every account: at 100k accounts a 10k-row file read the
 * whole base before. Kept on every write by the middleware in ../derived.ts; existing accounts get
 * theirs here. Local: not synced, not in backups (restore derives them again).
 */
export const V11_STORES = {
  accounts: `${V3_STORES.accounts}, *matchKeys`,
} as const;

export function migrateV11(db: Dexie): void {
  db.version(11)
    .stores(V11_STORES)
    .upgrade((tx) =>
      tx
        .table('accounts')
        .toCollection()
        .modify((a: Partial<Account> & { matchKeys?: string[] }) => {
          const keys = accountMatchKeys(a);
          if (keys.length > 0) a.matchKeys = keys;
          else delete a.matchKeys;
        }),
    );
}
