import type { IsoDate } from './brand';
import { localDay } from './local-day';

/** Today's calendar day on this laptop (not UTC: a visit at 00:30 belongs to the local day). */
export function todayIso(now: Date = new Date(), zone?: string): IsoDate {
  return localDay(now, zone);
}
