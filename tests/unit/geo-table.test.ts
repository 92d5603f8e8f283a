import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeGeoTable } from '../../build/geo/make-table';
import { readSources, readTableInput, TABLE_PATH } from '../../build/geo/read-input';
import { serializeTable } from '../../shared/geo/serialize';
import { decodeTown, type GeoTable } from '../../shared/geo/table';

// The committed place table must be what `npm run geo:table` makes from the installed data packages: a
// package update without a rebuild, or a hand edit of the table, fails here.
describe('shared/geo/places.json', () => {
  const committed = readFileSync(TABLE_PATH, 'utf8');
  const table = JSON.parse(committed) as GeoTable;

  it('names the installed package versions and licences', () => {
    expect(table.sources).toEqual(readSources());
    expect(table.sources.map((s) => s.licence)).toEqual(['CC-BY-4.0', 'ODbL-1.0']);
  });

  it('is exactly what the build makes from the installed packages', () => {
    const rebuilt = serializeTable(makeGeoTable(readTableInput()));
    // Compare sizes first: a mismatch of 500 kB strings prints unreadably.
    expect(rebuilt.length).toBe(committed.length);
    expect(rebuilt === committed, 'run `npm run geo:table` and commit shared/geo/places.json').toBe(true);
  }, 60_000);

  it('stays small and holds the towns of all three countries', () => {
    expect(committed.length).toBeLessThan(2_000_000);
    const countries = new Set(table.towns.map((row, i) => decodeTown(row, i).country));
    expect([...countries].sort()).toEqual(['AT', 'CH', 'DE']);
    expect(Object.keys(table.postcodes.DE ?? {}).length).toBeGreaterThan(8000);
  });
});
