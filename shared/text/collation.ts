/**
 * A sort key whose plain code-unit order (IndexedDB's order, and `<` on strings) matches German
 * collation closely: case and accents are ignored (Ä sorts with A as in DIN 5007-1 and
 * Intl.Collator('de')), ß counts as ss, and digit runs compare by value ("Filiale 9" before
 * "Filiale 10"). Stored on every account so the first screen comes straight from an index.
 */
export function collationKey(input: string): string {
  const primary = input
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\d+/g, (digits) => {
      const n = digits.replace(/^0+(?=\d)/, '');
      // A length digit first, so a longer number sorts after a shorter one; still below letters.
      return String.fromCharCode(0x30 + Math.min(n.length, 40)) + n;
    });
  // Ties (Apfel/Äpfel) break on the accented spelling, unaccented first, as the collator does.
  return `${primary}\u0001${input.toLowerCase()}`;
}

/** Compares two collation keys (for in-memory sorts that must agree with the index order). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
