/**
 * THE e-mail check of Rapport: the contact and account forms, the team settings and the import all
 * ask this one function, so an address the form takes is never refused by the import (it was:
 * `jörg.3@example.de` passed the form's loose pattern and failed zod's ASCII-only `z.email()`).
 *
 * International addresses (RFC 6531/6532) are accepted as typed: umlauts and ß in the local part and
 * in the domain (`jörg@bäckerei-weiß.de`). Nothing here converts: no punycode, no lower-casing, ß stays ß.
 * What is refused is what no mail server delivers: no or two `@`, white space or control characters,
 * an empty local part or domain label, dots at the edges or doubled, a domain without a dot.
 * Quoted local parts (`"a b"@x.de`) are refused too: no CRM user types one, and they hide typos.
 */

/** Letters and digits of any script (with their combining marks), and the specials RFC 5322 allows unquoted. */
const LOCAL_ATOM = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
/** A domain label: letters/digits of any script and inner hyphens (`bäckerei-weiß`, `xn--bckerei-wei-...`). */
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
/** A top-level domain: letters (`de`, `com`, `рф`) or an ASCII IDN label (`xn--p1ai`); never only digits. */
const TOP_LABEL = /^(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]+)$/iu;

/** Lengths from RFC 5321 (counted in characters, not octets: a rep's address is never near them). */
const MAX_LOCAL = 64;
const MAX_LABEL = 63;
const MAX_TOTAL = 254;

/** True when `value` (already trimmed by the caller) is an e-mail address a mail server would take. */
export function isEmail(value: string): boolean {
  if (value.length === 0 || value.length > MAX_TOTAL) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > MAX_LOCAL) return false;
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => label.length <= MAX_LABEL && DOMAIN_LABEL.test(label))) return false;
  return TOP_LABEL.test(labels[labels.length - 1] ?? '');
}

/**
 * How two addresses are compared when deciding whether two records are the same person: case and
 * Unicode composition do not count (`Jörg@X.de` typed on a Mac = `jörg@x.de`). Only for comparing;
 * what is stored and shown is always the address as typed.
 */
export function emailKey(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}
