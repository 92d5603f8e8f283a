import type { Account } from '../../../shared/domain';
import { getDb } from '../core/db';

/** What the account picker shows per option. */
export type AccountOption = Pick<Account, 'id' | 'name' | 'city' | 'customerNumber'>;

/** German spellings a user may type for an umlaut, so "Mue" also finds "Müller" by prefix. */
function variants(q: string): string[] {
  const out = new Set([q]);
  const pairs: Array<[RegExp, string]> = [[/ae/gi, 'ä'], [/oe/gi, 'ö'], [/ue/gi, 'ü'], [/ss/gi, 'ß']];
  for (const [re, ch] of pairs) for (const v of [...out]) out.add(v.replace(re, ch));
  return [...out];
}

/**
 * Accounts whose name starts with the query (case-insensitive, umlaut spellings tried), or whose
 * customer number equals it; read through the name index, so it stays instant at 100k accounts.
 */
export async function findAccountOptions(query: string, limit = 12): Promise<AccountOption[]> {
  const q = query.trim();
  if (q === '') return [];
  const db = getDb();
  const [byName, byNumber] = await Promise.all([
    db.accounts.where('name').startsWithAnyOfIgnoreCase(variants(q)).filter((a) => a.deletedAt === undefined).limit(limit).toArray(),
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
