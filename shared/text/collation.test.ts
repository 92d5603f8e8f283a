import { describe, expect, it } from 'vitest';
import { collationKey, compareKeys } from './collation';

const sorted = (names: string[]) => [...names].sort((a, b) => compareKeys(collationKey(a), collationKey(b)));

describe('collationKey', () => {
  it('orders like German collation: umlauts with their base letter, ß as ss, case ignored', () => {
    expect(sorted(['Zander', 'Öztürk', 'ohm', 'Müller', 'Mueller', 'Maier', 'Äpfel', 'Apfel', 'Bach'])).toEqual([
      'Apfel', 'Äpfel', 'Bach', 'Maier', 'Mueller', 'Müller', 'ohm', 'Öztürk', 'Zander',
    ]);
    expect(collationKey('Straße').split('\u0001')[0]).toBe(collationKey('STRASSE').split('\u0001')[0]);
  });
  it('compares numbers by value', () => {
    expect(sorted(['Filiale 10', 'Filiale 9', 'Filiale 100', 'Filiale 09b'])).toEqual(['Filiale 9', 'Filiale 09b', 'Filiale 10', 'Filiale 100']);
  });
  it('agrees with Intl.Collator(de) on ordinary company names', () => {
    const names = ['Bäckerei Groß', 'Bäcker Weiß', 'Becker & Söhne', 'Baecker KG', 'Ärztehaus Nord', 'Autohaus Süd'];
    const collator = new Intl.Collator('de-DE', { sensitivity: 'base', numeric: true });
    expect(sorted(names)).toEqual([...names].sort(collator.compare));
  });
});
