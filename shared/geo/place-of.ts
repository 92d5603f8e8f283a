import type { Account } from '../domain';
import type { GeoAddress, GeoPlace, Geocoder } from './types';

/** The address parts of an account that geocoding reads. */
export function addressOf(account: Pick<Account, 'country' | 'postalCode' | 'city'>): GeoAddress {
  return { country: account.country, postalCode: account.postalCode, city: account.city };
}

/** Where an account is: the place the user chose for it first, else what its address geocodes to. */
export function placeOf(account: Pick<Account, 'country' | 'postalCode' | 'city' | 'place'>, geocode: Geocoder): GeoPlace | undefined {
  return account.place ?? geocode(addressOf(account));
}

/**
 * A manual place belongs to the address it was chosen for: when postcode, town or country change, the
 * old choice may point at the wrong town, so it is dropped and the new address is geocoded (or listed as
 * not placed again).
 */
export function keepsPlace(before: Pick<Account, 'country' | 'postalCode' | 'city'>, after: Pick<Account, 'country' | 'postalCode' | 'city'>): boolean {
  return before.country === after.country && before.postalCode.trim() === after.postalCode.trim() && before.city.trim() === after.city.trim();
}

/** A place the user chose from the table's towns, as stored on the account. */
export function manualPlace(town: { lat: number; lon: number; name: string; state: string; country: string }): GeoPlace {
  const place: GeoPlace = { lat: town.lat, lon: town.lon, precision: 'manual', label: town.name, country: town.country };
  if (town.state) place.state = town.state;
  return place;
}
