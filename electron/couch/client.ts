/**
 * The main process's CouchDB client: every request goes to the one database the user configured, with
 * the kept credentials, over Node's fetch. The renderer names only a path below that database.
 */
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

export function createCouchClient(options: CouchClientOptions): { request(req: CouchRequest): Promise<CouchResponse> } {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    async request(req) {
      const target = await options.store.target();
      if (!target) throw new Error(`${COUCH_NO_TARGET}: no CouchDB server is configured`);
      return couchFetch(target, req, { fetch: fetchImpl, timeoutMs: options.timeoutMs ?? DEFAULT_COUCH_TIMEOUT_MS });
    },
  };
}
