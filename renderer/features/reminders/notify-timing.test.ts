import { describe, expect, it } from 'vitest';
import { announce, dailyNotificationDue, freshForNotification } from './notify-timing';
import { asIsoDate } from '../../../shared/time';

describe('daily OS notification', () => {
  it('fires from the configured hour on, once a day, never when switched off', () => {
    expect(dailyNotificationDue(7, 8, undefined, asIsoDate('2026-11-23'))).toBe(false);
    expect(dailyNotificationDue(8, 8, undefined, asIsoDate('2026-11-23'))).toBe(true);
    expect(dailyNotificationDue(23, 8, asIsoDate('2026-11-22'), asIsoDate('2026-11-23'))).toBe(true);
    expect(dailyNotificationDue(9, 8, asIsoDate('2026-11-23'), asIsoDate('2026-11-23'))).toBe(false);
    expect(dailyNotificationDue(12, null, undefined, asIsoDate('2026-11-23'))).toBe(false);
    expect(dailyNotificationDue(0, 0, asIsoDate('2026-12-31'), asIsoDate('2027-01-01'))).toBe(true);
  });

  it('announces each reminder key once, keeping the inbox order', () => {
    const list = [{ key: 'due:a:2026-11-01' }, { key: 'birthday:c:2026' }, { key: 'overdue:b:2026-10-01' }];
    expect(freshForNotification(list, ['birthday:c:2026'])).toEqual([list[0], list[2]]);
    expect(freshForNotification(list, list.map((r) => r.key))).toEqual([]);
  });
});

describe('a reminder counts as notified only when the notification was shown', () => {
  const fresh = [{ key: 'due:a:2026-11-01' }, { key: 'overdue:b:2026-10-01' }];
  it('remembers the keys when shown', async () => {
    expect(await announce(fresh, () => Promise.resolve(true))).toEqual(['due:a:2026-11-01', 'overdue:b:2026-10-01']);
  });
  it('remembers nothing when permission was denied, the bridge refused or failed', async () => {
    expect(await announce(fresh, () => Promise.resolve(false))).toEqual([]);
    expect(await announce(fresh, () => Promise.reject(new Error('IPC closed')))).toEqual([]);
  });
  it('asks for no notification when nothing is fresh', async () => {
    let asked = false;
    expect(await announce([], () => ((asked = true), Promise.resolve(true)))).toEqual([]);
    expect(asked).toBe(false);
  });
});
