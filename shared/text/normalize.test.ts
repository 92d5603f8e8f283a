import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesQuery } from './normalize';

describe('foldForSearch', () => {
  it('treats umlauts and their two-letter spellings as equal', () => {
    expect(foldForSearch('Müller')).toBe(foldForSearch('Mueller'));
    expect(foldForSearch('Größe')).toBe('groesse');
    expect(foldForSearch('Straße')).toBe(foldForSearch('STRASSE'));
  });
  it('drops other accents and folds white space', () => {
    expect(foldForSearch('  Café   Crème ')).toBe('cafe creme');
  });
});

describe('matchesQuery', () => {
  it('needs every term, in any order', () => {
    const hay = foldForSearch('Müller Haustechnik GmbH München');
    expect(matchesQuery(hay, foldForSearch('muenchen mueller'))).toBe(true);
    expect(matchesQuery(hay, foldForSearch('mueller berlin'))).toBe(false);
    expect(matchesQuery(hay, '')).toBe(true);
  });
});
