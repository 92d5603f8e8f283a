import { describe, expect, it } from 'vitest';
import { collationKey } from '../../../shared/text/collation';
import { sortKeyPrefixes } from './sort-key-prefixes';

const storedKeyStartsWithOne = (stored: string, typed: string, letters?: number) => sortKeyPrefixes(typed, letters).some((p) => collationKey(stored).startsWith(p));

describe('sortKeyPrefixes', () => {
  it('reaches every spelling of the name by its stored collation key', () => {
    for (const typed of ['muller', 'mueller', 'Müller', 'MÜLLER', 'Mue', 'mül']) {
      for (const stored of ['Müller GmbH', 'Mueller GmbH', 'Muller GmbH']) expect(storedKeyStartsWithOne(stored, typed), `${typed} → ${stored}`).toBe(true);
    }
    expect(storedKeyStartsWithOne('Köln Messe', 'koln')).toBe(true);
    expect(storedKeyStartsWithOne('Koeln Messe', 'köln')).toBe(true);
    expect(storedKeyStartsWithOne('Äpfel Weiß', 'Aepfel weiss')).toBe(true);
    expect(storedKeyStartsWithOne('Straßenbau', 'strassenbau')).toBe(true);
  });
  it('keeps other names out', () => {
    expect(storedKeyStartsWithOne('Mahler', 'muller')).toBe(false);
    expect(storedKeyStartsWithOne('Schmidt', 'muller')).toBe(false);
  });
  it('stays small: letters and vowels are capped, digits end it', () => {
    expect(sortKeyPrefixes('Müller Haustechnik', 4)).toEqual(['mull', 'muell']);
    expect(sortKeyPrefixes('Auto Ost Union').length).toBe(8);
    expect(sortKeyPrefixes('Filiale 12')).toEqual(['filiale ', 'filiaele ']);
    expect(sortKeyPrefixes('')).toEqual([]);
  });
});
