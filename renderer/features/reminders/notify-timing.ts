import type { IsoDate } from '../../../shared/domain';

/**
 * Whether the daily notification is due: from the configured local hour on, once per day (the day
 * of the last one is remembered, so neither a restart nor the minute timer repeats it). null = off.
 */
export function dailyNotificationDue(localHour: number, notifyHour: number | null, lastDaily: IsoDate | undefined, today: IsoDate): boolean {
  return notifyHour !== null && localHour >= notifyHour && lastDaily !== today;
}

/** The reminders not notified yet, in inbox order: a key is announced once, ever. */
export function freshForNotification<T extends { key: string }>(reminders: readonly T[], notified: readonly string[]): T[] {
  const seen = new Set(notified);
  return reminders.filter((r) => !seen.has(r.key));
}

/**
 * Shows one notification for `fresh` through `show` (the bridge) and returns the keys that now count
 * as notified: all of them when it was shown, none when it was not (permission denied, no
 * notifications on this system, the bridge refused or failed). Keys not shown come again next time.
 */
export async function announce<T extends { key: string }>(fresh: readonly T[], show: () => Promise<boolean>): Promise<string[]> {
  if (fresh.length === 0) return [];
  const shown = await show().catch(() => false);
  return shown === true ? fresh.map((r) => r.key) : [];
}
