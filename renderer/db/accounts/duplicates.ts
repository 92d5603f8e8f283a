import type { Account, Contact, Id } from '../../../shared/domain';
import { collationKey } from '../../../shared/text/collation';
import { foldForSearch } from '../../../shared/text/normalize';
import { getDb } from '../core/db';

/** Legal forms left out when comparing names: "Müller GmbH" and "Mueller Haustechnik GmbH & Co. KG" differ, "Müller GmbH" and "Müller KG" not. */
const LEGAL_FORMS = /\b(gmbh & co\.? kg|gmbh|mbh|ag|kg|ohg|gbr|ug|e\.? ?k\.?|eg|se|ltd\.?|inc\.?)$/;

/** The part of a company name that identifies it: folded, punctuation and legal form removed. */
export function nameCore(name: string): string {
  let s = foldForSearch(name).replace(/[.,"'()]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) s = s.replace(LEGAL_FORMS, '').trim();
  return s.replace(/[^a-z0-9]/g, '');
}

/**
 * Live accounts that look like the one being entered: same name core and same postal code, or the
 * same name core when no postal code is given yet, or the same customer number.
 */
export async function findDuplicateAccounts(
  probe: { name: string; postalCode: string; customerNumber?: string },
  exceptId?: Id,
): Promise<Account[]> {
  const core = nameCore(probe.name);
  const db = getDb();
  const postal = probe.postalCode.replace(/\s/g, '');
  const found = new Map<Id, Account>();
  if (core.length >= 3) {
    const candidates = postal
      ? await db.accounts.where('postalCode').equals(postal).toArray()
      : // Without a postal code the collation key's prefix narrows the scan to names starting alike.
        await db.accounts.where('sortKey').startsWith(collationKey(probe.name).slice(0, 2)).limit(3000).toArray();
    for (const a of candidates) if (nameCore(a.name) === core) found.set(a.id, a);
  }
  if (probe.customerNumber) {
    for (const a of await db.accounts.where('customerNumber').equals(probe.customerNumber).toArray()) found.set(a.id, a);
  }
  return [...found.values()].filter((a) => a.id !== exceptId && a.deletedAt === undefined).slice(0, 5);
}

/** Live contacts anywhere with the same e-mail address (case-insensitive). */
export async function findContactsByEmail(email: string, exceptId?: Id): Promise<Contact[]> {
  const e = email.trim();
  if (!e.includes('@')) return [];
  const rows = await getDb().contacts.where('email').equalsIgnoreCase(e).toArray();
  return rows.filter((c) => c.id !== exceptId && c.deletedAt === undefined).slice(0, 5);
}
