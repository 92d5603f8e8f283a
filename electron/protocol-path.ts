import { extname, join, resolve, sep } from 'node:path';

/** The app's own scheme and host: pages load from `app://rapport/…`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

// CON, NUL, COM1… name devices, not files, on Windows; no asset is ever called that.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Maps the path of an `app://rapport/…` request to a file under `root` (the Vite build output), or
 * null when the path tries to leave it. `rawPath` is the URL path as sent, still percent-encoded;
 * each segment is decoded once and checked, so `..`, `%2e%2e`, `%2f`, backslashes, drive letters and
 * NUL bytes never reach the file system. A last segment without a dot is a client-side route and
 * gets index.html.
 */
export function resolveAppPath(root: string, rawPath: string, options: { sourceMaps?: boolean } = {}): string | null {
  if (rawPath.includes('\\') || rawPath.includes('\0')) return null;
  const path = rawPath === '' ? '/' : rawPath;
  if (!path.startsWith('/') || path.startsWith('//')) return null;

  const segments: string[] = [];
  for (const encoded of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..') return null;
    if (/[/\\:\0]/.test(segment) || segment.trim() !== segment) return null;
    if (WINDOWS_DEVICE.test(segment)) return null;
    segments.push(segment);
  }

  const last = segments.at(-1);
  // Source maps carry the whole source text; a packaged app serves none of them (dev builds do, for devtools).
  if (!options.sourceMaps && last?.toLowerCase().endsWith('.map')) return null;
  if (last === undefined || !last.includes('.')) segments.splice(0, segments.length, 'index.html');

  const base = resolve(root);
  const file = resolve(join(base, ...segments));
  return file.startsWith(base + sep) ? file : null;
}

/**
 * Splits an `app://rapport/…` URL into its still-encoded path, or null for any other origin. Parsed
 * by hand because URL parsing would already normalise away the `..` segments we want to refuse.
 */
export function appRequestPath(url: string): string | null {
  const prefix = `${APP_ORIGIN}`;
  if (!url.toLowerCase().startsWith(prefix)) return null;
  const rest = url.slice(prefix.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null; // e.g. app://rapport.evil/
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Content type by extension; unknown files are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
