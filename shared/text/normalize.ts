/**
 * The one search fold of Rapport. German is typed three ways: "Müller", "Mueller" (the umlaut
 * written out) and "Muller" (a keyboard without umlauts). The fold makes all three one key:
 * lower case, accents dropped, ä/ö/ü and ae/oe/ue inside a word both become a/o/u, ß becomes ss,
 * and the street abbreviation "str." (or "str" before a house number) becomes "strasse".
 *
 *   foldForSearch("Müller") = foldForSearch("Mueller") = foldForSearch("MULLER") = "muller"
 *   foldForSearch("Köln") = foldForSearch("Koeln") = "koln"
 *   foldForSearch("Schloßstraße 5") = "schlossstrasse 5", foldForSearch("Hauptstr. 5") = "hauptstrasse 5"
 *
 * An "ae/oe/ue" at the END of a word is kept: "Joe" stays "joe" and does not find "Johann", "Zoe"
 * not "Zora". The price of the fold, accepted: names that differ only by such an e meet ("Bauer"
 * and "Baur", "Michael" and "Michal", "Hofer" and "Höfer", "Kuhn" and "Kühn"): a rep who types
 * "hofer" wants to see Höfer, and a few neighbours in the list do no harm.
 */
export function foldForSearch(input: string): string {
  return collapse(spellOut(input));
}

/**
 * The text of a record as the search looks into it: its fold, then each word the fold changed as it
 * is spelled out (ä → ae, no e dropped). Searching is "the folded query occurs in the search text",
 * so a word still being typed finds it too: "mue" (Müller half typed) occurs in "mueller" though
 * not in "muller", and "elle" in "quelle" though not in the fold "qulle". Terms never hold a space,
 * so no match runs across the two parts.
 */
export function searchText(input: string): string {
  const spelled = spellOut(input);
  const folded = collapse(spelled);
  if (folded === spelled) return folded;
  const a = folded.split(' ');
  const b = spelled.split(' ');
  const extra = b.filter((w, i) => w !== a[i]);
  return `${folded} ${extra.join(' ')}`;
}

/** True when the text, folded or spelled out, starts with the folded prefix ("koe" and "kol" both begin Köln). */
export function startsWithFolded(text: string, foldedPrefix: string): boolean {
  const spelled = spellOut(text);
  return spelled.startsWith(foldedPrefix) || collapse(spelled).startsWith(foldedPrefix);
}

/** True when every whitespace-separated term of the query occurs in the folded haystack. */
export function matchesQuery(foldedHaystack: string, foldedQuery: string): boolean {
  if (foldedQuery === '') return true;
  for (const term of foldedQuery.split(' ')) {
    if (!foldedHaystack.includes(term)) return false;
  }
  return true;
}

/** "Hauptstr. 5", "Str. des 17. Juni", "Hauptstr 5": the abbreviation, never the "str" inside "Strauß" or "Astra". */
const STREET_ABBREVIATION = /str(?:\.(?!\p{L})| ?(?=\d))/gu;
/** A vowel's written-out umlaut e inside a word (a letter follows): "mueller", "koeln", "baeckerei". */
const INNER_UMLAUT_E = /([aou])e(?=\p{L})/gu;

/** Lower case, umlauts written out, ß as ss, other accents dropped, "str." as "strasse", spaces folded. */
function spellOut(input: string): string {
  return input
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(STREET_ABBREVIATION, 'strasse ')
    .replace(/\s+/g, ' ')
    .trim();
}

function collapse(spelled: string): string {
  return spelled.replace(INNER_UMLAUT_E, '$1');
}
