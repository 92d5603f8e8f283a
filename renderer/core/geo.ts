import { createGeocoder } from '../../shared/geo/geocode';
import { importPlaceTable } from '../../shared/geo/places';
import { createTownSearch, type TownSearch } from '../../shared/geo/search';
import type { GeoTableSource } from '../../shared/geo/table';
import type { Geocoder } from '../../shared/geo/types';

/** The place table, ready to use: geocoding, the town picker's search, and the credits for About. */
export type Places = {
  /** Places an address offline. */
  geocode: Geocoder;
  /** Finds towns by name for the manual fix. */
  searchTowns: TownSearch;
  /** Data sources with version and licence. */
  sources: readonly GeoTableSource[];
};

let loading: Promise<Places> | undefined;

/**
 * The table is a chunk of its own (about 0.5 MB) read from the app's files on first use, then kept for the
 * session: the first screen does not wait for it, and nothing goes over the network.
 */
export function loadPlaces(): Promise<Places> {
  loading ??= importPlaceTable().then((table) => ({ geocode: createGeocoder(table), searchTowns: createTownSearch(table), sources: table.sources }));
  // A failed load (a broken install) is not cached: the next call tries again.
  loading.catch(() => { loading = undefined; });
  return loading;
}

/** The offline geocoder, loaded once. */
export async function loadGeocoder(): Promise<Geocoder> {
  return (await loadPlaces()).geocode;
}
