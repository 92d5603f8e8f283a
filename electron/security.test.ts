import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, installSecurity, isNetworkRequestAllowed, isPermissionAllowed } from './security';
import { trustedOrigins } from './url-policy';

const origins = trustedOrigins();

// A stand-in for WebContents: an event emitter plus the window-open handler slot.
function fakeContents() {
  const emitter = new EventEmitter() as EventEmitter & {
    windowOpenHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
    session: Session;
  };
  emitter.setWindowOpenHandler = (handler) => {
    emitter.windowOpenHandler = handler;
  };
  emitter.session = fakeSession() as unknown as Session;
  return emitter;
}

function fakeSession() {
  const s: {
    request?: (c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void;
    check?: (c: unknown, p: string, origin: string) => boolean;
    beforeRequest?: { urls: string[]; listener: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void };
    setPermissionRequestHandler(h: NonNullable<typeof s.request>): void;
    setPermissionCheckHandler(h: NonNullable<typeof s.check>): void;
    webRequest: { onBeforeRequest(filter: { urls: string[] }, listener: NonNullable<typeof s.beforeRequest>['listener']): void };
  } = {
    setPermissionRequestHandler: (h) => void (s.request = h),
    setPermissionCheckHandler: (h) => void (s.check = h),
    webRequest: { onBeforeRequest: (filter, listener) => void (s.beforeRequest = { urls: filter.urls, listener }) },
  };
  return s;
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function setup() {
  const app = new EventEmitter();
  const openExternal = vi.fn(async () => undefined);
  installSecurity(app as unknown as App, { origins, openExternal });
  const contents = fakeContents();
  app.emit('web-contents-created', {}, contents as unknown as WebContents);
  return { contents, openExternal };
}

describe('installSecurity', () => {
  it('lets the app navigate inside its own origin', () => {
    const { contents } = setup();
    const event = navigationEvent('app://rapport/index.html');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks navigation and redirects elsewhere; https goes to the system browser', () => {
    const { contents, openExternal } = setup();
    for (const [name, url] of [['will-navigate', 'https://evil.example/'], ['will-redirect', 'file:///etc/passwd'], ['will-navigate', 'app://other/']]) {
      const event = navigationEvent(url!);
      contents.emit(name!, event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });

  it('denies every new window, opening only https/mailto externally', () => {
    const { contents, openExternal } = setup();
    for (const url of ['https://example.de/', 'mailto:a@example.de', 'http://example.de/', 'javascript:alert(1)', 'app://rapport/index.html']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://example.de/'], ['mailto:a@example.de']]);
  });

  it('prevents <webview>', () => {
    const { contents } = setup();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardens the session of every webContents', () => {
    const { contents } = setup();
    const session = contents.session as unknown as ReturnType<typeof fakeSession>;
    expect(session.request).toBeTypeOf('function');
    expect(session.check).toBeTypeOf('function');
    expect(session.beforeRequest?.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'wss://*/*']));
  });
});

describe('network requests', () => {
  it('never reach the internet; only the local dev server (page and HMR socket) is allowed', () => {
    const dev = trustedOrigins('http://localhost:5173');
    expect(isNetworkRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isNetworkRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    for (const url of ['https://fonts.googleapis.com/css', 'http://localhost:5174/', 'wss://tracker.example/', 'https://redirector.gvt1.com/dict']) {
      expect(isNetworkRequestAllowed(url, dev), url).toBe(false);
    }
    expect(isNetworkRequestAllowed('http://localhost:5173/', origins)).toBe(false);
  });

  it('are cancelled by the session', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session, { origins, openExternal: vi.fn() });
    const answers: boolean[] = [];
    session.beforeRequest!.listener({ url: 'https://cdn.example/x.js' }, (r) => answers.push(r.cancel));
    expect(answers).toEqual([true]);
  });
});

describe('permissions', () => {
  it('allow notifications from the app only', () => {
    expect(isPermissionAllowed('notifications', 'app://rapport/index.html', origins)).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example/', origins)).toBe(false);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'usb', 'fileSystem']) {
      expect(isPermissionAllowed(p, 'app://rapport/index.html', origins), p).toBe(false);
    }
  });

  it('are enforced by the session handlers', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session, { origins, openExternal: vi.fn() });
    const answers: boolean[] = [];
    session.request!({}, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'app://rapport/' });
    session.request!({}, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://rapport/' });
    expect(answers).toEqual([true, false]);
    expect(session.check!({}, 'notifications', 'app://rapport')).toBe(true);
    expect(session.check!({}, 'geolocation', 'app://rapport')).toBe(false);
  });
});
