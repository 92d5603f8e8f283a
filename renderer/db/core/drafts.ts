import { getDb } from './db';
import { runWrite } from './write';

/**
 * Unsaved form input, one row per form key (e.g. `interaction:new:<accountId>`). Written as the
 * user types, so a crash or a closed window loses at most the last keystrokes.
 */
export async function loadDraft<T>(key: string): Promise<T | undefined> {
  const row = await getDb().drafts.get(key);
  return row?.payload as T | undefined;
}

export async function saveDraft(key: string, payload: unknown): Promise<void> {
  await runWrite((d) => [d.drafts], () => getDb().drafts.put({ id: key, payload, updatedAt: Date.now() }), { label: 'draft' });
}

export async function deleteDraft(key: string): Promise<void> {
  await runWrite((d) => [d.drafts], () => getDb().drafts.delete(key), { label: 'draft' });
}
