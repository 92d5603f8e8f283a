import type { Dexie } from 'dexie';
import { VISIT_FIELD, visitKeys, type VisitRow } from '../../../../shared/planning/visit-index';
import { V3_STORES } from './v3';

/**
 * Schema v11: the visit index on `accounts` (multi-entry `*visitKeys`, shared/planning/visit-index.ts),
 * so Today reads the accounts that are due and counts the coverage instead of reading every account.
 * The middleware in ../derived.ts keeps the entries up to date on every write; the upgrade derives
 * them once for the accounts already stored (one rewrite of the accounts, in Dexie's chunked modify).
 * Rows the index does not hold (no human rhythm) lose a stale field, if any, and stay as they are.
 */
export const V11_STORES = {
  accounts: `${V3_STORES.accounts}, *${VISIT_FIELD}`,
} as const;

type Stored = VisitRow & { [VISIT_FIELD]?: unknown };

export function migrateV11(db: Dexie): void {
  db.version(11)
    .stores(V11_STORES)
    .upgrade((tx) =>
      tx
        .table('accounts')
        .toCollection()
        .modify((a: Stored) => {
          const keys = visitKeys(a);
          if (keys) a[VISIT_FIELD] = keys;
          else delete a[VISIT_FIELD];
        }),
    );
}
