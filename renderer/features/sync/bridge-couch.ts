import type { Bridge, CouchProbeRequest } from '../../../shared/bridge/contract';
import { parseCouchUrl } from '../../../shared/bridge/couch-url';
import type { CouchTransport } from '../../../shared/sync/couch';

/**
 * The engine's CouchTransport over the bridge (Electron: the main process's fetch; browser: the page's).
 * A refused request (no server set, a path the shell refuses) throws; the engine counts that as unreachable.
 */
export function bridgeCouch(bridge: Bridge): CouchTransport {
  return { request: (req) => bridge.couchRequest(req) };
}

/**
 * A read-only transport to a typed server that the shell does not keep (couchProbe): "Speichern" checks
 * the team passphrase with it before keeping anything. A write through it is refused here already.
 */
export function probeCouch(bridge: Bridge, target: CouchProbeRequest['target']): CouchTransport {
  return {
    request: (req) =>
      req.method === 'GET'
        ? bridge.couchProbe({ target, request: { method: 'GET', path: req.path } })
        : Promise.reject(new Error('ERR_INVALID_REQUEST: a probe only reads')),
  };
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
