/**
 * Backups keep their promises: a changed plain backup is refused (its hash no longer matches), and
 * the loss screen unlocks an encrypted newest backup with its own passphrase field. Small data.
 */
import { expect, test, type Page } from '@playwright/test';
import { accountRow, putRows } from './app-helpers';
import { countAccounts, dailyBackupStored, storedBackups } from './backup-helpers';

const port = Number(process.env.RAPPORT_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

async function firstRun(page: Page) {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit leerem Kundenstamm starten' }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
}

/** `count` accounts in Bonn, straight into IndexedDB (committed before it resolves). */
async function seed(page: Page, count: number) {
  const accounts = Array.from({ length: count }, (_, i) =>
    accountRow(`Firma ${i} GmbH`, { customerNumber: `K${i}`, street: 'Markt 1', postalCode: '53111', city: 'Bonn' }));
  await putRows(page, { accounts });
}

test('a plain backup changed after it was saved ("Bonn" → "Donn") is refused, naming the file; nothing changes', async ({ page }, testInfo) => {
  await firstRun(page);
  await seed(page, 3);
  await page.reload();
  const name = await dailyBackupStored(page);
  // One byte changed in the stored file, as an editor or a bad sector would.
  await page.evaluate(async (name) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('backups');
    const handle = await dir.getFileHandle(name);
    const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const at = new TextEncoder().encode(text.slice(0, text.indexOf('"city":"Bonn"') + '"city":"'.length)).length;
    bytes[at] = 'D'.charCodeAt(0);
    const writable = await handle.createWritable();
    await writable.write(bytes);
    await writable.close();
  }, name);
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Datensicherung' });
  await panel.getByRole('row').filter({ hasText: 'Täglich' }).getByRole('button', { name: /Sicherung vom .* wiederherstellen/ }).click();
  await expect(panel.getByText(`die Datei „${name}“ wurde nach dem Sichern verändert oder ist beschädigt`, { exact: false })).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: testInfo.outputPath('restore-altered-de.png') });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await countAccounts(page)).toBe(3);
});

// Needs the fix of the encrypted backup's detached header buffer (a parallel branch): before it,
// "Jetzt sichern" with a passphrase fails in the worker. Passed here with that one-line fix applied.
test('the loss screen unlocks an encrypted newest backup with its own passphrase field', async ({ page }, testInfo) => {
  await firstRun(page);
  await seed(page, 4);
  await page.reload();
  await dailyBackupStored(page);
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Datensicherung' });
  await panel.getByLabel('Passphrase für Sicherungen').fill('Lange Passphrase 2026');
  await panel.getByRole('button', { name: 'Übernehmen' }).click();
  await panel.getByRole('button', { name: 'Jetzt sichern' }).click();
  await expect(panel.getByText('Sicherung gespeichert.')).toBeVisible();
  expect((await storedBackups(page)).some((n) => n.endsWith('-manual.rbk'))).toBe(true);

  await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('rapport');
    req.onsuccess = resolve;
    req.onerror = resolve;
  }));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Ihre Daten fehlen' })).toBeVisible();
  const field = page.getByLabel('Passphrase der Sicherung');
  await field.fill('falsch');
  await page.getByRole('button', { name: 'Letzte Sicherung wiederherstellen' }).click();
  await expect(page.getByText('Die Passphrase ist falsch')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('loss-screen-passphrase-de.png') });

  await field.fill('Lange Passphrase 2026');
  await page.getByRole('button', { name: 'Letzte Sicherung wiederherstellen' }).click();
  const dialog = page.getByRole('dialog', { name: /Sicherung vom .* wiederherstellen\?/ });
  await expect(dialog.locator('dd').first()).toHaveText('4');
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  expect(await countAccounts(page)).toBe(4);
});
