import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesQuery, searchText, startsWithFolded } from './normalize';

/** What the customer search does: every folded query term occurs in the record's search text. */
const finds = (query: string, record: string) => matchesQuery(searchText(record), foldForSearch(query));

describe('foldForSearch', () => {
  it('gives Müller, Mueller, Muller and MÜLLER one key', () => {
    for (const spelling of ['Müller', 'Mueller', 'Muller', 'MÜLLER', 'MUELLER', 'Mu\u0308ller']) expect(foldForSearch(spelling)).toBe('muller');
    expect(foldForSearch('Köln')).toBe('koln');
    expect(foldForSearch('Koeln')).toBe('koln');
    expect(foldForSearch('Bäckerei Weiß')).toBe(foldForSearch('Baeckerei Weiss'));
    expect(foldForSearch('Größe')).toBe('grosse');
  });
  it('writes the street abbreviation out', () => {
    expect(foldForSearch('Hauptstr. 5')).toBe('hauptstrasse 5');
    expect(foldForSearch('Hauptstr.5')).toBe('hauptstrasse 5');
    expect(foldForSearch('Hauptstr 5')).toBe('hauptstrasse 5');
    expect(foldForSearch('Hauptstraße 5')).toBe('hauptstrasse 5');
    expect(foldForSearch('Str. des 17. Juni 12')).toBe('strasse des 17. juni 12');
    expect(foldForSearch('str.')).toBe('strasse');
    // Not an abbreviation: a word going on, a name, an e-mail domain.
    expect(foldForSearch('Strauß')).toBe('strauss');
    expect(foldForSearch('Astra GmbH')).toBe('astra gmbh');
    expect(foldForSearch('info@hauptstr.de')).toBe('info@hauptstr.de');
  });
  it('keeps an e at the end of a word, so short names do not turn into prefixes of others', () => {
    expect(foldForSearch('Joe')).toBe('joe');
    expect(foldForSearch('Zoe Aloe')).toBe('zoe aloe');
    expect(foldForSearch('Menü')).toBe(foldForSearch('Menue'));
  });
  it('drops other accents and folds white space', () => {
    expect(foldForSearch('  Café   Crème ')).toBe('cafe creme');
  });
});

describe('search with the fold', () => {
  it('finds Müller however it is typed, and every spelling finds the others', () => {
    const spellings = ['Müller', 'Mueller', 'Muller', 'MÜLLER'];
    for (const q of ['muller', 'mueller', 'Müller', 'MÜLLER', 'MUELLER', 'mül', 'muel', 'mul']) {
      for (const record of spellings) expect(finds(q, `${record} Haustechnik GmbH`), `${q} → ${record}`).toBe(true);
    }
  });
  it('finds while a word is half typed', () => {
    for (const q of ['m', 'mu', 'mue', 'mü', 'muel', 'muell', 'muelle']) expect(finds(q, 'Müller GmbH'), q).toBe(true);
    for (const q of ['k', 'ko', 'koe', 'kö', 'koel', 'kol']) expect(finds(q, 'Köln'), q).toBe(true);
  });
  it('finds Köln by koln, koeln and Köln', () => {
    for (const q of ['koln', 'koeln', 'Köln', 'KÖLN']) expect(finds(q, 'Schulze Bau KG 50667 Köln'), q).toBe(true);
  });
  it('matches Straße, Strasse and Str. both ways', () => {
    expect(finds('hauptstrasse', 'Hauptstr. 5')).toBe(true);
    expect(finds('hauptstraße 5', 'Hauptstr. 5')).toBe(true);
    expect(finds('hauptstr', 'Hauptstraße 5')).toBe(true);
    expect(finds('hauptstr.', 'Hauptstraße 5')).toBe(true);
    for (const q of ['schloss', 'schloß', 'strasse', 'straße', 'str.', 'schlossstr', 'Schloßstr. 5']) expect(finds(q, 'Schloßstraße 5'), q).toBe(true);
  });
  it('finds a part of a word that starts at a written-out e', () => {
    expect(finds('elle', 'Quelle Versand')).toBe(true);
    expect(finds('er', 'Bauer KG')).toBe(true);
  });
  it('does not turn common names into others', () => {
    // Each pair: the query, a record it must not find.
    const apart: Array<[string, string]> = [
      ['joe', 'Johann Schmidt'], ['zoe', 'Zora Becker'], ['noe', 'Nolte GmbH'], ['mue', 'Mulan Imbiss'],
      ['koe', 'Kolbe KG'], ['müller', 'Maler Müll'], ['schmidt', 'Schmitt'], ['meyer', 'Meier'],
      ['koln', 'Kolonie'], ['strasse', 'Strauß'], ['hofer', 'Hoffer'], ['weiss', 'Weis'],
    ];
    for (const [q, record] of apart) expect(finds(q, record), `${q} ↛ ${record}`).toBe(false);
  });
  it('accepts that names differing only by a written-out e meet', () => {
    expect(finds('bauer', 'Baur GmbH')).toBe(true);
    expect(finds('michael', 'Michal Nowak')).toBe(true);
    expect(finds('hofer', 'Höfer')).toBe(true);
  });
});

describe('searchText', () => {
  it('is the fold alone when nothing was written out', () => {
    expect(searchText('Schmidt Berlin')).toBe('schmidt berlin');
  });
  it('adds the spelled-out words the fold changed', () => {
    expect(searchText('Müller Köln')).toBe('muller koln mueller koeln');
    expect(searchText('Joe Bauer')).toBe('joe baur bauer');
  });
});

describe('startsWithFolded', () => {
  it('sees a prefix of the fold or of the spelled-out text', () => {
    for (const p of ['ko', 'koe', 'koel', 'kol', 'koln']) expect(startsWithFolded('Köln', foldForSearch(p)), p).toBe(true);
    expect(startsWithFolded('Köln', foldForSearch('kob'))).toBe(false);
  });
});

describe('matchesQuery', () => {
  it('needs every term, in any order', () => {
    const hay = searchText('Müller Haustechnik GmbH München');
    expect(matchesQuery(hay, foldForSearch('muenchen mueller'))).toBe(true);
    expect(matchesQuery(hay, foldForSearch('mueller berlin'))).toBe(false);
    expect(matchesQuery(hay, '')).toBe(true);
  });
});
