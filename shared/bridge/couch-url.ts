/**
 * The one address CouchDB sync may reach, and the only way a request path becomes a URL. Used by the
 * shell's schemas, the Electron main process and the browser bridge alike, so every side refuses the
 * same things: credentials in the URL, other schemes, and request paths that climb out of the database.
 */

/** Why a database URL was refused (shown as a field error in the settings). */
export type CouchUrlProblem = 'invalid' | 'scheme' | 'credentials' | 'noDatabase' | 'queryOrHash';

// CouchDB database names: lower-case letter first, then a-z 0-9 _ $ ( ) + - / (docs.couchdb.org, PUT /{db}).
const DATABASE_NAME = /^[a-z][a-z0-9_$()+\-/]*$/;

/** Checks a database URL as typed; trailing slashes are dropped. */
export function parseCouchUrl(text: string): { url: string; database: string } | { problem: CouchUrlProblem } {
  let parsed: URL;
  try {
    parsed = new URL(text.trim());
  } catch {
    return { problem: 'invalid' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { problem: 'scheme' };
  if (parsed.username || parsed.password) return { problem: 'credentials' };
  if (parsed.search || parsed.hash || text.includes('?') || text.includes('#')) return { problem: 'queryOrHash' };
  const path = parsed.pathname.replace(/\/+$/, '');
  // The last segment is the database; a server behind a path prefix (https://host/couch/team) keeps the prefix.
  const database = decodeURIComponent(path.split('/').at(-1) ?? '');
  if (!database || !DATABASE_NAME.test(database)) return { problem: 'noDatabase' };
  return { url: `${parsed.origin}${path}`, database };
}

/** The normalised URL or null; for schemas and stored settings. */
export function normaliseCouchUrl(text: string): string | null {
  const result = parseCouchUrl(text);
  return 'url' in result ? result.url : null;
}

const hasControl = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Whether a request path stays below the database: relative, no scheme or host, no `.`/`..` segment
 * (also not percent-encoded, which URL parsing would still collapse), no backslash, no control characters.
 */
export function isCouchRequestPath(path: string): boolean {
  if (path.length > 8000 || hasControl(path) || path.includes('\\')) return false;
  const [pathPart = ''] = path.split(/[?#]/, 1);
  if (path.includes('#')) return false;
  if (pathPart.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(pathPart) || pathPart.includes('//')) return false;
  if (pathPart === '') return true;
  return pathPart.split('/').every((seg) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(seg);
    } catch {
      return false;
    }
    return seg !== '' && decoded !== '.' && decoded !== '..' && !decoded.includes('/') && !decoded.includes('\\');
  });
}

/**
 * The absolute URL of a request to the database at `databaseUrl`. Throws when the path is not a path
 * below the database, and checks the result once more (same origin, below the database's path).
 */
export function resolveCouchPath(databaseUrl: string, path: string): URL {
  if (!isCouchRequestPath(path)) throw new Error('ERR_COUCH_PATH: the request path leaves the database');
  const base = new URL(`${databaseUrl.replace(/\/+$/, '')}/`);
  const url = new URL(path, base);
  const dbPath = base.pathname.replace(/\/$/, '');
  if (url.origin !== base.origin || (url.pathname !== dbPath && url.pathname !== base.pathname && !url.pathname.startsWith(base.pathname))) {
    throw new Error('ERR_COUCH_PATH: the request path leaves the database');
  }
  // '' means the database itself: no trailing slash (CouchDB answers both, proxies may not).
  if (path === '') return new URL(dbPath, base);
  return url;
}
