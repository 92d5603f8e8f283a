/**
 * Settings → Synchronisation with two laptops (two browser contexts, each with its own storage).
 * The folder picker cannot be driven headless, so `showDirectoryPicker` returns a folder of the
 * context's origin-private file system — a real FileSystemDirectoryHandle. Between syncs the test
 * copies the folder's files from one laptop's folder into the other's, which is what Syncthing or
 * Nextcloud do between two machines.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';

const PASSPHRASE = 'Außendienst Nord 2026';

async function laptop(context: BrowserContext, name: string): Promise<Page> {
  await context.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('team-sync', { create: true });
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.locator('input[autocomplete="name"]').fill(name);
  await page.getByRole('button', { name: /Mit leerem Kundenstamm/ }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  return page;
}

type FileCopy = { path: string; bytes: number[] };

/** Every file of the laptop's sync folder (read through OPFS, as the sync tool would read the disk). */
function readFolder(page: Page): Promise<FileCopy[]> {
  return page.evaluate(async () => {
    const out: FileCopy[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, base: string) => {
      for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        const path = base ? `${base}/${entry.name}` : entry.name;
        if (entry.kind === 'directory') await walk(entry as FileSystemDirectoryHandle, path);
        else out.push({ path, bytes: [...new Uint8Array(await (await (entry as FileSystemFileHandle).getFile()).arrayBuffer())] });
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('team-sync', { create: true }), '');
    return out;
  });
}

/** Delivers files into the other laptop's folder (new and changed files; nothing is deleted). */
async function deliver(page: Page, files: FileCopy[]): Promise<void> {
  await page.evaluate(async (list) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('team-sync', { create: true });
    for (const f of list) {
      const parts = f.path.split('/');
      let dir = root;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(new Uint8Array(f.bytes));
      await writable.close();
    }
  }, files);
}

async function openSync(page: Page) {
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Synchronisation' });
  await expect(panel).toBeVisible();
  return panel;
}

async function syncNow(page: Page) {
  const panel = page.getByRole('region', { name: 'Synchronisation' });
  await panel.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
  await expect(panel.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeEnabled({ timeout: 60_000 });
}

async function setPassphrase(page: Page, passphrase: string) {
  const form = page.getByRole('form', { name: 'Team-Passwort (optional)' });
  await form.getByLabel('Passwort', { exact: true }).fill(passphrase);
  await form.getByLabel('Passwort wiederholen').fill(passphrase);
  await form.getByRole('button', { name: 'Passwort speichern' }).click();
  return form;
}

test('two laptops sync an edited account through an encrypted folder', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const one = await laptop(await browser.newContext(), 'Anna Schröder');
  const two = await laptop(await browser.newContext(), 'Jörg Weiß');

  // Laptop 1: an account, then the folder and a passphrase, then the first sync.
  await one.getByRole('link', { name: 'Kunden' }).click();
  await one.keyboard.press('Control+n');
  const dialog = one.getByRole('dialog', { name: 'Neuer Kunde' });
  await dialog.getByLabel('Name', { exact: true }).fill('Bäckerei Sonnenschein');
  await dialog.getByLabel('Ort', { exact: true }).fill('Köln');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(one.getByRole('heading', { level: 1, name: 'Bäckerei Sonnenschein' })).toBeVisible();

  // The passphrase first: choosing the folder starts a sync at once, which sets the folder up.
  const panel1 = await openSync(one);
  const form1 = await setPassphrase(one, PASSPHRASE);
  await expect(form1.getByRole('status')).toContainText('nächste Synchronisation verschlüsselt');
  await panel1.getByRole('button', { name: 'Ordner wählen …' }).click();
  await expect(panel1.getByTestId('sync-folder')).toHaveText('team-sync');
  await syncNow(one);
  await expect(panel1.getByTestId('sync-pending')).toHaveText('0');
  await expect(panel1.getByTestId('sync-last')).not.toHaveText('noch nie');
  const files = await readFolder(one);
  expect(files.some((f) => f.path.startsWith('segments/'))).toBe(true);
  // Encrypted: the account's name is in no file.
  expect(files.map((f) => Buffer.from(f.bytes).toString('utf8')).join('\n')).not.toContain('Sonnenschein');

  // Laptop 2 gets the files; a wrong passphrase is refused at once, the right one opens the folder.
  await deliver(two, files);
  const panel2 = await openSync(two);
  await panel2.getByRole('button', { name: 'Ordner wählen …' }).click();
  const form2 = await setPassphrase(two, 'Außendienst Süd 2026');
  await expect(form2.getByRole('alert')).toHaveText('Das Team-Passwort passt nicht zu diesem Ordner. Es wurde nichts übernommen.');
  await setPassphrase(two, PASSPHRASE);
  await expect(form2.getByRole('status')).toContainText('Passwort stimmt');
  await syncNow(two);
  await expect(panel2.getByRole('table').getByRole('row')).toHaveCount(2); // header + laptop 1
  await two.getByRole('link', { name: 'Kunden' }).click();
  // Anna's account (she and her seat came over too): laptop 2 shows all owners.
  await two.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  await expect(two.getByRole('row', { name: /Bäckerei Sonnenschein/ })).toBeVisible();

  // Laptop 1 edits the city; laptop 2 shows the edit after the next delivery and sync.
  await one.getByRole('link', { name: 'Kunden' }).click();
  await one.getByRole('row', { name: /Bäckerei Sonnenschein/ }).click();
  await one.getByRole('button', { name: 'Bearbeiten', exact: true }).first().click();
  await one.getByLabel('Ort', { exact: true }).fill('Bonn');
  await one.locator('.account-header').getByRole('button', { name: 'Speichern', exact: true }).click();
  await openSync(one);
  await expect(panel1.getByTestId('sync-pending')).toHaveText('1');
  await syncNow(one);
  await expect(panel1.getByTestId('sync-pending')).toHaveText('0');
  await deliver(two, await readFolder(one));
  await openSync(two);
  await syncNow(two);
  await expect(panel2.getByText(/übernommen|applied/).first()).toBeVisible();
  await panel2.screenshot({ path: testInfo.outputPath('sync-panel.png') });
  const status = panel2.locator('.sync-status');
  await status.scrollIntoViewIfNeeded();
  await status.screenshot({ path: testInfo.outputPath('sync-status.png') });
  await two.getByRole('link', { name: 'Kunden' }).click();
  await two.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  await expect(two.getByRole('row', { name: /Bäckerei Sonnenschein.*Bonn/ })).toBeVisible();
});
