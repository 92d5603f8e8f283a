/**
 * The CouchDB counterpart of run.ts: the same Dexie store, the same capture of local edits and the
 * same edit clock, with CouchEngine (shared/sync/couch) instead of the folder engine. Both engines
 * share the device id, the clock and the queue, so switching the target never loses a queued change.
 */
import type { Dexie } from 'dexie';
import type { SyncStatus } from '../../../shared/sync';
import { CouchEngine, type CouchEngineOptions, type CouchTransport } from '../../../shared/sync/couch';
import { captureLocal } from './capture';
import { editGeneration } from './middleware';
import { createEditClock } from './rows';
import { countDirty } from './run';
import { DexieSyncStore } from './store';

export type CouchDbSync = {
  engine: CouchEngine;
  store: DexieSyncStore;
  /** Captures local edits and runs the engine once (pull, merge, push). */
  sync(): Promise<SyncStatus>;
  /** Local edits not yet on the server (queued, or made since the last capture). */
  pendingCount(): Promise<number>;
};

export type CouchDbSyncOptions = Omit<CouchEngineOptions, 'transport' | 'store' | 'clock'>;

export function createCouchDbSync(db: Dexie, transport: CouchTransport, options: CouchDbSyncOptions = {}): CouchDbSync {
  const now = options.now ?? Date.now;
  const edit = createEditClock('unset', now);
  const store = new DexieSyncStore(db, edit, now);
  const engine = new CouchEngine({ ...options, transport, store, clock: edit.clock });
  let running: Promise<SyncStatus> | null = null;
  // As in run.ts: while the edit generation stands, no row is dirty and the capture can be skipped.
  let capturedAt: number | undefined;
  const run = async () => {
    await engine.init();
    const generation = editGeneration(db);
    if (generation !== capturedAt) {
      await captureLocal(db, edit);
      capturedAt = generation;
    }
    return engine.syncOnce();
  };
  return {
    engine,
    store,
    sync: () => (running ??= run().finally(() => (running = null))),
    pendingCount: async () => (await db.table('syncPending').count()) + (await countDirty(db)),
  };
}
