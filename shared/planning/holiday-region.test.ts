import { describe, expect, it } from 'vitest';
import { regionOfPlace } from './holiday-region';

describe('the holiday region of a geocoded start address', () => {
  it('takes country and state from the place', () => {
    expect(regionOfPlace({ lat: 48.14, lon: 11.58, precision: 'postcode', label: '80331 München', state: 'BY', country: 'DE' })).toEqual({ country: 'DE', state: 'BY' });
    expect(regionOfPlace({ lat: 48.21, lon: 16.37, precision: 'town', label: 'Wien', state: '9', country: 'at' })).toEqual({ country: 'AT', state: '9' });
  });

  it('falls back to the typed country, and to DE, when the place names none', () => {
    expect(regionOfPlace({ lat: 47.37, lon: 8.54, precision: 'town', label: 'Zürich', state: 'ZH' }, 'CH')).toEqual({ country: 'CH', state: 'ZH' });
    expect(regionOfPlace({ lat: 51.05, lon: 13.74, precision: 'town', label: 'Dresden', state: 'SN' })).toEqual({ country: 'DE', state: 'SN' });
  });

  it('suggests nothing for an unknown place or another country', () => {
    expect(regionOfPlace(undefined)).toBeUndefined();
    expect(regionOfPlace({ lat: 48.85, lon: 2.35, precision: 'town', label: 'Paris', country: 'FR' })).toBeUndefined();
  });

  it('keeps the country nationwide when the data knows no state', () => {
    expect(regionOfPlace({ lat: 50.94, lon: 6.96, precision: 'town', label: 'Köln', country: 'DE' })).toEqual({ country: 'DE', state: '' });
  });
});
