import type { Account, Contact, Id } from '../../../shared/domain';
import { mayBeExistingCustomer, MIN_TYPED_CORE, typedLength } from '../../../shared/customers/same-customer';
import { collationKey } from '../../../shared/text/collation';
import { getDb } from '../core/db';
import { sortKeyPrefixes } from './sort-key-prefixes';

/** Letters of the typed name that narrow the scan when no postal code is typed. */
const PREFIX_LETTERS = 4;

/**
 * Live accounts that look like the one being entered (shared/customers/same-customer: the rule the
 * import matches by too), or that have the same customer number.
 */
export async function findDuplicateAccounts(
  probe: { name: string; postalCode: string; customerNumber?: string },
  exceptId?: Id,
): Promise<Account[]> {
  const db = getDb();
  const postal = probe.postalCode.replace(/\s/g, '');
  const found = new Map<Id, Account>();
  if (typedLength(probe.name) >= MIN_TYPED_CORE) {
    const prefixes = sortKeyPrefixes(probe.name, PREFIX_LETTERS);
    const candidates = postal
      ? await db.accounts.where('postalCode').equals(postal).toArray()
      : // Without a postal code, names starting alike however an umlaut is written: "Muller GmbH" reads the
        // keys starting "mull" or "muell", not every "mu…" (thousands at 100k accounts, Müller among them).
        await db.accounts.where('sortKey').startsWithAnyOf(prefixes.length > 0 ? prefixes : [collationKey(probe.name).slice(0, 2)]).limit(3000).toArray();
    for (const a of candidates) if (mayBeExistingCustomer(probe, a)) found.set(a.id, a);
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
