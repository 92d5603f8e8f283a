import { expect, type Page } from '@playwright/test';

/** Names of the backup files stored in OPFS (the browser shell's backup folder). */
export async function storedBackups(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('backups', { create: true });
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
}

/** Waits until the start-up daily backup is stored (it runs after first paint and idle); its file name. */
export async function dailyBackupStored(page: Page): Promise<string> {
  await expect.poll(async () => (await storedBackups(page)).some((n) => n.endsWith('-daily.json.manifest.json')), { timeout: 30_000 }).toBe(true);
  return (await storedBackups(page)).find((n) => n.endsWith('-daily.json'))!;
}

/** Accounts in the app's database; 0 when it has no accounts store (wiped, or not created yet). */
export async function countAccounts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('accounts')) {
            open.result.close();
            resolve(0);
            return;
          }
          const req = open.result.transaction('accounts').objectStore('accounts').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
}
