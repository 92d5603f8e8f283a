import type { Dexie } from 'dexie';
import type { Account } from '../../../../shared/domain';
import { accountMatchKeys } from '../../../../shared/import/identity';
import { V11_STORES } from './v11';

/**
 * Schema v12: `accounts.matchKeys`, the keys an import matches a stored account by (its customer
 * number and its name core + postal code, shared/import/identity.ts `accountMatchKeys`), in a
 * multi-entry index. The import's duplicate check then reads only the accounts the file's rows can
 * match (renderer/db/transfer/import.ts), not every account: at 100k accounts a 10k-row file read the
 * whole base before. Kept on every write by the middleware in ../derived.ts; existing accounts get
 * theirs here. Local: not synced, not in backups (restore derives them again).
 */
export const V12_STORES = {
  accounts: `${V11_STORES.accounts}, *matchKeys`,
} as const;

export function migrateV12(db: Dexie): void {
  db.version(12)
    .stores(V12_STORES)
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
