// Sync figures (in the page): merging 5 devices × N changes into an N-account Dexie database through
// the real Dexie store, against a floor of JSON.parse of the same segment bytes + raw IndexedDB put of
// the resulting rows into a store with the app's accounts indexes (as the import floor does: the indexes
// are the data's, not overhead); and an incremental run with nothing new.
import { openDb } from '../../../renderer/db/core/db';
import { V3_STORES } from '../../../renderer/db/core/migrations/v3';
import { createDbSync, type DbSync } from '../../../renderer/db/sync/run';
import { MemoryFolder } from '../../../shared/sync/memory-folder';
import { makeDevice, type SimDevice } from '../../../shared/sync/testing';
import { deleteDb, openRawDb } from './raw-idb';

type Heap = { usedJSHeapSize: number };
const heap = () => (performance as unknown as { memory?: Heap }).memory?.usedJSHeapSize ?? 0;

function sampler() {
  const base = heap();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, heap())), 5);
  return () => {
    clearInterval(timer);
    return Math.max(0, Math.max(peak, heap()) - base) / 1e6;
  };
}

async function rawPut(name: string, rows: unknown[]): Promise<void> {
  const db = await openRawDb(name, { accounts: V3_STORES.accounts });
  return new Promise((resolve, reject) => {
    const tx = db.transaction('accounts', 'readwrite', { durability: 'strict' });
    for (const r of rows) tx.objectStore('accounts').put(r);
    tx.oncomplete = () => (db.close(), resolve());
    tx.onerror = () => reject(tx.error);
  });
}

/** Each simulated device edits `rows` accounts' city in one queued batch and syncs (segments of 5000 changes). */
async function editRound(others: SimDevice[], rows: number, offset = 0): Promise<void> {
  for (const dev of others) {
    const changes = Array.from({ length: rows }, (_, i) => ({ table: 'accounts', rowId: `acc-${offset + i}`, field: 'city', value: `${dev.name}-${offset + i}`, hlc: dev.clock.tick(), device: dev.name }));
    await dev.store.recordLocal(changes);
    await dev.engine.syncOnce();
  }
}

/** Median of five runs of the local laptop with nothing new (after one run that settles acknowledgements). */
async function noopMs(local: DbSync): Promise<number> {
  await local.sync();
  await local.sync();
  const noop: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await local.sync();
    noop.push(performance.now() - t);
  }
  return noop.sort((a, b) => a - b)[2]!;
}

export async function syncMerge(n: number, profile = false) {
  const devices = 5;
  const name = `bench-sync-${n}`;
  await deleteDb(name);
  const db = openDb(name);
  const now = Date.now();
  for (let i = 0; i < n; i += 5000)
    await db.accounts.bulkPut(Array.from({ length: Math.min(5000, n - i) }, (_, k) => ({ id: `acc-${i + k}`, name: `Firma ${i + k}`, city: 'Köln', ownerId: 'u', tags: [], updatedAt: now }) as never));
  const folder = new MemoryFolder();
  const local = createDbSync(db, folder, { deviceId: 'local' });
  await local.sync(); // turning sync on: every field of every row queued and written once
  const others = await Promise.all(Array.from({ length: devices }, (_, d) => makeDevice(`dev${d}`, folder, () => Date.now())));
  for (const dev of others) await dev.engine.syncOnce();
  await editRound(others, n);
  const segs = [...folder.files].filter(([p]) => p.startsWith('segments/dev')).map(([, b]) => b);
  const bytes = segs.reduce((s, b) => s + b.length, 0);

  const stopMerge = sampler();
  if (profile) console.profile('merge');
  const t0 = performance.now();
  const status = await local.sync();
  const mergeMs = performance.now() - t0;
  if (profile) console.profileEnd('merge');
  const mergeMb = stopMerge();
  if (status.applied < n) throw new Error(`only ${status.applied} applied`);

  // The rows as stored before the merge (collation key included), read outside the timing: the floor
  // starts from them like the app starts from its database.
  const stored = new Map((await db.accounts.toArray()).map((r) => [r.id, r as unknown as Record<string, unknown>]));
  const stopFloor = sampler();
  const t1 = performance.now();
  const rows = new Map<string, Record<string, unknown>>();
  const dec = new TextDecoder();
  for (const b of segs) {
    const lines = dec.decode(b).split('\n');
    JSON.parse(lines[0]!);
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const [, rowId, field, , value] = JSON.parse(lines[i]!) as [string, string, string, string, unknown];
      const row = rows.get(rowId) ?? { ...(stored.get(rowId) ?? { id: rowId }), updatedAt: now };
      row[field] = value;
      rows.set(rowId, row);
    }
  }
  await rawPut(`${name}-floor`, [...rows.values()]);
  const floorMs = performance.now() - t1;
  const floorMb = stopFloor();

  // Incremental run with nothing new, at two history lengths: after the merge, and after 20 more
  // rounds in which every device edits a few rows (more segments and state changes in the folder).
  const noop = await noopMs(local);
  const filesShort = folder.files.size;
  for (let round = 0; round < 20; round++) {
    await editRound(others, 50, round * 50);
    await local.sync();
  }
  const noopLong = await noopMs(local);
  const filesLong = folder.files.size;
  db.close();
  await deleteDb(name);
  await deleteDb(`${name}-floor`);
  return { mergeMs, mergeMb, floorMs, floorMb, bytes, noop, noopLong, filesShort, filesLong };
}
