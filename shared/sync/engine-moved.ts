/**
 * The folder's "moved to a server" marker (docs/sync-couchdb.md, "Replaying a folder history into the
 * server"). A folder engine that finds a valid marker reads and merges as before but writes no segment,
 * snapshot or compaction deletion: queued local edits stay queued for the server, and nothing new
 * lands in a folder nobody replays any more. A marker that cannot be read (still being delivered,
 * hand-edited) is reported and ignored, so the folder keeps working until it is whole.
 */
import { fromUtf8, utf8 } from '../bytes';
import { MOVED_MARKER_PATH, type MovedMarker } from './couch/types';
import type { Folder, FolderEntry } from './folder';
import { isMovedMarkerPath, isRootPath } from './layout';
import { problem, type SyncProblem } from './problems';

export function encodeMovedMarker(marker: MovedMarker): Uint8Array {
  return utf8(JSON.stringify(marker, null, 2) + '\n');
}

/** The marker, or null when the bytes are not a complete, sensible one. */
export function decodeMovedMarker(bytes: Uint8Array): MovedMarker | null {
  let m: Partial<MovedMarker> | null;
  try {
    m = JSON.parse(fromUtf8(bytes)) as Partial<MovedMarker> | null;
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object' || m.format !== 'rapport-sync-moved') return null;
  if (typeof m.database !== 'string' || !m.database || typeof m.by !== 'string') return null;
  if (typeof m.at !== 'number' || !Number.isFinite(m.at)) return null;
  if (typeof m.url !== 'string' || !serverUrlOk(m.url)) return null;
  return { format: m.format, url: m.url, database: m.database, at: m.at, by: m.by };
}

/** http(s) and no credentials: the marker is shown to every user of the folder. */
function serverUrlOk(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** What the folder says about a move. */
export type MovedState = { marker: MovedMarker } | { invalid: string } | null;

/**
 * Reads the marker (a conflicted copy counts when the original is missing or broken: two laptops that
 * moved the team to the same server wrote the same content). Copies naming different servers are
 * settled like roots: the earliest move wins, so every laptop shows the same server.
 */
export async function readMovedMarker(folder: Folder, listing: readonly FolderEntry[]): Promise<MovedState> {
  const paths = listing.map((e) => e.path).filter(isMovedMarkerPath);
  if (paths.length === 0) return null;
  const markers: MovedMarker[] = [];
  for (const path of paths) {
    const bytes = await folder.read(path);
    const m = bytes && decodeMovedMarker(bytes);
    if (m) markers.push(m);
  }
  if (markers.length === 0) return { invalid: paths.includes(MOVED_MARKER_PATH) ? MOVED_MARKER_PATH : paths[0]! };
  markers.sort((a, b) => a.at - b.at || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { marker: markers[0]! };
}

/** The problem a run reports for the folder's marker state (null when the folder was not moved). */
export function movedProblem(state: MovedState): SyncProblem | null {
  if (!state) return null;
  // An unreadable marker is a team file that cannot be read: the folder keeps working meanwhile.
  if ('invalid' in state) return problem('root.invalid', 'warning', { reason: 'movedMarker' }, state.invalid);
  return problem('folder.moved', 'warning', { server: state.marker.url }, MOVED_MARKER_PATH);
}

/**
 * The start of a run: reads the marker and notes its problem. `stop` when the run must not go on: the
 * marker could not be read for an I/O reason, or the folder was moved and has no root (archived, or
 * chosen fresh by a new laptop), which must never be set up again.
 */
export async function checkMoved(folder: Folder, listing: readonly FolderEntry[], problems: SyncProblem[]): Promise<{ marker?: MovedMarker; stop: boolean }> {
  let state: MovedState;
  try {
    state = await readMovedMarker(folder, listing);
  } catch (e) {
    problems.push(problem('folder.ioError', 'error', { error: e instanceof Error ? e.name : 'unknown' }, MOVED_MARKER_PATH));
    return { stop: true };
  }
  const note = movedProblem(state);
  if (note) problems.push(note);
  if (!state || !('marker' in state)) return { stop: false };
  return { marker: state.marker, stop: !listing.some((e) => isRootPath(e.path)) };
}
