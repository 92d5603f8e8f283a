import type { Bridge } from '../../../shared/bridge/contract';
import { parseCouchUrl } from '../../../shared/bridge/couch-url';
import type { CouchTransport } from '../../../shared/sync/couch';

/**
 * The engine's CouchTransport over the bridge (Electron: the main process's fetch; browser: the page's).
 * A refused request (no server set, a path the shell refuses) throws; the engine counts that as unreachable.
 */
export function bridgeCouch(bridge: Bridge): CouchTransport {
  return { request: (req) => bridge.couchRequest(req) };
}

/** Names for the problem texts: the server's origin, the database, the user; never the password. */
export function couchLabels(url: string, user: string | undefined): { server: string; database: string; user: string } {
  const parsed = parseCouchUrl(url);
  let server = url;
  try {
    server = new URL(url).origin;
  } catch {
    // Kept as typed; parseCouchUrl below says what is wrong with it.
  }
  return { server, database: 'database' in parsed ? parsed.database : '', user: user ?? '' };
}
