import { newId, type Id, type SavedView } from '../../../shared/domain';
import { getDb } from '../core/db';
import { runWrite } from '../core/write';

/** Saved views of one list, by name. */
export async function listViews(list: string): Promise<SavedView[]> {
  const rows = await getDb().savedViews.where('list').equals(list).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** Saves a view; a view with the same name in the same list is replaced. */
export async function saveView(list: string, name: string, state: unknown): Promise<SavedView> {
  const db = getDb();
  const existing = (await listViews(list)).find((v) => v.name.toLowerCase() === name.trim().toLowerCase());
  const row: SavedView = { id: existing?.id ?? newId(), list, name: name.trim(), state, updatedAt: Date.now() };
  await runWrite([db.savedViews], () => db.savedViews.put(row), { label: 'view' });
  return row;
}

export async function deleteView(id: Id): Promise<void> {
  await runWrite((d) => [d.savedViews], () => getDb().savedViews.delete(id), { label: 'view' });
}
