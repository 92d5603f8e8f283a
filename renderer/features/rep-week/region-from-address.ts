import type { Geocoder, GeoAddress } from '../../../shared/geo/types';
import { regionOfPlace } from '../../../shared/planning/holiday-region';
import type { HolidayRegion } from '../../../shared/planning/rep-week';

/**
 * The offline geocoder the form asks for the start address's state. WIRE HERE: return
 * `loadGeocoder()` from renderer/core/geo.ts once it is on main (h-geo); until then there is none and
 * the rep picks the state by hand.
 */
async function geocoderForRegion(): Promise<Geocoder | undefined> {
  return undefined;
}

/** The holiday region the start address suggests, or undefined (no geocoder, unknown place, other country). */
export async function regionFromAddress(address: GeoAddress): Promise<HolidayRegion | undefined> {
  if (!address.postalCode.trim() && !address.city.trim()) return undefined;
  const geocode = await geocoderForRegion();
  return regionOfPlace(geocode?.(address), address.country);
}
