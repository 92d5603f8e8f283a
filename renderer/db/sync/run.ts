/**
 * One laptop's sync over one database: the Dexie store, the edit clock and the engine wired together.
 * A run = load identity and clock → capture local edits → the engine's run (read, merge, write, compact).
 * Runs never overlap: a second call while one runs shares it.
 */
import type { Dexie } from 'dexie';
import { type Folder, type HlcClock, isErasure, SyncEngine, type SyncEngineOptions, type SyncStatus } from '../../../shared/sync';
import { captureLocal } from './capture';
import { editGeneration } from './middleware';
import { createEditClock } from './rows';
import { DexieSyncStore } from './store';

export type DbSync = {
  engine: SyncEngine;
  store: DexieSyncStore;
  /** The edit clock the engine stamps with (the folder→server late replay reads the folder with it). */
  clock: HlcClock;
  /** Captures local edits and runs the engine once. */
  sync(): Promise<SyncStatus>;
  /** Local edits waiting to be written (captured or not yet). */
  pendingCount(): Promise<number>;
};

export type DbSyncOptions = Omit<SyncEngineOptions, 'folder' | 'store' | 'clock'>;

export function createDbSync(db: Dexie, folder: Folder, options: DbSyncOptions = {}): DbSync {
  const now = options.now ?? Date.now;
  const edit = createEditClock('unset', now);
  const store = new DexieSyncStore(db, edit, now);
  const engine = new SyncEngine({ quickRuns: true, ...options, folder, store, clock: edit.clock });
  let running: Promise<SyncStatus> | null = null;
  // Edit generation before the last capture: while it stands, no row is dirty and capture can be skipped.
  let capturedAt: number | undefined;
  const run = async () => {
    await engine.init();
    const generation = editGeneration(db);
    if (generation === capturedAt) return engine.syncOnce({ localUnchanged: true });
    const captured = await captureLocal(db, edit);
    capturedAt = generation;
    // An erasure made here must leave no old values behind: snapshot so compaction can drop old segments.
    return engine.syncOnce({ snapshot: captured.some(isErasure) });
  };
  return {
    engine,
    store,
    clock: edit.clock,
    sync: () => (running ??= run().finally(() => (running = null))),
    pendingCount: async () => (await db.table('syncPending').count()) + (await countDirty(db)),
  };
}

/** Rows edited here since the last capture. */
export async function countDirty(db: Dexie): Promise<number> {
  let n = 0;
  for (const t of db.tables) if (t.schema.indexes.some((i) => i.name === 'syncDirty')) n += await t.where('syncDirty').equals(1).count();
  return n;
}
