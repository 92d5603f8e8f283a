import { V1_STORES } from '../../../renderer/db/core/migrations/v1';

/** Opens a plain IndexedDB with the same stores and indexes as the app (v1's, or the `stores` given): the fair baseline. */
export function openRawDb(name: string, stores: Record<string, string> = V1_STORES): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const [store, spec] of Object.entries(stores)) {
        const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
        const os = db.createObjectStore(store, { keyPath: primary });
        for (const idx of indexes) {
          const multi = idx.startsWith('*');
          const clean = idx.replace(/^\*/, '');
          const compound = clean.startsWith('[');
          const keyPath = compound ? clean.slice(1, -1).split('+') : clean;
          os.createIndex(clean, keyPath, { multiEntry: multi });
        }
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens an existing database as it is (no version: no upgrade), with plain IndexedDB. */
export function openPlainDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

/** Puts rows into stores, one strict-durability transaction per batch, as the app does. */
export function putAll(db: IDBDatabase, batches: Array<Record<string, unknown[]>>): Promise<void> {
  return batches.reduce<Promise<void>>(
    (prev, batch) =>
      prev.then(
        () =>
          new Promise((resolve, reject) => {
            const stores = Object.keys(batch).filter((s) => (batch[s]?.length ?? 0) > 0);
            if (stores.length === 0) return resolve();
            const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
            for (const s of stores) for (const row of batch[s] ?? []) tx.objectStore(s).put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          }),
      ),
    Promise.resolve(),
  );
}

export function getAll(db: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = db.transaction(store, 'readonly').objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
