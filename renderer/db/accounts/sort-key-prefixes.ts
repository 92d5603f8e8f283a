import { foldForSearch } from '../../../shared/text/normalize';

/** At most this many a/o/u are expanded (2^n prefixes); the prefix ends before the next one. */
const MAX_VOWELS = 3;

/**
 * The beginnings an account's stored collation key (shared/text/collation: lower case, ä → a, ß → ss)
 * can have when its name folds (shared/text/normalize) to what `typed` folds to, up to `letters`
 * letters: each a/o/u of the typed beginning also with an e after it, as "Mueller" is stored beside
 * "Müller" and "Muller". "muller" and "mueller" → "mull", "muell" (letters 4). Read through the
 * `sortKey` index, this finds the spellings of a name without scanning every account. The beginning
 * stops at the first digit (the key writes numbers differently) and at the first character that is
 * neither a letter nor a space.
 */
export function sortKeyPrefixes(typed: string, letters = Infinity): string[] {
  // Every written-out e goes, even a word's last ("Mue" half typed): the expansion puts it back.
  const base = (/^[\p{L} ]*/u.exec(foldForSearch(typed))?.[0] ?? '').replace(/([aou])e/g, '$1');
  let out = [''];
  let vowels = 0;
  let count = 0;
  for (const ch of base) {
    if (count >= letters) break;
    if ('aou'.includes(ch)) {
      if (++vowels > MAX_VOWELS) break;
      out = out.flatMap((p) => [p + ch, `${p}${ch}e`]);
    } else out = out.map((p) => p + ch);
    count++;
  }
  return out.filter((p) => p !== '');
}
