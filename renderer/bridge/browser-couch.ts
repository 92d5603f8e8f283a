/**
 * CouchDB for the browser build: the page itself talks to the configured server with fetch (there is
 * no shell to do it), so the server must allow the app's origin by CORS and the build's CSP must list
 * the server in connect-src (docs/couchdb-setup.md). The database URL and user are remembered in the
 * handles store (outside the app database and its backups); the password lives in this page's memory
 * for the session only and is never written anywhere.
 */
import type { CouchBridge, CouchTargetInfo } from '../../shared/bridge/contract';
import { couchFetch } from '../../shared/bridge/couch-http';
import { isCouchRequestPath, normaliseCouchUrl } from '../../shared/bridge/couch-url';
import type { HandleStore } from './fsa-sync';

const KEY = 'couchTarget';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);

type Remembered = { url: string; user: string };

/**
 * Whether the page's CSP meta tag lets fetch reach this origin. A blocked fetch fails like a stopped
 * server; knowing it is the policy lets the settings say so. Patterns it does not understand count as allowed.
 */
export function metaAllowsConnect(origin: string, policy = typeof document === 'undefined' ? null : document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')): boolean {
  if (!policy) return true;
  const directive = /(?:^|;)\s*connect-src\s+([^;]*)/i.exec(policy) ?? /(?:^|;)\s*default-src\s+([^;]*)/i.exec(policy);
  if (!directive) return true;
  const self = typeof location === 'undefined' ? '' : location.origin;
  return (directive[1] ?? '').trim().split(/\s+/).some((source) =>
    source === origin || (source === "'self'" && origin === self) || source.includes('*') || /^https?:$/.test(source) || source === `${origin}/`);
}

export function createBrowserCouch(handles: HandleStore, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): CouchBridge {
  let session: (Remembered & { password: string }) | undefined;

  const remembered = async (): Promise<Remembered | undefined> => {
    const stored = await handles.get<Remembered>(KEY);
    const url = stored && typeof stored.url === 'string' ? normaliseCouchUrl(stored.url) : null;
    return url ? { url, user: typeof stored?.user === 'string' ? stored.user : '' } : undefined;
  };
  const sessionPassword = (t: Remembered) => (session?.url === t.url && session.user === t.user ? session.password : undefined);
  const info = async (): Promise<CouchTargetInfo> => {
    const t = await remembered();
    if (!t) return { kept: 'none' };
    return { url: t.url, user: t.user, kept: sessionPassword(t) !== undefined ? 'session' : 'none' };
  };

  return {
    couchTargetInfo: info,
    async setCouchTarget(req) {
      if (req === null) {
        session = undefined;
        await handles.delete(KEY);
        return { kept: 'none' };
      }
      const url = normaliseCouchUrl(req.url);
      if (!url || req.user.includes(':')) throw new Error('ERR_INVALID_REQUEST: setCouchTarget: not a CouchDB database URL or user name');
      const previous = await remembered();
      const kept = previous?.url === url && previous.user === req.user ? sessionPassword(previous) : undefined;
      const password = req.password !== '' ? req.password : kept;
      session = password === undefined ? undefined : { url, user: req.user, password };
      await handles.set(KEY, { url, user: req.user } satisfies Remembered);
      return info();
    },
    async couchRequest(req) {
      if (!METHODS.has(req.method) || !isCouchRequestPath(req.path)) throw new Error('ERR_INVALID_REQUEST: couchRequest: not a path below the database');
      const t = await remembered();
      if (!t) throw new Error('ERR_COUCH_NO_TARGET: no CouchDB server is configured');
      if (!metaAllowsConnect(new URL(t.url).origin)) return { status: 0, body: { error: 'unreachable', reason: 'csp' } };
      return couchFetch({ ...t, password: sessionPassword(t) ?? '' }, req, { fetch: fetchImpl });
    },
    async couchProbe({ target, request }) {
      // Nothing here touches `session` or the handles store: a refused check must leave the kept target as it was.
      const url = normaliseCouchUrl(target.url);
      if (!url || target.user.includes(':')) throw new Error('ERR_INVALID_REQUEST: couchProbe: not a CouchDB database URL or user name');
      if (request.method !== 'GET' || !isCouchRequestPath(request.path)) throw new Error('ERR_INVALID_REQUEST: couchProbe: only a read below the database');
      if (!metaAllowsConnect(new URL(url).origin)) return { status: 0, body: { error: 'unreachable', reason: 'csp' } };
      const password = target.password !== '' ? target.password : (sessionPassword({ url, user: target.user }) ?? '');
      return couchFetch({ url, user: target.user, password }, { method: 'GET', path: request.path }, { fetch: fetchImpl });
    },
  };
}
