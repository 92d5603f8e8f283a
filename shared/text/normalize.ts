/**
 * Folds a string for search: lower case, accents removed, and the German spellings
 * ä/ae, ö/oe, ü/ue, ß/ss made equal, so "Mueller" finds "Müller" and "Strasse" finds "Straße".
 */
export function foldForSearch(input: string): string {
  return input
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every whitespace-separated term of the query occurs in the folded haystack. */
export function matchesQuery(foldedHaystack: string, foldedQuery: string): boolean {
  if (foldedQuery === '') return true;
  for (const term of foldedQuery.split(' ')) {
    if (!foldedHaystack.includes(term)) return false;
  }
  return true;
}
