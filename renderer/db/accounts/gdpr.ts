import type { Account, Id, Interaction } from '../../../shared/domain';
import { eraseContactRows, privateAccountErasure } from '../../../shared/gdpr/erasure';
import { DEFAULT_RETENTION_YEARS, isRetentionDue, lastActivityOf, retentionCutoff } from '../../../shared/gdpr/retention';
import { getDb, type RapportDb } from '../core/db';
import { runWrite } from '../core/write';
import { getSetting } from '../team/settings';

/**
 * GDPR erasure (Art. 17) of one contact person, in one transaction: the contact keeps only its id,
 * account and `erased: true`; interactions keep their reference to the erased stub, and the person's
 * name, e-mail and phone numbers in their subject, summary and next step become `placeholder`.
 * The sync engine carries `erased` to the other laptops as an erasure (see shared/sync stampErase).
 */
export async function eraseContact(id: Id, placeholder = '[gelöscht]', db: RapportDb = getDb()): Promise<{ interactions: number }> {
  return runWrite(
    (d) => [d.contacts, d.interactions],
    async () => {
      const contact = await db.contacts.get(id);
      if (!contact) throw new Error(`Contact ${id} not found`);
      const listed = await db.interactions.where('contactIds').equals(id).toArray();
      const sameAccount = await db.interactions.where('accountId').equals(contact.accountId).toArray();
      const byId = new Map<Id, Interaction>([...sameAccount, ...listed].map((i) => [i.id, i]));
      const erasure = eraseContactRows(contact, [...byId.values()], placeholder, Date.now());
      await db.contacts.put(erasure.contact);
      if (erasure.interactions.length) await db.interactions.bulkPut(erasure.interactions);
      return { interactions: erasure.interactions.length };
    },
    db,
  );
}

/** Erases every contact of an account and, for private customers, the account's personal fields. */
export async function eraseAccountPersonalData(accountId: Id, placeholder = '[gelöscht]', db: RapportDb = getDb()): Promise<void> {
  const contacts = await db.contacts.where('accountId').equals(accountId).toArray();
  for (const c of contacts) if (!c.erased) await eraseContact(c.id, placeholder, db);
  const erased = privateAccountErasure(await db.accounts.get(accountId), placeholder, Date.now());
  if (erased) await runWrite((d) => [d.accounts], () => db.accounts.put(erased), db);
}

export { DEFAULT_RETENTION_YEARS } from '../../../shared/gdpr/retention';

export type RetentionCandidate = { account: Account; lastActivity: string; contacts: number };

/**
 * Former customers whose last activity (contact, interaction, lifecycle change) is older than
 * `years`: their personal data is proposed for deletion. Already erased accounts are left out.
 */
export async function listRetentionCandidates(now: Date = new Date(), db: RapportDb = getDb()): Promise<RetentionCandidate[]> {
  const years = await getSetting<number>('retentionYears', DEFAULT_RETENTION_YEARS);
  const cutoff = retentionCutoff(now, years);
  const former = await db.accounts.where('lifecycle').equals('former').toArray();
  const out: RetentionCandidate[] = [];
  for (const account of former) {
    const latest = await db.interactions.where('[accountId+at]').between([account.id, ''], [account.id, '\uffff']).last();
    const lastActivity = lastActivityOf(account, latest?.at);
    if (lastActivity >= cutoff) continue;
    const contacts = (await db.contacts.where('accountId').equals(account.id).toArray()).filter((c) => !c.erased);
    if (isRetentionDue(account, lastActivity, contacts.length, cutoff)) out.push({ account, lastActivity, contacts: contacts.length });
  }
  return out.sort((a, b) => a.lastActivity.localeCompare(b.lastActivity));
}
