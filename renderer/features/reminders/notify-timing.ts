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
