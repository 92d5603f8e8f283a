/**
 * The offline place table: towns of DE, AT and CH with their point and state, and German postcodes pointing at
 * their town. Made at build time by `build/geo/make-table.ts` from registry packages (see `sources`), committed
 * as `shared/geo/places.json` and read by `createGeocoder`.
 */
export type GeoTable = {
  /** What the table was made from, with version and licence; shown in About and checked by the table test. */
  sources: readonly GeoTableSource[];
  /**
   * One town a row: "CC|Name|lat|lon|state|flag", lat/lon as integers of 1e-4 degrees (about 11 m), state as
   * date-holidays spells it. Flag "~" marks a town whose point was estimated from its neighbouring postcodes
   * because the gazetteer does not list it. Bigger towns (more postcodes) come first, so a bare ambiguous
   * name ("Frankfurt", "Neustadt") finds the bigger one.
   */
  towns: readonly string[];
  /** Per country, postcode → index into `towns`. */
  postcodes: Readonly<Record<string, Readonly<Record<string, number>>>>;
};

/** One data source of the table. */
export type GeoTableSource = {
  /** npm package name. */
  package: string;
  /** Exact package version the table was made from. */
  version: string;
  /** Licence of the data (SPDX where there is one). */
  licence: string;
  /** Credit line as the licence asks for it. */
  attribution: string;
};

/** A town row of the table, decoded. */
export type GeoTown = {
  /** Index in `GeoTable.towns`; stable for one table. */
  index: number;
  /** ISO country code. */
  country: string;
  /** Name as written locally ("München", "Wien", "Genève"). */
  name: string;
  /** Latitude, degrees. */
  lat: number;
  /** Longitude, degrees. */
  lon: number;
  /** State code as date-holidays spells it, '' when unknown. */
  state: string;
  /** True when the point was estimated from neighbouring postcodes. */
  estimated: boolean;
};

/** Decodes one row of `GeoTable.towns`. */
export function decodeTown(row: string, index: number): GeoTown {
  const [country = '', name = '', lat = '0', lon = '0', state = '', flag = ''] = row.split('|');
  return { index, country, name, lat: Number(lat) / 1e4, lon: Number(lon) / 1e4, state, estimated: flag === '~' };
}

/** Encodes a town row; the inverse of `decodeTown`. */
export function encodeTown(t: Omit<GeoTown, 'index'>): string {
  return [t.country, t.name, Math.round(t.lat * 1e4), Math.round(t.lon * 1e4), t.state, t.estimated ? '~' : ''].join('|');
}
