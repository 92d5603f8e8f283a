/**
 * What the engine needs from local storage. The renderer implements it over Dexie (see the report /
 * README: tables `syncFields`, `syncPending`, `syncMeta`, written in the same transaction as the
 * domain rows); tests use MemoryStore. Implementations must keep, per (table, rowId, field), the
 * winning FieldState so that `apply` is idempotent and commutative.
 */
import type { Change } from './change';

export type SyncStore = {
  /** Local changes not yet in a written segment, oldest first. */
  pending(): Promise<Change[]>;
  /** Records local edits: merges them into the state and queues them for the next segment, atomically. */
  recordLocal(changes: Change[]): Promise<void>;
  /** Drops these changes from the queue: they are now in a segment that is safely in the folder. */
  dropPending(changes: Change[]): Promise<void>;
  /**
   * Merges changes from other devices (per field, by `compareWrites`) and updates the app's rows.
   * Returns the changes that altered the state. Applying the same change twice is a no-op. When a row
   * becomes erased, its field values and its queued changes are set to null (stamps are kept, so every
   * laptop ends with identical state), and later edits of it are stored and queued with null values.
   */
  apply(changes: Change[]): Promise<Change[]>;
  /** Every winning field state as a change (for snapshots); erased rows only with null values. */
  exportAll(): Promise<Change[]>;
  /** Sync bookkeeping (device id, heads, seen segments, HLC), kept with the data so a restore stays consistent. */
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Several meta entries in one write (a run's bookkeeping at its end). */
  setMetas(entries: Record<string, unknown>): Promise<void>;
};
