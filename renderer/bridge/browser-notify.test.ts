// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge } from './browser';
import type { HandleStore } from './fsa-sync';

/** A stand-in for Web Notifications: the permission the user gave, and what the browser then reports. */
function fakeNotifications(permission: NotificationPermission, outcome: 'show' | 'error' | 'silent') {
  const made: string[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = () => Promise.resolve(permission);
    onshow: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(title: string) {
      made.push(title);
      setTimeout(() => (outcome === 'show' ? this.onshow?.() : outcome === 'error' ? this.onerror?.() : undefined), 10);
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return made;
}

const bridge = () => createBrowserBridge({} as HandleStore);
afterEach(() => vi.unstubAllGlobals());

describe('browser notifications say whether one was shown', () => {
  it('true when the browser showed it', async () => {
    fakeNotifications('granted', 'show');
    expect(await bridge().notify({ title: 'Erinnerungen', body: 'x' })).toBe(true);
  });
  it('false when permission is denied (nothing is created) or the browser reports an error', async () => {
    const made = fakeNotifications('denied', 'show');
    expect(await bridge().notify({ title: 'Erinnerungen', body: 'x' })).toBe(false);
    expect(made).toEqual([]);
    fakeNotifications('granted', 'error');
    expect(await bridge().notify({ title: 'Erinnerungen', body: 'x' })).toBe(false);
  });
});
