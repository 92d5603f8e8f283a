import type { App, Session, WebContents } from 'electron';
import type { Logger } from './log';
import { isSafeExternalUrl, isTrustedUrl, originOf } from './url-policy';

export type SecurityOptions = {
  /** Origins the app's pages may live on (trustedOrigins()). */
  origins: readonly string[];
  /** shell.openExternal, for https:/mailto: links the page tries to open in a new window. */
  openExternal(url: string): Promise<void>;
  log?: Pick<Logger, 'warn'>;
};

/** Permissions a page may get: notifications for reminders, and only on the app's own origin. */
export function isPermissionAllowed(permission: string, requestingUrl: string, origins: readonly string[]): boolean {
  const origin = originOf(requestingUrl);
  return permission === 'notifications' && origin !== null && origins.includes(origin);
}

/** Network schemes a page could use to reach the internet. */
const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Offline-first means no page request ever leaves the machine: the app itself is served from
 * app://, so the only network origin allowed is the local dev server (when there is one).
 */
export function isNetworkRequestAllowed(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  // The Vite dev server's HMR socket lives on the same host and port as the page.
  const asHttp = origin.replace(/^ws(s?):/, 'http$1:');
  return origins.includes(origin) || origins.includes(asHttp);
}

/**
 * Locks down one webContents: it may not navigate or redirect away from the app, may not open
 * windows (https:/mailto: links go to the system browser or mail program instead) and may not
 * attach <webview>s.
 */
export function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (isTrustedUrl(event.url, options.origins)) return;
    event.preventDefault();
    options.log?.warn(`Blocked navigation to ${event.url}`);
    if (isSafeExternalUrl(event.url)) void options.openExternal(event.url);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log?.warn('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void options.openExternal(url);
    else options.log?.warn(`Blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/**
 * Denies every permission request and check except notifications from the app itself, and cancels
 * every network request that is not for the dev server.
 */
export function hardenSession(session: Session, options: SecurityOptions): void {
  session.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (details, callback) => {
    const allowed = isNetworkRequestAllowed(details.url, options.origins);
    if (!allowed) options.log?.warn(`Blocked network request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, options.origins);
    if (!allowed) options.log?.warn(`Denied permission ${permission} for ${details.requestingUrl}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, options.origins),
  );
}

/** Applies all of the above to every webContents the app ever creates, including ones not made by us. */
export function installSecurity(app: App, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, options);
    hardenSession(contents.session, options);
  });
}
