/** What one sync run carries around. */
import type { HlcClock } from './hlc';
import type { EngineMeta } from './engine-state';
import type { Folder, FolderEntry } from './folder';
import type { DataFileRef } from './layout';
import { problem, type SyncProblem, type SyncProblemCode, type SyncProblemLevel } from './problems';
import type { SyncStore } from './store';

export type Settings = {
  /** Changes stamped further ahead of this laptop's clock are quarantined. */
  maxClockAheadMs: number;
  /** Write a snapshot after this many own segments. */
  snapshotEvery: number;
  /** A device whose state file has not changed for this long (this laptop's time) stops holding back compaction. */
  expireAfterMs: number;
  /**
   * A device silent this long counts as gone for good: once this laptop's snapshot covers its files and
   * every known device acknowledged them, they are deleted (else a decommissioned laptop's segments
   * would keep erased personal data forever).
   */
  abandonAfterMs: number;
  /** Rewrite the own state file at least this often, so others see the device is alive. */
  heartbeatMs: number;
  /** Most distinct fields a merge folds in memory before it splits rows into parts (MERGE_BATCH_FIELDS). */
  mergeBatchFields: number;
};

export type Quarantined = { path: string; device: string; seq: number; aheadMs: number };

export type Ctx = {
  folder: Folder;
  store: SyncStore;
  clock: HlcClock;
  settings: Settings;
  /** Physical time at the start of the run. */
  now: number;
  key: CryptoKey | undefined;
  folderId: string;
  device: string;
  meta: EngineMeta;
  listing: FolderEntry[];
  refs: DataFileRef[];
  problems: SyncProblem[];
  quarantined: Quarantined[];
  /** Changes that altered local state in this run. */
  applied: number;
  /** Changes written in this run. */
  written: number;
  /** Snapshot `covers` by content hash, kept by the engine between runs. */
  coversCache: Map<string, Record<string, number>>;
  /**
   * Write a snapshot in this run: after an erasure (so compaction can purge the old values soon) or
   * after adopting another root (readers need it to skip the seqs this device removed).
   */
  snapshotNow: boolean;
};

export function report(
  ctx: Ctx,
  code: SyncProblemCode,
  level: SyncProblemLevel,
  params: Record<string, string | number> = {},
  path?: string,
): void {
  ctx.problems.push(problem(code, level, params, path));
}
