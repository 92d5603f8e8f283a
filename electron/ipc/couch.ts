import { createCouchClient } from '../couch/client';
import type { CouchTargetStore } from '../couch/target-store';
import { type HandlerMap, ShellError } from './types';

export type CouchDeps = {
  /** Where URL, user and the encrypted password are kept (electron/couch/target-store.ts). */
  store: CouchTargetStore;
  /** Node's fetch unless a test injects one. */
  fetch?: typeof fetch;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
};

/**
 * couchTargetInfo, setCouchTarget, couchRequest, couchProbe. The sender and zod checks of every handler run
 * first (register.ts); the request path is checked again when it becomes a URL (shared/bridge/couch-url.ts).
 * Errors carry codes only: no password, no document body ever reaches a message or the log.
 */
export function createCouchHandlers<S>(deps: CouchDeps): HandlerMap<S, 'couchTargetInfo' | 'setCouchTarget' | 'couchRequest' | 'couchProbe'> {
  const client = createCouchClient(deps);
  const coded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = /^(ERR_[A-Z_]+)/.exec(message)?.[1];
      if (code) throw new ShellError(code, message.replace(/^ERR_[A-Z_]+: /, ''));
      // A file system code (disk full writing the settings file) is safe to pass on; other messages are not shown.
      const fsCode = (error as { code?: unknown }).code;
      throw new ShellError('ERR_COUCH', typeof fsCode === 'string' ? fsCode : 'the CouchDB settings could not be used');
    }
  };
  return {
    couchTargetInfo: () => deps.store.info(),
    setCouchTarget: (request) => coded(() => deps.store.set(request)),
    couchRequest: (request) => coded(() => client.request(request)),
    couchProbe: (request) => coded(() => client.probe(request)),
  };
}
