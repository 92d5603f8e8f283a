import { loadGeocoder } from '../../core/geo';
import type { GeoAddress } from '../../../shared/geo/types';
import { regionOfPlace } from '../../../shared/planning/holiday-region';
import type { HolidayRegion } from '../../../shared/planning/rep-week';


/** The holiday region the start address suggests, or undefined (no geocoder, unknown place, other country). */
export async function regionFromAddress(address: GeoAddress): Promise<HolidayRegion | undefined> {
  if (!address.postalCode.trim() && !address.city.trim()) return undefined;
  // A place table that fails to load (a broken install) leaves the state to the rep's own choice.
  const geocode = await loadGeocoder().catch(() => undefined);
  return regionOfPlace(geocode?.(address), address.country);
}
