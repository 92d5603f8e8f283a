import { isAllowedExternalUrl } from '../shared/bridge/urls';
import { APP_HOST, APP_SCHEME } from './protocol-path';

/**
 * `scheme://host[:port]` of a URL, or null. Built by hand because Node's URL reports the origin of
 * custom schemes such as app:// as "null".
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (!url.host) return null;
    return `${url.protocol}//${url.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/** Origins the app's own pages come from: app://rapport, plus the dev server when one is used. */
export function trustedOrigins(devUrl?: string): string[] {
  const origins = [`${APP_SCHEME}://${APP_HOST}`];
  const dev = devUrl ? originOf(devUrl) : null;
  if (dev) origins.push(dev);
  return origins;
}

/** True when `raw` belongs to one of `origins`. */
export function isTrustedUrl(raw: string, origins: readonly string[]): boolean {
  const origin = originOf(raw);
  return origin !== null && origins.includes(origin);
}

/**
 * A dev server URL is honoured only when it points at this machine over http(s); anything else
 * would hand the bridge to a remote page.
 */
export function parseDevUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return local && (url.protocol === 'http:' || url.protocol === 'https:') ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Links that may be handed to the OS: https pages with a host and no embedded credentials, and
 * mailto drafts. Everything else (file:, javascript:, custom protocol handlers, smb:) stays closed,
 * because opening it could run a program.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (raw.length > 2048 || /[\s\0]/.test(raw) || !isAllowedExternalUrl(raw)) return false;
  const url = new URL(raw);
  if (url.protocol === 'mailto:') return true;
  return url.hostname !== '' && url.username === '' && url.password === '';
}
