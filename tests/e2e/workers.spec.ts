/**
 * The three Web Workers (backup, reports, customer export) in real Chromium workers, where buffers are
 * transferred between threads: an encrypted backup, its restore, then an import and the customer
 * export in the same session, and the reports. Unit tests run the jobs without a Worker and never
 * transfer, which is how an encrypted backup came to break every later backup of the session.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { firstRun, seed } from './app-helpers';

const ACCOUNTS = 20;

/** In-app navigation: a reload would end the session and forget the passphrase. */
async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

// The export's save goes through the download path (Playwright cannot click the native save dialog).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker = undefined;
  });
});

test('encrypted backup, its restore, an import and the customer export in one session; the reports compute', async ({ page }, testInfo) => {
  await firstRun(page);
  await seed(page, ACCOUNTS);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();

  // Settings → Datensicherung: a passphrase, then "Jetzt sichern" (in the backup worker, encrypted).
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Datensicherung' });
  await panel.getByLabel('Passphrase für Sicherungen').fill('korrekt Pferd Batterie');
  await panel.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(panel.getByText('Neue Sicherungen werden in dieser Sitzung verschlüsselt.')).toBeVisible();
  await panel.getByRole('button', { name: 'Jetzt sichern' }).click();
  await expect(panel.getByText('Sicherung gespeichert.')).toBeVisible();
  const manual = panel.getByRole('row').filter({ hasText: 'Manuell' });
  await expect(manual).toContainText(`${ACCOUNTS} Kunden`);
  await expect(manual).toContainText('verschlüsselt');

  // Leaving and reopening Settings: the passphrase is still on, and says so, and can be turned off.
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await expect(panel.getByText('Neue Sicherungen werden in dieser Sitzung verschlüsselt.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Verschlüsselung ausschalten' })).toBeVisible();

  // Restore the encrypted backup: preview (decrypted chunk by chunk), then the restore, which first
  // takes another encrypted backup of the current state in a new worker.
  await manual.getByRole('button', { name: /Sicherung vom .* wiederherstellen/ }).click();
  const preview = page.getByRole('dialog', { name: /Sicherung vom .* wiederherstellen\?/ });
  await expect(preview.locator('dd').first()).toHaveText(String(ACCOUNTS));
  await preview.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await expect(panel.getByText('Die Daten wurden wiederhergestellt.')).toBeVisible();
  await expect(panel.getByRole('row').filter({ hasText: 'Vor Wiederherstellung' })).toContainText(`${ACCOUNTS} Kunden`);

  // An import in the same session (a backup before it, encrypted, in the backup worker).
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'neu.csv');
  writeFileSync(csv, 'Firma;PLZ;Ort\nNeue Werkstatt GmbH;80331;München\n');
  await goTo(page, '#/settings/import-export');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Datei auswählen …' }).click();
  await (await chooser).setFiles(csv);
  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
  await page.getByRole('button', { name: 'Import starten' }).click();
  await expect(page.getByRole('heading', { name: 'Importbericht' })).toBeVisible();
  await expect(page.getByText('Neu angelegt: 1 Kunde, 0 Ansprechpartner')).toBeVisible();

  // The customer export (its worker transfers the file's bytes to the page).
  await page.getByRole('radio', { name: `Alle Kunden (${ACCOUNTS + 1})` }).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als CSV (Excel)', exact: true }).click();
  const file = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(lines).toHaveLength(ACCOUNTS + 2);
  expect(lines.some((line) => line.includes('Neue Werkstatt GmbH'))).toBe(true);

  // The reports worker reads the database and computes.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'berechnet' })).toHaveText(new RegExp(`Kennzahlen für ${ACCOUNTS + 1} Kunden berechnet`));

  // Turning encryption off: the next backup is plain.
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await panel.getByRole('button', { name: 'Verschlüsselung ausschalten' }).click();
  await expect(panel.getByText('Neue Sicherungen werden in dieser Sitzung verschlüsselt.')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Verschlüsselung ausschalten' })).toHaveCount(0);
});
