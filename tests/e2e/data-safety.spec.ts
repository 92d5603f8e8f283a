/**
 * Data safety: DB-CRASH (SIGKILL after committed writes), DB-WIPED (restore offered), DB-UPGRADE
 * (another page upgrades the schema), backup and restore through the UI, the storage-full alert.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { firstRun, logDialogForSeededAccount, seed } from './app-helpers';
import { countAccounts, dailyBackupStored } from './backup-helpers';

const port = Number(process.env.RAPPORT_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

test('backup through the UI, then DB-WIPED: the restore is offered and brings everything back', async ({ page }, testInfo) => {
  await firstRun(page);
  await seed(page, 30);
  await page.reload();
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Datensicherung' });
  await panel.getByRole('button', { name: 'Jetzt sichern' }).click();
  await expect(panel.getByText('Sicherung gespeichert.')).toBeVisible();
  // No wait for the start-up daily backup: whether it lands before or after, rotation keeps the manual one.
  const list = panel.getByRole('table', { name: 'Vorhandene Sicherungen' });
  await expect(list.getByRole('row').filter({ hasText: 'Manuell' })).toContainText('30 Kunden, 30 Ansprechpartner');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: testInfo.outputPath('backup-panel-de.png') });

  // Wipe IndexedDB under the running app: it closes its connection and says so.
  await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('rapport');
    req.onsuccess = resolve;
    req.onerror = resolve;
  }));
  await expect(page.getByRole('alert').filter({ hasText: 'gelöscht oder zurückgesetzt' })).toBeVisible();

  // Relaunch: never silently empty — the loss screen offers the restore.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Ihre Daten fehlen' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Die Datenbank ist leer');
  await page.screenshot({ path: testInfo.outputPath('loss-screen-de.png') });
  await page.getByRole('button', { name: 'Letzte Sicherung wiederherstellen' }).click();
  const dialog = page.getByRole('dialog', { name: /Sicherung vom .* wiederherstellen\?/ });
  await expect(dialog).toContainText('Kunden');
  await expect(dialog.locator('dd').first()).toHaveText('30');
  await page.screenshot({ path: testInfo.outputPath('restore-preview-de.png') });
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();

  // The seat and the data are back.
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  expect(await countAccounts(page)).toBe(30);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ihre Daten fehlen' })).toHaveCount(0);
});

test('restore of an older backup through the settings, with a backup of the current state first', async ({ page }) => {
  await firstRun(page);
  await seed(page, 5, 'Alt');
  await page.reload();
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Datensicherung' });
  await panel.getByRole('button', { name: 'Jetzt sichern' }).click();
  await expect(panel.getByText('Sicherung gespeichert.')).toBeVisible();
  // No wait for the start-up daily backup: whether it lands before or after, rotation keeps the manual one.
  await seed(page, 7, 'Neu');
  await page.reload();
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const row = panel.getByRole('row').filter({ hasText: 'Manuell' }).filter({ hasText: '5 Kunden' });
  await row.getByRole('button', { name: /Sicherung vom .* wiederherstellen/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await expect(panel.getByText('Die Daten wurden wiederhergestellt.')).toBeVisible();
  expect(await countAccounts(page)).toBe(5);
  await expect(panel.getByRole('row').filter({ hasText: 'Vor Wiederherstellung' })).toContainText('12 Kunden');
});

test('a cut-off backup is refused, saying what is wrong and where; nothing changes', async ({ page }, testInfo) => {
  await firstRun(page);
  await seed(page, 5);
  await page.reload();
  await dailyBackupStored(page);
  // Cut the stored backup in half, as a crash mid-copy or a full USB stick would.
  await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('backups');
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
      if (!name.endsWith('-daily.json')) continue;
      const handle = await dir.getFileHandle(name);
      const file = await handle.getFile();
      const writable = await handle.createWritable();
      await writable.write(await file.slice(0, Math.floor(file.size / 2)).arrayBuffer());
      await writable.close();
    }
  });
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Datensicherung' });
  await panel.getByRole('row').filter({ hasText: 'Täglich' }).getByRole('button', { name: /Sicherung vom .* wiederherstellen/ }).click();
  await expect(panel.getByText(/Diese Sicherung kann nicht verwendet werden: die Datei ist abgeschnitten .*Zeile \d+/)).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: testInfo.outputPath('restore-refused-de.png') });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await countAccounts(page)).toBe(5);
});

test('DB-UPGRADE: another page upgrading the database closes this one with a message; nothing hangs or is lost', async ({ page, context }) => {
  await firstRun(page);
  await seed(page, 3);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();

  const other = await context.newPage();
  await other.goto(`${baseURL}/`);
  await expect(other.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  // A "newer version" opens the database at a higher schema version.
  const upgraded = await other.evaluate(
    () =>
      new Promise<{ version: number; accounts: number }>((resolve, reject) => {
        const probe = indexedDB.open('rapport');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const open = indexedDB.open('rapport', version + 10);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('accounts').objectStore('accounts').count();
            req.onsuccess = () => {
              open.result.close();
              resolve({ version: version + 10, accounts: req.result });
            };
          };
        };
      }),
  );
  expect(upgraded.accounts).toBe(3);
  await expect(page.getByRole('alert').filter({ hasText: 'in einem anderen Fenster aktualisiert' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Neu laden' })).toBeVisible();
  await other.close();
});

test('the storage-full alert says nothing saved was lost', async ({ page }) => {
  await firstRun(page);
  await page.evaluate(() => {
    void Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  });
  await expect(page.getByRole('alert').filter({ hasText: 'Der Speicherplatz ist voll' })).toContainText('nichts Gespeichertes ging verloren');
});

test('a full disk while logging a visit: the dialog stays open with the input and says what was not saved', async ({ page }) => {
  const dialog = await logDialogForSeededAccount(page, 'Voll');
  await dialog.getByLabel('Betreff').fill('Jahresgespräch');
  await dialog.getByLabel('Zusammenfassung').fill('Wartungsvertrag besprochen.');
  // Chromium's full disk: the write fails with an AbortError saying IOError (no quota name at all).
  await page.evaluate(() => {
    const w = window as unknown as { __full?: boolean };
    w.__full = true;
    for (const op of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[op];
      IDBObjectStore.prototype[op] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.__full && this.name === 'interactions') throw new DOMException('Failed to write blobs (IOError)', 'AbortError');
        return original.apply(this, args);
      };
    }
  });
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Speicherplatz voll — der Kontakt wurde nicht gespeichert');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Betreff')).toHaveValue('Jahresgespräch');
  await expect(dialog.getByLabel('Zusammenfassung')).toHaveValue('Wartungsvertrag besprochen.');
  // The app-wide alert comes too, once (behind the modal dialog, so found by its class).
  await expect(page.locator('.fault-region')).toHaveCount(1);
  await expect(page.locator('.fault-region')).toContainText('Der Speicherplatz ist voll');
  // Space is free again: the same input saves.
  await page.evaluate(() => {
    (window as unknown as { __full?: boolean }).__full = false;
  });
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
});

test('GDPR erasure of a contact person from the account page', async ({ page }) => {
  await firstRun(page);
  await seed(page, 1, 'Erase');
  await page.reload();
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByLabel('Betreuer').selectOption({ label: 'Alle Betreuer' });
  const table = page.getByRole('table', { name: 'Kundenliste' });
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('Enter');
  const contacts = page.locator('.contact-list');
  await expect(contacts.getByText('Eva Muster0')).toBeVisible();
  await page.getByRole('button', { name: /Eva Muster0 nach DSGVO löschen/ }).click();
  const dialog = page.getByRole('dialog', { name: /endgültig löschen\?/ });
  await expect(dialog).toContainText('[gelöscht]');
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(contacts.getByText('Eva Muster0')).toHaveCount(0);
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('rapport');
        open.onsuccess = () => {
          const req = open.result.transaction('contacts').objectStore('contacts').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(req.result));
          };
        };
      }),
  );
  expect(stored).toContain('"erased":true');
  expect(stored).not.toContain('Muster0');
});

test('DB-CRASH: rows committed before Chromium is killed are there after a relaunch', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
  try {
    const launch = () => chromium.launchPersistentContext(profile, { executablePath, args, locale: 'de-DE', baseURL });
    const first = await launch();
    const page = first.pages()[0] ?? (await first.newPage());
    await firstRun(page, 'Crash Test');
    await seed(page, 25);
    // Kill the browser process of this profile (our own child) without a chance to flush anything.
    const browserPid = findBrowserPid(profile);
    process.kill(browserPid, 'SIGKILL');
    await first.close().catch(() => undefined);

    const second = await launch();
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto(`${baseURL}/`);
    await expect(again.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
    expect(await countAccounts(again)).toBe(25);
    await again.getByRole('link', { name: 'Kunden' }).click();
    await again.getByLabel('Betreuer').selectOption({ label: 'Alle Betreuer' });
    await expect(again.getByRole('status').filter({ hasText: 'Kunden' })).toHaveText('25 Kunden');
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

/** The main Chromium process for `profile`: its command line names the profile and its parent is this test process. */
function findBrowserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.includes(`--user-data-dir=${profile}`) || cmd.includes('--type=')) continue;
      return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`No Chromium process for ${profile}: ${execFileSync('ps', ['-o', 'pid,args', '-u', String(process.getuid?.())]).toString().slice(0, 2000)}`);
}
