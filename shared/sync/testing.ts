/** Helpers to run simulated devices in tests and benchmarks (not used by the app). */
import { type Change, stampDelete, stampEdits, stampErase } from './change';
import { SyncEngine, type SyncEngineOptions } from './engine';
import type { Folder } from './folder';
import { HlcClock } from './hlc';
import { MemoryStore } from './memory-store';

export type SimDevice = {
  name: string;
  store: MemoryStore;
  clock: HlcClock;
  engine: SyncEngine;
  /** Local edit of one row (stamped and queued like the app will do it). */
  edit(table: string, rowId: string, fields: Record<string, unknown>): Promise<Change[]>;
  remove(table: string, rowId: string): Promise<Change[]>;
  erase(table: string, rowId: string): Promise<Change[]>;
};

export async function makeDevice(
  name: string,
  folder: Folder,
  now: () => number,
  extra: Partial<SyncEngineOptions> = {},
): Promise<SimDevice> {
  const store = new MemoryStore();
  const clock = new HlcClock(name, now);
  let n = 0;
  const engine = new SyncEngine({ folder, store, clock, now, deviceId: name, newDeviceId: () => `${name}-r${++n}`, pbkdf2Iterations: 1000, ...extra });
  await engine.init();
  const record = async (changes: Change[]) => {
    await store.recordLocal(changes);
    return changes;
  };
  return {
    name,
    store,
    clock,
    engine,
    // Edits are stamped above what this laptop knows of the row, as the app does (rows.ts diffRow).
    edit: (table, rowId, fields) => record(stampEdits(clock, table, rowId, fields, store.rowStamp(table, rowId))),
    remove: (table, rowId) => record(stampDelete(clock, table, rowId, true, store.rowStamp(table, rowId))),
    erase: (table, rowId) => record(stampErase(clock, table, rowId, store.rowStamp(table, rowId))),
  };
}
