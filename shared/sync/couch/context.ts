/** What one CouchDB run carries around, and the engine's bookkeeping keys in the store's meta. */
import type { Quarantined } from '../engine-context';
import type { HlcClock } from '../hlc';
import { problem, type SyncProblem, type SyncProblemCode, type SyncProblemLevel } from '../problems';
import type { SyncStore } from '../store';
import type { DecodedDoc, RowDoc } from './doc';
import type { CouchLabels } from './http';
import type { CouchTransport } from './types';

export const COUCH_META = {
  /** `{ databaseId, since }`: where the last pull stopped in which database's life. */
  checkpoint: 'couch.checkpoint',
  /** Id of the database this laptop last synced with (its root document's `databaseId`). */
  databaseId: 'couch.databaseId',
  /** This laptop's time of the last run without an error. */
  lastSync: 'couch.lastSync',
  /** Documents held back for far-future clocks: `Quarantined[]` (path = document id). */
  quarantine: 'couch.quarantine',
  /** Devices whose far-future clocks the user accepted. */
  trustFuture: 'couch.trustFuture',
  /** Marks of this install's `_local/<device>` writes (clone.ts: a foreign one means a copied profile). */
  ownMarks: 'couch.ownMarks',
} as const;

export type Checkpoint = { databaseId: string; since: string | number };

/** A document as the pull got it, with its decoded fields when the pull decoded it (the push then does not again). */
export type PulledDoc = { doc: RowDoc; decoded?: DecodedDoc };

export type CouchCtx = {
  transport: CouchTransport;
  labels: CouchLabels;
  store: SyncStore;
  clock: HlcClock;
  device: string;
  databaseId: string;
  key: CryptoKey | undefined;
  /** Documents per page / per write. */
  batch: number;
  /** Physical time at the start of the run. */
  now: number;
  maxClockAheadMs: number;
  trustFuture: string[];
  quarantined: Quarantined[];
  problems: SyncProblem[];
  /**
   * Documents this run pulled that the push will write (ids with queued changes): the push merges into
   * them without reading them again; a write in between still answers 409 and is read afresh.
   */
  pulled: Map<string, PulledDoc>;
  /** Ids of documents with queued changes (what `pulled` keeps). */
  wanted: Set<string>;
  /** Revisions this engine wrote (its own writes come back in `_changes`; nothing new in them). */
  ownRevs: Map<string, string>;
  /** Changes from others that altered local data. */
  applied: number;
  /** Documents written. */
  written: number;
  /** 409 answers merged again and resent. */
  conflicts: number;
  /** Conflict leaves merged and removed. */
  resolved: number;
};

export function report(ctx: CouchCtx, code: SyncProblemCode, level: SyncProblemLevel, params: Record<string, string | number> = {}, path?: string): void {
  ctx.problems.push(problem(code, level, params, path));
}
