import { getDb } from './db';

/**
 * Unsaved form input, one row per form key (e.g. `interaction:new:<accountId>`). Written as the
 * user types, so a crash or a closed window loses at most the last keystrokes.
 */
export async function loadDraft<T>(key: string): Promise<T | undefined> {
  const row = await getDb().drafts.get(key);
  return row?.payload as T | undefined;
}

export async function saveDraft(key: string, payload: unknown): Promise<void> {
  await getDb().drafts.put({ id: key, payload, updatedAt: Date.now() });
}

export async function deleteDraft(key: string): Promise<void> {
  await getDb().drafts.delete(key);
}
