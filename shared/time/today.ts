import type { IsoDate } from '../domain';

/** Today's calendar day on this laptop (not UTC: a visit at 00:30 belongs to the local day). */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
