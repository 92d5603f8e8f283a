/**
 * Problems found while syncing. The UI translates `code` (i18n key under `sync.problem.*`) with
 * `params`; `path` says where. No English sentences here on purpose.
 */

export type SyncProblemCode =
  /** The folder is missing or unreadable (unmounted share, pulled stick); nothing was written or deleted. */
  | 'folder.unavailable'
  /** The folder has no root file although this device synced with it before: empty or wrong mount; nothing deleted. */
  | 'folder.rootMissing'
  /** The root file belongs to another sync folder than the one this device joined. */
  | 'folder.otherFolder'
  /** The root file cannot be read. */
  | 'root.invalid'
  /** Several root files (created at the same time on two laptops); the smallest id is used. */
  | 'root.conflict'
  /** Writing a file failed (e.g. rename refused); it is retried on the next sync. */
  | 'folder.writeFailed'
  /** Reading or listing failed unexpectedly (network share hiccup); the run stopped and is retried. */
  | 'folder.ioError'
  /** Deleting a file failed; retried later. */
  | 'folder.removeFailed'
  /** The folder is encrypted and no passphrase was given. */
  | 'crypto.passphraseRequired'
  /** The passphrase does not open the folder key; nothing imported. */
  | 'crypto.wrongPassphrase'
  /** Content does not match the hash in the name: still being delivered or damaged; retried. */
  | 'segment.hashMismatch'
  /** Content matches its name but cannot be decrypted (damaged or tampered); nothing from it imported. */
  | 'segment.decryptFailed'
  /** Content cannot be parsed; nothing from it imported. */
  | 'segment.invalid'
  /** Changes stamped far ahead of this laptop's clock; held back until accepted or the clock catches up. */
  | 'segment.futureClock'
  /** Segments of a device are missing in between (a late file); waiting for them. */
  | 'segment.waiting'
  /** A snapshot was loaded because older segments were already compacted away. */
  | 'snapshot.loaded'
  /** Another install used this device's id (a copied profile); this install took a new id. */
  | 'device.cloned'
  /** A device has not synced for too long; its acknowledgement no longer holds back compaction. */
  | 'device.expired'
  /** Conflicted copies made by the sync tool were merged and removed. */
  | 'conflictCopy.cleaned'
  /** The team moved to a CouchDB server (marker in the folder): the folder is only read, changes wait for the server. */
  | 'folder.moved'
  /** The CouchDB server did not answer (offline, stopped); changes stay queued. */
  | 'couch.unreachable'
  /** The server refused the user name or password (401); nothing sent. */
  | 'couch.unauthorized'
  /** The user may not read or write the team database (403). */
  | 'couch.forbidden'
  /** The team database does not exist on the server (deleted, or a wrong name); nothing changed locally. */
  | 'couch.notFound'
  /** The address does not answer like CouchDB (wrong URL, a web page). */
  | 'couch.notCouch'
  /** The server answered with an error (5xx); the run stopped and is retried. */
  | 'couch.serverError'
  /** Documents were changed on the server in between (409); merged again and resent. */
  | 'couch.conflict'
  /** Conflicting revisions of documents were merged and the losing leaves removed. */
  | 'couch.conflictsResolved'
  /** The database was recreated on the server (checkpoints no longer match); this laptop's whole state was sent again. */
  | 'couch.databaseReplaced';

export type SyncProblemLevel = 'info' | 'warning' | 'error';

export type SyncProblem = {
  /** What happened, as a translation key. */
  code: SyncProblemCode;
  /** How serious. */
  level: SyncProblemLevel;
  /** File concerned, relative to the sync folder, when there is one. */
  path?: string;
  /** Values for the message, e.g. `{ device: 'bob', seq: 7 }`. */
  params: Record<string, string | number>;
};

export function problem(
  code: SyncProblemCode,
  level: SyncProblemLevel,
  params: Record<string, string | number> = {},
  path?: string,
): SyncProblem {
  return path === undefined ? { code, level, params } : { code, level, params, path };
}

/** Thrown by format and crypto code; the engine turns it into a SyncProblem. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncProblemCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'SyncError';
  }
}
