/** Requests to the team database and the mapping of HTTP answers to problem codes. */
import { SyncError } from '../problems';
import type { CouchMethod, CouchResponse, CouchTransport } from './types';

/** What the problem texts name (`{{server}}`, `{{database}}`, `{{user}}`, `{{url}}`). */
export type CouchLabels = { server: string; database: string; user: string };

/** A CouchDB error body, e.g. `{ error: 'not_found', reason: 'missing' }`. */
export type CouchErrorBody = { error?: unknown; reason?: unknown };

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when the body is a CouchDB-style error object (a web server's 404 page is not). */
export function isCouchError(body: unknown): boolean {
  return isObject(body) && typeof body.error === 'string';
}

/**
 * The problem for an answer that is not one the caller expected. `onDatabase`: the request addressed the
 * database itself (`''`, `_changes`, `_all_docs`, `_bulk_docs`), so a CouchDB 404 means it is gone.
 */
export function faultOf(res: CouchResponse, labels: CouchLabels): SyncError {
  const { status, body } = res;
  if (status === 0) return new SyncError('couch.unreachable', { server: labels.server });
  if (status === 401) return new SyncError('couch.unauthorized', { user: labels.user });
  if (status === 403) return new SyncError('couch.forbidden', { user: labels.user, database: labels.database });
  if (status === 404) return isCouchError(body) ? new SyncError('couch.notFound', { database: labels.database }) : new SyncError('couch.notCouch', { url: labels.server });
  return new SyncError('couch.serverError', { status });
}

/** One request; an answer outside `ok` throws the mapped SyncError. A throwing transport counts as unreachable. */
export async function couchCall(
  transport: CouchTransport,
  labels: CouchLabels,
  method: CouchMethod,
  path: string,
  body: unknown,
  ok: readonly number[] = [200, 201, 202],
): Promise<CouchResponse> {
  let res: CouchResponse;
  try {
    res = await transport.request(body === undefined ? { method, path } : { method, path, body });
  } catch {
    res = { status: 0, body: { error: 'unreachable' } };
  }
  if (!ok.includes(res.status)) throw faultOf(res, labels);
  return res;
}

/** Path segment of a document id (`contacts:42` → `contacts%3A42`). */
export function docPath(id: string): string {
  return encodeURIComponent(id);
}
