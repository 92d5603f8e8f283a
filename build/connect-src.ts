/**
 * The browser build's CSP meta tag allows `connect-src 'self'` only, like the desktop app's header.
 * A team that serves the browser build and syncs with CouchDB names its server at build time:
 * `RAPPORT_CONNECT_SRC="https://couch.example.com" npm run build:renderer` adds exactly those origins to
 * connect-src (docs/couchdb-setup.md). Electron still sends its own header with connect-src 'self',
 * and a page obeys both policies, so the desktop app never gains a network origin from this.
 */

/** Origins from the variable (space or comma separated); anything but a bare http(s) origin is refused. */
export function connectOrigins(value: string | undefined): string[] {
  const origins = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new Error(`RAPPORT_CONNECT_SRC: "${origin}" is not an origin like https://couch.example.com`);
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

/** index.html with the origins added to the meta tag's connect-src (unchanged without origins). */
export function widenConnectSrc(html: string, origins: readonly string[]): string {
  if (origins.length === 0) return html;
  let found = false;
  const out = html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*connect-src 'self')/i, (m) => {
    found = true;
    return `${m} ${origins.join(' ')}`;
  });
  if (!found) throw new Error("index.html has no CSP meta tag with connect-src 'self'");
  return out;
}
