import { foldForSearch } from '../text/normalize';

/** What of an account the rule compares (a stored row, an import record, the form while typing). */
export type NamedPlace = { name?: string; postalCode?: string };

/** Legal forms left out when comparing names: "Müller GmbH" and "Mueller Haustechnik GmbH & Co. KG" differ, "Müller GmbH" and "Müller KG" not. */
const LEGAL_FORMS = /\b(gmbh & co\.? kg|gmbh|mbh|ag|kg|ohg|gbr|ug|e\.? ?k\.?|eg|se|ltd\.?|inc\.?)$/u;

/**
 * The part of a company name that identifies it: case, spacing, punctuation and a trailing legal form
 * do not count, nor how an umlaut is written ("Müller", "Mueller" and "Muller" from a keyboard without
 * umlauts are one name; ß = ss): the search's own fold (shared/text/normalize), so what the search
 * puts together the warning does too. The price: names that differ only by such an e ("Bauer", "Baur") meet too.
 */
export function nameCore(name: string): string {
  let s = foldForSearch(name).replace(/[.,"'()]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) s = s.replace(LEGAL_FORMS, '').trim();
  return s.replace(/[^\p{L}\p{N}]/gu, '');
}

/** A postal code as compared: without spaces, upper case ("1234 ab" = "1234AB"). */
export function postalKey(code: string | undefined): string {
  return (code ?? '').replace(/\s/g, '').toUpperCase();
}

/** The key accounts that look like the same customer share; undefined when the name has nothing to compare. */
export function customerKey(a: NamedPlace): string | undefined {
  const core = nameCore(a.name ?? '');
  return core === '' ? undefined : `${core}|${postalKey(a.postalCode)}`;
}

/**
 * THE rule for "these two accounts look like the same customer", used by the account form's warning
 * and by the import's matching: the same name core at the same postal code. "Müller GmbH" and "Müller KG"
 * in 80331 are the same: to a field rep that is one firm, re-registered, not a second customer next door.
 * (The import lets a mapped customer number decide first: shared/import/identity.ts.)
 */
export function looksLikeSameCustomer(a: NamedPlace, b: NamedPlace): boolean {
  const key = customerKey(a);
  return key !== undefined && key === customerKey(b);
}

/** The shortest name core the form warns about while typing: "Mü" would match half the customers. */
export const MIN_TYPED_CORE = 3;

/** Letters of the name core as typed, an umlaut one letter however written ("Mü" and "Mue" are two). */
export function typedLength(name: string): number {
  return nameCore(name).replace(/([aou])e/g, '$1').length;
}

/**
 * The account form's warning while a name is typed: the same rule, once the name has
 * MIN_TYPED_CORE characters; a postal code not typed yet could be any, so it does not tell accounts apart.
 */
export function mayBeExistingCustomer(probe: NamedPlace, stored: NamedPlace): boolean {
  if (typedLength(probe.name ?? '') < MIN_TYPED_CORE) return false;
  return looksLikeSameCustomer(postalKey(probe.postalCode) ? probe : { ...probe, postalCode: stored.postalCode }, stored);
}
