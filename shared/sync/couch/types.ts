/**
 * Contract of the CouchDB sync path (issue #21, docs/sync-couchdb.md). Pure types: the engine lives in
 * this folder, the HTTP is done by the shell (Electron main process) or by the browser bridge, so the
 * engine only ever sees `CouchTransport`.
 */
import type { HlcClock } from '../hlc';
import type { SyncKeyring } from '../engine-root';
import type { SyncStore } from '../store';

export type CouchMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/** One HTTP request to the team database, relative to the database URL the shell keeps. */
export type CouchRequest = {
  /** HTTP method. */
  method: CouchMethod;
  /** Path below the database URL with its query, e.g. `_changes?since=0&limit=500` or `_local/d12ab`; '' = the database itself. */
  path: string;
  /** JSON body (sent as application/json). */
  body?: unknown;
};

/**
 * The server's answer. `status` 0 means the server was not reached at all (offline, stopped, DNS,
 * TLS); `body` then is `{ error: 'unreachable', reason }`. Never contains the credentials.
 */
export type CouchResponse = {
  /** HTTP status, or 0 when no answer came. */
  status: number;
  /** Parsed JSON body (null for HEAD or an empty body). */
  body: unknown;
};

/** Carries requests to the configured server (main process over IPC, or fetch in the browser build). */
export type CouchTransport = {
  request(req: CouchRequest): Promise<CouchResponse>;
};

export type CouchEngineOptions = {
  /** Reaches the team database. */
  transport: CouchTransport;
  /** The same store as the folder engine's (Dexie in the app, MemoryStore in tests). */
  store: SyncStore;
  /** The app's clock; local edits are stamped with it. */
  clock: HlcClock;
  /** Physical time; defaults to Date.now. */
  now?: () => number;
  /** Team passphrase: values are end-to-end encrypted with the data key wrapped in the `rapport:key` document. */
  passphrase?: string;
  /** Keeps unlocked data keys (then the passphrase is needed only once per database). */
  keyring?: SyncKeyring;
  /** PBKDF2 iterations when this engine creates the wrapped key (default 600 000; tests use fewer). */
  pbkdf2Iterations?: number;
  /** Device id to use when the store has none yet (default: random); also the replication client id. */
  deviceId?: string;
  /** Makes the new id of an install found to be a copy of another (default: random; tests name it). */
  newDeviceId?: () => string;
  /** Documents per `_changes` page and per `_bulk_docs` write (default 500). */
  batchSize?: number;
  /** Documents written by a clock further ahead than this are held back (default one day, like the folder). */
  maxClockAheadMs?: number;
  /** Names for the problem texts (`{{server}}`, `{{database}}`, `{{user}}`); never credentials. The database name defaults to the server's. */
  labels?: { server?: string; database?: string; user?: string };
};

/**
 * Written into the sync folder when the team moves to a server (`MOVED_MARKER_PATH`). Folder engines
 * that see it stop writing segments, keep reading, and leave queued changes queued for the server.
 */
export type MovedMarker = {
  /** Format tag. */
  format: 'rapport-sync-moved';
  /** Server URL with the database, without credentials, e.g. `https://couch.example.com/rapport-team`. */
  url: string;
  /** Database name on the server. */
  database: string;
  /** When the move was made (ms since epoch, the mover's clock). */
  at: number;
  /** Device id of the laptop that moved the team. */
  by: string;
};

/** Path of the marker inside the sync folder. */
export const MOVED_MARKER_PATH = 'rapport-sync-moved.json';
