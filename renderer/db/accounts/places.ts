import type { Account, Id } from '../../../shared/domain';
import { getDb } from '../core/db';

/** A rep's live, not archived accounts: those the week plan may visit, and so must be placed. */
export async function listRepAccountsToPlace(ownerId: Id): Promise<Account[]> {
  const rows = await getDb().accounts.where('ownerId').equals(ownerId).toArray();
  return rows.filter((a) => a.deletedAt === undefined && !a.archived);
}
