import { beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder } from './geocode';
import { importPlaceTable } from './places';
import { keepsPlace, manualPlace, placeOf } from './place-of';
import { createTownSearch, type TownSearch } from './search';
import type { Geocoder } from './types';

let geocode: Geocoder;
let search: TownSearch;
beforeAll(async () => {
  const table = await importPlaceTable();
  geocode = createGeocoder(table);
  search = createTownSearch(table);
});

describe('placeOf', () => {
  it('geocodes the address, and a manual place wins', () => {
    const account = { country: 'DE', postalCode: '53111', city: 'Bonn' };
    expect(placeOf(account, geocode)).toMatchObject({ label: '53111 Bonn', precision: 'town' });
    const lost = { country: 'DE', postalCode: '99999', city: 'Kleinkleckersdorf' };
    expect(placeOf(lost, geocode)).toBeUndefined();
    const [town] = search('Bamberg');
    const place = manualPlace(town!);
    expect(place).toMatchObject({ precision: 'manual', label: 'Bamberg', state: 'BY', country: 'DE' });
    expect(placeOf({ ...lost, place }, geocode)).toBe(place);
  });

  it('a manual place goes with the address it was chosen for', () => {
    const a = { country: 'DE', postalCode: '99999', city: 'Kleinkleckersdorf' };
    expect(keepsPlace(a, { ...a, postalCode: ' 99999 ' })).toBe(true);
    expect(keepsPlace(a, { ...a, city: 'Großkleckersdorf' })).toBe(false);
    expect(keepsPlace(a, { ...a, country: 'AT' })).toBe(false);
  });
});

describe('createTownSearch', () => {
  it('finds towns by folded prefix, bigger towns first, then by inner match', () => {
    expect(search('muen')[0]?.name).toBe('München');
    expect(search('MÜNCH')[0]?.name).toBe('München');
    expect(search('frankf').slice(0, 2).map((t) => t.name)).toEqual(['Frankfurt am Main', 'Frankfurt (Oder)']);
    expect(search('gallen').map((t) => `${t.country} ${t.name}`)).toContain('CH Sankt Gallen');
    expect(search('wien')[0]).toMatchObject({ country: 'AT', state: '9' });
    expect(search('')).toEqual([]);
    expect(search('xyzzy')).toEqual([]);
    expect(search('a', 5)).toHaveLength(5);
  });
});
