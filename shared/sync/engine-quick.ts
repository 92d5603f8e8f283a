/**
 * Quick runs: when nothing changed since the last run, a run costs one folder listing and one small
 * meta read, whatever the history length. The engine remembers (in memory) the listing of its last
 * clean run — one that read everything there was, wrote and deleted nothing, left nothing queued and
 * met no problem — and a token it also saved in the store. A later run whose caller vouches for no
 * local edits (`localUnchanged`) stops right after listing when
 *  - the listing is the same (paths, sizes, modification times: any new, removed, grown or rewritten
 *    file differs — file names carry content hashes, and state files are rewritten in place),
 *  - the own state file's heartbeat is not due (so others still see this laptop alive, and the
 *    time-based bookkeeping — peers' silence, expiry — advances at least once per heartbeat),
 *  - the stored token is still ours (another window, a restore or a second engine on the same store
 *    ran in between: then a full run).
 * Anything else — a problem, a quarantined file waiting for the clock, a write — makes the next run a
 * full one, so skipping can never hide work.
 */
import type { FolderEntry } from './folder';
import { toHex, randomBytes } from '../bytes';

export const QUICK_META = 'sync.quick';

/** What a clean run leaves behind in memory. */
export type QuickMark = {
  /** Listing signature at the start of that run. */
  sig: string;
  /** Also in the store under QUICK_META. */
  token: string;
  /** This laptop's time of that run. */
  at: number;
  /** When the own state file was last written (its heartbeat is due `heartbeatMs` later). */
  stateAt: number;
};

/** Order-independent signature of a listing (no hashing: comparing the text is cheaper than hashing it). */
export function listingSig(listing: readonly FolderEntry[]): string {
  return listing
    .map((e) => `${e.path}\u0000${e.size}\u0000${e.modified ?? ''}`)
    .sort()
    .join('\n');
}

export function newQuickToken(): string {
  return toHex(randomBytes(8));
}

/** True when the run may stop after listing (the meta read comes last: it is the only store access). */
export async function quickRunAllowed(
  mark: QuickMark | undefined,
  listing: readonly FolderEntry[],
  now: number,
  heartbeatMs: number,
  storedToken: () => Promise<string | undefined>,
): Promise<boolean> {
  if (!mark || now < mark.at || now - mark.stateAt >= heartbeatMs) return false;
  if (listingSig(listing) !== mark.sig) return false;
  return (await storedToken()) === mark.token;
}
