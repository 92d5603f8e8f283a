import type { Dexie, Transaction } from 'dexie';
import type { Account, Interaction } from '../../../../shared/domain';
import { OPEN_FIELD, openKeys, type ContactClock } from '../../../../shared/planning/open-items';
import { V8_STORES } from './v8';

/**
 * Schema v13: the open-items index on `interactions` (multi-entry `*openKeys`,
 * shared/planning/open-items.ts): open complaints and the follow-ups no later contact answered, so
 * Today's inbox reads what is open instead of every complaint and follow-up of the history. The
 * middleware in ../open-index.ts keeps the entries on every write. The upgrade reads the accounts'
 * last contacts once (small) and rewrites only the rows that can be open: complaints and entries
 * with a follow-up day, found through their indexes; the rest of the history is not touched.
 * Local: not synced, not in backups (restore derives them again).
 */
export const V13_STORES = {
  interactions: `${V8_STORES.interactions}, *${OPEN_FIELD}`,
} as const;

type Stored = Interaction & { [OPEN_FIELD]?: unknown };

export async function deriveOpenKeys(tx: Transaction): Promise<void> {
  const clocks = new Map<string, ContactClock>();
  await tx.table<Account, string>('accounts').each((a) => {
    if (a.lastHumanContactAt || a.lastDigitalContactAt) clocks.set(a.id, { lastHumanContactAt: a.lastHumanContactAt, lastDigitalContactAt: a.lastDigitalContactAt });
  });
  const derive = (r: Stored) => {
    const keys = openKeys(r, clocks.get(r.accountId));
    if (keys) r[OPEN_FIELD] = keys;
    else delete r[OPEN_FIELD];
  };
  const interactions = tx.table<Stored, string>('interactions');
  await interactions.where('type').equals('complaint').modify(derive);
  // Every follow-up day sorts above '' (an empty or missing one is in no index).
  await interactions.where('followUpDate').above('').modify(derive);
}

export function migrateV13(db: Dexie): void {
  db.version(13).stores(V13_STORES).upgrade(deriveOpenKeys);
}
