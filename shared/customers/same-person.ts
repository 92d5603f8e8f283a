import { foldForSearch } from '../text/normalize';
import { emailKey } from '../validation/email';

/** What of a contact the rule compares. */
export type PersonLike = { firstName?: string; lastName?: string; email?: string; phone?: string; mobile?: string };

/** The folded full name ("Jörg Weiß" = "Joerg Weiss"); empty when the contact has no name. */
export function personName(p: PersonLike): string {
  return foldForSearch(`${p.firstName ?? ''} ${p.lastName ?? ''}`);
}

/** A phone number as compared: digits only, a leading +49/0049 read as 0 ("+49 711 1" = "0711/1"). */
export function phoneKey(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, '').replace(/^(\+|00)49/, '0').replace(/\D/g, '');
  return digits;
}

function channels(p: PersonLike): { mails: string[]; phones: string[] } {
  return {
    mails: p.email ? [emailKey(p.email)] : [],
    phones: [p.phone, p.mobile].filter((x): x is string => !!x && phoneKey(x).length >= 3).map(phoneKey),
  };
}

/**
 * Two contacts OF ONE ACCOUNT are the same person when their names fold alike and either they share
 * an e-mail address or a phone number, or one of them has neither (nothing to tell them apart: a
 * re-import of a list of names, or a row that adds the first e-mail to a stored contact).
 * Two "Thomas Müller" with different e-mail addresses are two people; a company name repeating in
 * the file says nothing about its people (this is what skipped 1,656 colleagues as "duplicates").
 */
export function looksLikeSamePerson(a: PersonLike, b: PersonLike): boolean {
  const name = personName(a);
  if (name === '' || name !== personName(b)) return false;
  const ca = channels(a);
  const cb = channels(b);
  if (ca.mails.length + ca.phones.length === 0 || cb.mails.length + cb.phones.length === 0) return true;
  return ca.mails.some((m) => cb.mails.includes(m)) || ca.phones.some((p) => cb.phones.includes(p));
}
