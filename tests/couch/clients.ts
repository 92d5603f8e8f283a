/** Simulated laptops syncing through a CouchTransport (MemoryStore each), like shared/sync/testing.ts for folders. */
import { type Change, stampDelete, stampEdits, stampErase } from '../../shared/sync/change';
import { HlcClock } from '../../shared/sync/hlc';
import { MemoryStore } from '../../shared/sync/memory-store';
import { CouchEngine } from '../../shared/sync/couch';
import type { CouchEngineOptions, CouchTransport } from '../../shared/sync/couch/types';

export type CouchLaptop = {
  name: string;
  store: MemoryStore;
  clock: HlcClock;
  engine: CouchEngine;
  edit(table: string, rowId: string, fields: Record<string, unknown>): Promise<Change[]>;
  remove(table: string, rowId: string): Promise<Change[]>;
  erase(table: string, rowId: string): Promise<Change[]>;
};

export async function makeLaptop(name: string, transport: CouchTransport, extra: Partial<CouchEngineOptions> = {}, now: () => number = Date.now): Promise<CouchLaptop> {
  const store = new MemoryStore();
  const clock = new HlcClock(name, now);
  const engine = new CouchEngine({ transport, store, clock, now, deviceId: name, pbkdf2Iterations: 1000, ...extra });
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
    edit: (table, rowId, fields) => record(stampEdits(clock, table, rowId, fields, store.rowStamp(table, rowId))),
    remove: (table, rowId) => record(stampDelete(clock, table, rowId, true, store.rowStamp(table, rowId))),
    erase: (table, rowId) => record(stampErase(clock, table, rowId, store.rowStamp(table, rowId))),
  };
}

/** Wraps a transport: counts requests and can run a hook before one is sent (to stop the server mid-push). */
export function watchTransport(inner: CouchTransport, before?: (req: Parameters<CouchTransport['request']>[0], n: number) => Promise<void> | void) {
  let n = 0;
  const seen: string[] = [];
  return {
    seen,
    transport: {
      async request(req) {
        n++;
        seen.push(`${req.method} ${req.path.split('?')[0]}`);
        await before?.(req, n);
        return inner.request(req);
      },
    } satisfies CouchTransport,
  };
}
