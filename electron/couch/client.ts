/**
 * The main process's CouchDB client: every request goes to the one database the user configured, with
 * the kept credentials, over Node's fetch. The renderer names only a path below that database. The one
 * exception is `probe`: a single GET to the server the user just typed, before anything of it is kept.
 */
import type { CouchProbeRequest } from '../../shared/bridge/contract';
import type { CouchRequest, CouchResponse } from '../../shared/sync/couch/types';
import { couchFetch, DEFAULT_COUCH_TIMEOUT_MS } from '../../shared/bridge/couch-http';
import type { CouchTargetStore } from './target-store';

export type CouchClientOptions = {
  store: CouchTargetStore;
  /** Node's global fetch unless a test injects another. */
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/** Thrown when a request comes before any server is configured (the renderer runs no engine then). */
export const COUCH_NO_TARGET = 'ERR_COUCH_NO_TARGET';

export type CouchClient = {
  request(req: CouchRequest): Promise<CouchResponse>;
  /** One read from a typed server that is not kept (the server form's checks before "Speichern" keeps it). */
  probe(req: CouchProbeRequest): Promise<CouchResponse>;
};

export function createCouchClient(options: CouchClientOptions): CouchClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const http = { fetch: fetchImpl, timeoutMs: options.timeoutMs ?? DEFAULT_COUCH_TIMEOUT_MS };
  return {
    async request(req) {
      const target = await options.store.target();
      if (!target) throw new Error(`${COUCH_NO_TARGET}: no CouchDB server is configured`);
      return couchFetch(target, req, http);
    },
    async probe(req) {
      return couchFetch(await options.store.candidate(req.target), req.request, http);
    },
  };
}
