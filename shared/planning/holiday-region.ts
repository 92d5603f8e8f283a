import type { GeoPlace } from '../geo/types';
import type { HolidayRegion } from './rep-week';

/** Countries whose holidays the app knows (date-holidays' codes); elsewhere the rep picks by hand. */
const KNOWN = new Set(['DE', 'AT', 'CH']);

/**
 * The holiday region a geocoded start address suggests: its country and state, as date-holidays
 * spells them. Undefined when the place is unknown or outside DE/AT/CH, so the form keeps what it has.
 * `typedCountry` is the country of the address as typed (the place may not name one); empty = DE.
 */
export function regionOfPlace(place: GeoPlace | undefined, typedCountry = ''): HolidayRegion | undefined {
  if (!place) return undefined;
  const country = (place.country || typedCountry || 'DE').toUpperCase();
  if (!KNOWN.has(country)) return undefined;
  return { country, state: place.state ?? '' };
}
