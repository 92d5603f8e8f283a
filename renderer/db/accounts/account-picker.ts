import type { Account } from '../../../shared/domain';
import { getDb } from '../core/db';
import { sortKeyPrefixes } from './sort-key-prefixes';

/** What the account picker shows per option. */
export type AccountOption = Pick<Account, 'id' | 'name' | 'city' | 'customerNumber'>;

/**
 * Accounts whose name starts with the query however an umlaut is written ("muller", "mueller" and
 * "Müller" find Müller, Mueller and Muller: the search fold, shared/text/normalize), or whose customer
 * number equals it; read through the collation-key index, so it stays instant at 100k accounts. The
 * pickers search street and city too from the customer list's index once it is loaded
 * (features/customers/account-matches.ts); this is what they answer meanwhile, and the referral picker.
 */
export async function findAccountOptions(query: string, limit = 12): Promise<AccountOption[]> {
  const q = query.trim();
  if (q === '') return [];
  const db = getDb();
  const prefixes = sortKeyPrefixes(q);
  const [byName, byNumber] = await Promise.all([
    prefixes.length === 0 ? [] : db.accounts.where('sortKey').startsWithAnyOf(prefixes).filter((a) => a.deletedAt === undefined).limit(limit).toArray(),
    db.accounts.where('customerNumber').equals(q).toArray(),
  ]);
  const seen = new Set<string>();
  const out: AccountOption[] = [];
  for (const a of [...byNumber, ...byName]) {
    if (seen.has(a.id) || a.deletedAt !== undefined) continue;
    seen.add(a.id);
    out.push({ id: a.id, name: a.name, city: a.city, customerNumber: a.customerNumber });
  }
  return out.slice(0, limit);
}
