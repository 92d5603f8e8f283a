import { Dexie, type Table } from 'dexie';
import type { HandleStore } from '../../bridge';
import { runWrite } from '../core/write';

/**
 * Browser only: objects that cannot live in the app's database (a FileSystemDirectoryHandle is not
 * JSON, and backups export the whole database). A tiny database of its own, outside backups.
 */
type HandleRow = { key: string; value: unknown };

let db: (Dexie & { handles: Table<HandleRow, string> }) | undefined;

function handles(): Table<HandleRow, string> {
  if (!db) {
    db = new Dexie('rapport-handles') as Dexie & { handles: Table<HandleRow, string> };
    db.version(1).stores({ handles: 'key' });
  }
  return db.handles;
}

export async function getHandle<T>(key: string): Promise<T | undefined> {
  return (await handles().get(key))?.value as T | undefined;
}

export async function setHandle(key: string, value: unknown): Promise<void> {
  const table = handles();
  await runWrite([table], () => table.put({ key, value }), { label: 'sync' });
}

export async function deleteHandle(key: string): Promise<void> {
  const table = handles();
  await runWrite([table], () => table.delete(key), { label: 'sync' });
}

/** The browser bridge's store for the sync folder's handle (given to it by the composition root). */
export const handleStore: HandleStore = { get: getHandle, set: setHandle, delete: deleteHandle };
