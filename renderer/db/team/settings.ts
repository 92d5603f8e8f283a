import { getDb } from '../core/db';
import { runWrite } from '../core/write';

/** Names of the app's settings rows. */
export type SettingKey = 'language' | 'selfMemberId' | 'demoSeed' | 'customerListState' | 'retentionYears' | 'lossAcknowledged';

export async function getSetting<T>(key: SettingKey, fallback: T): Promise<T> {
  const row = await getDb().settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(key: SettingKey, value: unknown): Promise<void> {
  await runWrite((d) => [d.settings], () => getDb().settings.put({ id: key, value, updatedAt: Date.now() }), { label: 'settings' });
}
