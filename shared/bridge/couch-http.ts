/**
 * One CouchDB request over `fetch`, as both shells do it (Electron's main process with Node's fetch,
 * the browser build with the page's): only below the configured database URL, basic auth in a header
 * (never in the URL), a timeout, JSON in and out. Whatever goes wrong on the way becomes status 0, so
 * the engine sees "unreachable" and keeps the changes queued. Nothing here logs anything.
 */
import { utf8 } from '../bytes';
import type { CouchRequest, CouchResponse } from '../sync/couch/types';
import { resolveCouchPath } from './couch-url';

/** The server as the shell keeps it; the password never leaves the shell's side of the bridge. */
export type CouchHttpTarget = {
  /** Database URL without credentials. */
  url: string;
  /** User name; empty = no login. */
  user: string;
  /** Password (empty with no login). */
  password: string;
};

export type CouchHttpOptions = {
  /** The fetch to use (Node's global fetch in the shell, the page's in the browser). */
  fetch: typeof fetch;
  /** Abort after this long without a complete answer (default 60 s: a `_bulk_docs` of 500 large documents on a slow line). */
  timeoutMs?: number;
  /** Largest answer accepted, in characters (default 64 MiB, far below the IPC message cap). */
  maxBodyChars?: number;
};

export const DEFAULT_COUCH_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

/** `Basic base64(user:password)` over the UTF-8 bytes (RFC 7617), so "jörg" logs in like curl does. */
export function basicAuth(user: string, password: string): string {
  const bytes = utf8(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

const unreachable = (reason: string): CouchResponse => ({ status: 0, body: { error: 'unreachable', reason } });

/** Why fetch failed, without the URL (it may name the server only) and never with credentials. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    if (cause && typeof cause.code === 'string') return cause.code;
    if (cause && typeof cause.message === 'string') return cause.message.slice(0, 200);
    return error.message.slice(0, 200);
  }
  return 'error';
}

/** Sends one request to the target's database; resolves to status 0 when no answer came. */
export async function couchFetch(target: CouchHttpTarget, req: CouchRequest, options: CouchHttpOptions): Promise<CouchResponse> {
  const url = resolveCouchPath(target.url, req.path);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.user) headers.authorization = basicAuth(target.user, target.password);
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_COUCH_TIMEOUT_MS);
  let res: Response;
  let text: string;
  try {
    res = await options.fetch(url, {
      method: req.method,
      headers,
      // No cookies, no redirects to elsewhere: the configured server answers itself or not at all.
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      signal,
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
    });
    // The connection can also die while the answer comes (server killed mid-response): same as no answer.
    text = await res.text();
  } catch (error) {
    return unreachable(reasonOf(error));
  }
  if (text.length > (options.maxBodyChars ?? DEFAULT_MAX_BODY)) return { status: res.status, body: { error: 'too_large', reason: `${text.length} characters` } };
  if (req.method === 'HEAD' || text === '') return { status: res.status, body: null };
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    // Not CouchDB (a web page at a wrong URL): a short excerpt, so the engine can say "not CouchDB".
    return { status: res.status, body: { text: text.slice(0, 200) } };
  }
}
