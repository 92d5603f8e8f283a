import type { Account, Contact, Id, Interaction } from '../../../shared/domain';
import { getDb, type RapportDb } from '../core/db';
import { runWrite } from '../core/write';
import { getSetting } from '../team/settings';

/** What stays of an erased person: the row (so interactions keep a valid reference) and nothing personal. */
export function erasedContact(c: Contact, now: number): Contact {
  return {
    id: c.id,
    accountId: c.accountId,
    updatedAt: now,
    ...(c.deletedAt !== undefined ? { deletedAt: c.deletedAt } : {}),
    salutation: 'none',
    title: '',
    firstName: '',
    lastName: '',
    position: '',
    phone: '',
    mobile: '',
    email: '',
    preferredChannel: 'none',
    notes: '',
    erased: true,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The ways a person is written in free text: full name (with title), "Herr/Frau/Hr./Fr. <last name>",
 * e-mail and phone numbers. The last name alone is not replaced: it is often part of a company name.
 */
export function personPatterns(c: Contact): RegExp[] {
  const patterns: string[] = [];
  const first = c.firstName.trim();
  const last = c.lastName.trim();
  if (first && last) patterns.push(`${c.title.trim() ? `(?:${escape(c.title.trim())}\\s+)?` : ''}${escape(first)}\\s+${escape(last)}`);
  if (last) patterns.push(`(?:Herrn?|Frau|Hr\\.|Fr\\.|Mr\\.?|Mrs\\.?|Ms\\.?)\\s+(?:${c.title.trim() ? `${escape(c.title.trim())}\\s+` : ''})?${escape(last)}`);
  for (const value of [c.email, c.phone, c.mobile]) if (value.trim().length >= 5) patterns.push(escape(value.trim()));
  return patterns.map((p) => new RegExp(p, 'giu'));
}

function scrub(text: string, patterns: RegExp[], placeholder: string): string {
  return patterns.reduce((t, p) => t.replace(p, placeholder), text);
}

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
      const now = Date.now();
      const patterns = personPatterns(contact);
      const listed = await db.interactions.where('contactIds').equals(id).toArray();
      const sameAccount = await db.interactions.where('accountId').equals(contact.accountId).toArray();
      const byId = new Map<Id, Interaction>([...sameAccount, ...listed].map((i) => [i.id, i]));
      const changed: Interaction[] = [];
      for (const i of byId.values()) {
        const next = { ...i, subject: scrub(i.subject, patterns, placeholder), summary: scrub(i.summary, patterns, placeholder), nextStep: scrub(i.nextStep, patterns, placeholder) };
        if (next.subject !== i.subject || next.summary !== i.summary || next.nextStep !== i.nextStep) changed.push({ ...next, updatedAt: now });
      }
      await db.contacts.put(erasedContact(contact, now));
      if (changed.length) await db.interactions.bulkPut(changed);
      return { interactions: changed.length };
    },
    db,
  );
}

/** Fields of a private account that describe a person; a company's name and address are not personal data. */
export function erasedPrivateAccount(a: Account, placeholder: string, now: number): Account {
  return { ...a, name: placeholder, street: '', phone: '', email: '', website: '', notes: '', updatedAt: now };
}

/** Erases every contact of an account and, for private customers, the account's personal fields. */
export async function eraseAccountPersonalData(accountId: Id, placeholder = '[gelöscht]', db: RapportDb = getDb()): Promise<void> {
  const contacts = await db.contacts.where('accountId').equals(accountId).toArray();
  for (const c of contacts) if (!c.erased) await eraseContact(c.id, placeholder, db);
  const account = await db.accounts.get(accountId);
  if (account?.kind === 'private' && account.name !== placeholder) {
    await runWrite((d) => [d.accounts], () => db.accounts.put(erasedPrivateAccount(account, placeholder, Date.now())), db);
  }
}

export const DEFAULT_RETENTION_YEARS = 10;

export type RetentionCandidate = { account: Account; lastActivity: string; contacts: number };

/**
 * Former customers whose last activity (contact, interaction, lifecycle change) is older than
 * `years`: their personal data is proposed for deletion. Already erased accounts are left out.
 */
export async function listRetentionCandidates(now: Date = new Date(), db: RapportDb = getDb()): Promise<RetentionCandidate[]> {
  const years = await getSetting<number>('retentionYears', DEFAULT_RETENTION_YEARS);
  const cutoff = new Date(now);
  cutoff.setFullYear(cutoff.getFullYear() - years);
  const cutoffIso = cutoff.toISOString();
  const former = await db.accounts.where('lifecycle').equals('former').toArray();
  const out: RetentionCandidate[] = [];
  for (const account of former) {
    const latest = await db.interactions.where('[accountId+at]').between([account.id, ''], [account.id, '\uffff']).last();
    const dates = [account.lastHumanContactAt, account.lastDigitalContactAt, latest?.at, account.lifecycleDates.former, new Date(account.createdAt).toISOString()];
    const lastActivity = dates.filter((d): d is string => !!d).sort().at(-1) ?? '';
    if (lastActivity >= cutoffIso) continue;
    const contacts = (await db.contacts.where('accountId').equals(account.id).toArray()).filter((c) => !c.erased);
    if (contacts.length === 0 && account.kind !== 'private') continue;
    if (contacts.length === 0 && account.kind === 'private' && account.street === '' && account.phone === '' && account.email === '') continue;
    out.push({ account, lastActivity, contacts: contacts.length });
  }
  return out.sort((a, b) => a.lastActivity.localeCompare(b.lastActivity));
}
