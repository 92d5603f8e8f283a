import { beforeAll, describe, expect, it } from 'vitest';
import { createGeocoder } from '../geo/geocode';
import { importPlaceTable } from '../geo/places';
import type { Geocoder } from '../geo/types';
import { generateDemoData } from './index';
import { asIsoDate } from '../time';
import { TERRITORIES } from './places';

let geocode: Geocoder;
beforeAll(async () => {
  geocode = createGeocoder(await importPlaceTable());
});

/** Straight-line km. */
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  Math.hypot(a.lat - b.lat, (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180)) * 111.2;

describe('demo territories', () => {
  it('every demo postcode places by its postcode, in the town the demo names', () => {
    for (const territory of TERRITORIES) {
      for (const city of territory) {
        const [first] = city.name.split(' ');
        for (const code of city.postcodes.split(' ')) {
          const place = geocode({ country: 'DE', postalCode: code, city: city.name });
          expect(place?.label.startsWith(`${code} ${first}`), `${code} ${city.name} → ${place?.label}`).toBe(true);
        }
      }
    }
  });

  it("gives each rep one region: a rep's accounts lie within 150 km of each other", () => {
    const data = generateDemoData({ seed: 42, accounts: 700, today: asIsoDate('2026-11-23'), selfName: 'Max Mustermann' });
    const byOwner = new Map<string, { lat: number; lon: number }[]>();
    for (const a of data.accounts) {
      const p = geocode({ country: a.country, postalCode: a.postalCode, city: a.city });
      expect(p, `${a.postalCode} ${a.city}`).toBeDefined();
      byOwner.set(a.ownerId, [...(byOwner.get(a.ownerId) ?? []), p!]);
    }
    expect(byOwner.size).toBe(5);
    for (const points of byOwner.values()) {
      let widest = 0;
      for (const p of points) for (const q of points) widest = Math.max(widest, km(p, q));
      expect(widest).toBeLessThan(150);
    }
  });
});
