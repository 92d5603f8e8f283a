/** A point on the map, WGS84 degrees. */
export type GeoPoint = {
  /** Latitude in degrees, north positive. */
  lat: number;
  /** Longitude in degrees, east positive. */
  lon: number;
};

/** Where an address was placed, and how precisely. */
export type GeoPlace = GeoPoint & {
  /** `postcode`: the postcode's own point; `town`: the town's centre; `manual`: chosen by the user. */
  precision: 'postcode' | 'town' | 'manual';
  /** What the point stands for, e.g. "80331 München" or "Bonn"; shown to the user. */
  label: string;
  /** State code as date-holidays spells it (DE "BY", AT "9", CH "ZH"), when the data knows it. */
  state?: string;
  /** ISO country code of the place. */
  country?: string;
};

/** The address parts geocoding reads. */
export type GeoAddress = {
  /** ISO 3166-1 alpha-2 country code ("DE", "AT", "CH"); empty means DE. */
  country: string;
  /** Postcode as typed (spaces and a leading "D-" are tolerated). */
  postalCode: string;
  /** Town as typed ("muenchen", "München", "Frankfurt a. M."). */
  city: string;
};

/** Places an address offline; undefined when neither postcode nor town is known. */
export type Geocoder = (address: GeoAddress) => GeoPlace | undefined;
