/**
 * Moving a team from its shared folder to a CouchDB database (docs/sync-couchdb.md, "Replaying a folder
 * history into the server"), and the follow-up that keeps late folder files from being lost.
 *
 * `moveFolderToServer`: read the whole folder into the local store (runs until no segment is missing),
 * merge every field this laptop holds into the server's documents (per field, so several laptops moving
 * the same team, or one moving twice, is harmless), then write the marker. Laptops that were offline
 * keep their edits queued when they see the marker (engine-moved.ts) and run the same function to join:
 * it finds the marker, pushes what they hold, and writes nothing into the folder.
 *
 * `createLateReplay` (move-late.ts): segments that laptops wrote before they saw the marker (a sync tool delivering a
 * file written offline) arrive after the move. A migrated laptop runs this on each server run while the
 * old folder is reachable: it reads such files and sends what they hold to the server before applying
 * them locally, so a push that fails leaves the files unread and they are tried again.
 */
import type { SyncEngine, SyncStatus } from '../engine';
import { encodeMovedMarker, readMovedMarker } from '../engine-moved';
import { META } from '../engine-state';
import type { Change } from '../change';
import type { Folder } from '../folder';
import { SyncError, type SyncProblem } from '../problems';
import type { SyncStore } from '../store';
import { MOVED_MARKER_PATH, type MovedMarker } from './types';

export { createLateReplay, type LateReplay, type LateReplayResult, pushingStore } from './move-late';

/** The part of CouchEngine the move needs: merging changes into the server's documents per field. */
export type CouchPusher = { pushAll(changes: Change[]): Promise<number> };

/** Where the move is: reading the folder (rounds), sending (changes sent of total), writing the marker. */
export type MoveProgress = { phase: 'folder' | 'push' | 'marker'; done: number; total: number };

export type MoveOptions = {
  /** The folder engine over `store` (its runs merge the folder's whole history into the store). */
  folderEngine: Pick<SyncEngine, 'syncOnce'>;
  /** This laptop's sync store (the same one the CouchEngine uses). */
  store: SyncStore;
  /** The CouchEngine of the team database. */
  couch: CouchPusher;
  /** The team's sync folder (the marker is written there). */
  folder: Folder;
  /** The server as the marker names it: database URL without credentials, and the database name. */
  server: { url: string; database: string };
  /** Physical time (default Date.now). */
  now?: () => number;
  /** Changes per `pushAll` call (default 5000). */
  batchSize?: number;
  /** Folder runs at most, waiting for missing segments (default 5). */
  maxRounds?: number;
  /** Pause between those runs, so a sync tool can deliver (default 2 s). */
  pauseMs?: number;
  onProgress?: (p: MoveProgress) => void;
};

export type MoveResult = {
  /** The marker the folder now holds. */
  marker: MovedMarker;
  /** The folder had it already (another laptop moved the team first, or this is a retry or a late laptop joining). */
  alreadyMoved: boolean;
  /** Field changes sent to the server (everything this laptop holds). */
  changes: number;
  /** Documents that changed on the server. */
  written: number;
  /** Segments still missing after the last folder run; their files are sent by the late replay once they arrive. */
  waiting: number;
  /** Files held back for far-future clocks (not sent until accepted). */
  quarantined: number;
};

/** Why a move stopped; nothing was marked, so it can simply be tried again. */
export type MoveFailure =
  /** The folder could not be read (`problem` says why). */
  | 'folder'
  /** The folder was already moved to another server (`server`). */
  | 'otherServer'
  /** The server refused or did not answer (`problem`). */
  | 'server'
  /** The marker could not be written. */
  | 'marker';

export class MoveError extends Error {
  constructor(
    readonly failure: MoveFailure,
    readonly problem?: SyncProblem,
    readonly server?: string,
  ) {
    super(`move failed: ${failure}${problem ? ` (${problem.code})` : ''}`);
    this.name = 'MoveError';
  }
}

/** URLs compared without a trailing slash (a user may type either). */
export function sameServer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

export async function moveFolderToServer(opts: MoveOptions): Promise<MoveResult> {
  const { folder, store, couch, server } = opts;
  const progress = opts.onProgress ?? (() => undefined);
  const now = opts.now ?? Date.now;
  const existing = await markerOf(folder);
  if (existing && !sameServer(existing.url, server.url)) throw new MoveError('otherServer', undefined, existing.url);
  // 1. The folder's whole history into the local store.
  const rounds = Math.max(1, opts.maxRounds ?? 5);
  let status: SyncStatus | undefined;
  for (let round = 1; round <= rounds; round++) {
    progress({ phase: 'folder', done: round - 1, total: rounds });
    status = await opts.folderEngine.syncOnce();
    const error = status.problems.find((p) => p.level === 'error');
    if (error) throw new MoveError('folder', error);
    if (waitingOf(status) === 0 || round === rounds) break;
    await pause(opts.pauseMs ?? 2000);
  }
  progress({ phase: 'folder', done: rounds, total: rounds });
  // 2. Every field into the server's documents (erased rows travel as the flag with null values).
  const all = await store.exportAll();
  const batch = Math.max(1, opts.batchSize ?? 5000);
  let written = 0;
  progress({ phase: 'push', done: 0, total: all.length });
  for (let i = 0; i < all.length; i += batch) {
    written += await pushOrFail(couch, all.slice(i, i + batch));
    progress({ phase: 'push', done: Math.min(i + batch, all.length), total: all.length });
  }
  // 3. The marker, once everything is on the server (a laptop that fails before this point moved nothing).
  progress({ phase: 'marker', done: 0, total: 1 });
  let marker = existing;
  if (!marker) {
    const by = (await store.getMeta<string>(META.deviceId)) ?? '';
    marker = { format: 'rapport-sync-moved', url: server.url.replace(/\/+$/, ''), database: server.database, at: now(), by };
    try {
      await folder.writeAtomic(MOVED_MARKER_PATH, encodeMovedMarker(marker));
    } catch (e) {
      throw new MoveError('marker', { code: 'folder.writeFailed', level: 'error', params: { error: e instanceof Error ? e.name : 'unknown' }, path: MOVED_MARKER_PATH });
    }
    // Two laptops moving at once to the same server: every laptop shows the earlier marker.
    marker = (await markerOf(folder)) ?? marker;
  }
  progress({ phase: 'marker', done: 1, total: 1 });
  return { marker, alreadyMoved: existing !== undefined, changes: all.length, written, waiting: waitingOf(status), quarantined: status?.quarantined.length ?? 0 };
}

async function markerOf(folder: Folder): Promise<MovedMarker | undefined> {
  let listing;
  try {
    listing = await folder.list('');
  } catch (e) {
    throw new MoveError('folder', { code: 'folder.unavailable', level: 'error', params: { error: e instanceof Error ? e.name : 'unknown' } });
  }
  const state = await readMovedMarker(folder, listing);
  return state && 'marker' in state ? state.marker : undefined;
}

function waitingOf(status: SyncStatus | undefined): number {
  return status?.problems.filter((p) => p.code === 'segment.waiting').length ?? 0;
}

async function pushOrFail(couch: CouchPusher, changes: Change[]): Promise<number> {
  try {
    return await couch.pushAll(changes);
  } catch (e) {
    if (e instanceof SyncError) throw new MoveError('server', { code: e.code, level: 'error', params: e.params });
    throw e;
  }
}

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
