import type { Account, Contact, Interaction } from '../domain';

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

export function scrub(text: string, patterns: RegExp[], placeholder: string): string {
  return patterns.reduce((t, p) => t.replace(p, placeholder), text);
}

/** What erasing one person writes: the contact stub and the interactions whose texts named them. */
export type ContactErasure = { contact: Contact; interactions: Interaction[] };

/**
 * GDPR erasure (Art. 17) of one contact person: the contact keeps only its id, account and
 * `erased: true`; of `candidates` (the interactions listing the person or of the same account),
 * those naming them in subject, summary or next step get the name, e-mail and phone numbers
 * replaced by `placeholder`. Unchanged interactions are not written.
 */
export function eraseContactRows(contact: Contact, candidates: readonly Interaction[], placeholder: string, now: number): ContactErasure {
  const patterns = personPatterns(contact);
  const changed: Interaction[] = [];
  for (const i of candidates) {
    const next = { ...i, subject: scrub(i.subject, patterns, placeholder), summary: scrub(i.summary, patterns, placeholder), nextStep: scrub(i.nextStep, patterns, placeholder) };
    if (next.subject !== i.subject || next.summary !== i.summary || next.nextStep !== i.nextStep) changed.push({ ...next, updatedAt: now });
  }
  return { contact: erasedContact(contact, now), interactions: changed };
}

/** Fields of a private account that describe a person; a company's name and address are not personal data. */
export function erasedPrivateAccount(a: Account, placeholder: string, now: number): Account {
  return { ...a, name: placeholder, street: '', phone: '', email: '', website: '', notes: '', updatedAt: now };
}

/** The private account to write when its personal data is erased; undefined for companies and accounts already erased. */
export function privateAccountErasure(a: Account | undefined, placeholder: string, now: number): Account | undefined {
  return a?.kind === 'private' && a.name !== placeholder ? erasedPrivateAccount(a, placeholder, now) : undefined;
}
