import type { IsoDate, IsoInstant } from './brand';
import { fromDayNumber } from './day-number';
import { zoneClock, type ZoneClock } from './zone-clock';

/**
 * The one local-day helper: the calendar day (`YYYY-MM-DD`) an instant falls on in a zone, by default
 * the laptop's. Never `toISOString().slice(0, 10)`: that is the UTC day, and a visit at 00:30 in
 * Berlin would land on the day before. `zone` is an IANA name or a ZoneClock already made for a loop.
 */
export function localDay(at: IsoInstant | Date | number, zone?: string | ZoneClock): IsoDate {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(at)}`);
  const clock = typeof zone === 'object' ? zone : zoneClock(zone);
  return fromDayNumber(clock.dayNumberAt(ms));
}
