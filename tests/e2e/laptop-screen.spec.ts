import { expect, test, type Page } from '@playwright/test';
import { accountRow, firstRunInGerman, putRows, seed } from './app-helpers';

// The customer list, its trash and the dialogs on a 1366×800 laptop, German app in an en-US browser (#20).
test.use({ locale: 'en-US', viewport: { width: 1366, height: 800 } });

/** Console errors and failed requests of the page from now on (a favicon 404 is one of each). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

/** Whether an element's text is cut off (ellipsis): what the user would have to hover for. */
const cutOff = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));

test('the demo customer list at 1366×800: both Jürgens told apart, the days readable, filters in one row, the log dialog fits', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  // The seat's user shares a first name with the demo's Jürgen Krämer.
  await page.getByLabel('Ihr Name').fill('Jürgen Weißmüller');
  await page.getByRole('button', { name: 'Mit Demodaten starten (700 Kunden)' }).click();
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Kunden' })).toBeVisible({ timeout: 150_000 });
  // No console error on load: the browser found an icon and asked for no /favicon.ico.
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Kunden' })).toBeVisible();
  expect(errors).toEqual([]);

  await nav.getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  const table = page.getByRole('table', { name: 'Kundenliste' });
  await expect(page.getByRole('status').filter({ hasText: 'Kunden' })).toHaveText('700 Kunden');

  // The filter bar is one row: about one labelled field high, not three.
  const bar = await page.getByRole('search').boundingBox();
  const field = await page.getByRole('combobox', { name: 'Betreuer' }).boundingBox();
  expect(bar && field).toBeTruthy();
  expect(bar!.height).toBeLessThan(70);
  // The saved-view and column controls share that row.
  const columns = await page.getByText('Spalten', { exact: true }).boundingBox();
  expect(Math.abs(columns!.y + columns!.height - (field!.y + field!.height))).toBeLessThan(8);
  // So the list gets the rest of the window: at least 18 rows of 32 px in view.
  const list = await page.locator('.table-scroll').boundingBox();
  expect(list!.height).toBeGreaterThanOrEqual(18 * 32);
  // The less-used filters wait behind one button and still work.
  await page.getByText('Weitere Filter', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Kategorie' }).selectOption('A');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Weitere Filter (1)')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kategorie' })).toHaveCount(0);
  await page.getByText('Weitere Filter (1)').click();
  await page.getByRole('combobox', { name: 'Kategorie' }).selectOption('');
  await page.keyboard.press('Escape');

  // Both Jürgens are told apart without hovering, and the cells are not cut off.
  // The eye reads "J. Krämer"; a screen reader hears the full name.
  const kraemer = table.getByRole('cell', { name: 'Jürgen Krämer', exact: true }).first();
  await expect(kraemer).toBeVisible();
  await expect(kraemer.locator('[aria-hidden="true"]')).toHaveText('J. Krämer');
  await page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Meine Kunden' });
  const weissmueller = table.getByRole('cell', { name: 'Jürgen Weißmüller', exact: true }).first();
  await expect(weissmueller).toBeVisible();
  await expect(weissmueller.locator('[aria-hidden="true"]')).toHaveText('J. Weißmüller');
  await page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  expect(await cutOff(page, '.customer-table tbody td.col-owner')).toEqual([]);
  // The last contact's year and a lifecycle like "Interessent" are read whole too.
  expect(await cutOff(page, '.customer-table tbody td.col-lastContact')).toEqual([]);
  expect(await cutOff(page, '.customer-table tbody td.col-lifecycle')).toEqual([]);
  // ... and the default columns still fit the window: no sideways scrolling.
  await expect(page.locator('.customer-table')).not.toHaveClass(/sideways/);

  // Fälligkeit: sorted ascending, the most urgent first, with the number of days readable.
  await table.getByRole('button', { name: 'Fälligkeit' }).click();
  const due = table.locator('tbody td.col-due');
  await expect(due.first()).toHaveText(/^(Nie besucht|\d+ Tage? überfällig)$/);
  await expect(due.filter({ hasText: /^\d+ Tage? überfällig$/ }).first()).toBeVisible();
  expect(await cutOff(page, '.customer-table tbody td.col-due')).toEqual([]);
  // Descending: within rhythm first ("Noch 45 Tage"), and never the accounts without a rhythm.
  await table.getByRole('button', { name: 'Fälligkeit' }).click();
  await expect(due.first()).toHaveText(/^Noch \d+ Tage?$/);

  // "Kontakt erfassen" on an account fits the window: Speichern is in view without scrolling.
  await table.getByRole('row').nth(1).click();
  await expect(page.getByRole('heading', { level: 2, name: /Ansprechpartner/ })).toBeVisible();
  await page.getByRole('button', { name: 'Kontakt erfassen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  const save = dialog.getByRole('button', { name: 'Speichern' });
  await expect(save).toBeInViewport({ ratio: 1 });
  const box = await dialog.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(800);

  // On a lower window the dialog scrolls its body, and Speichern stays in view and usable.
  await page.setViewportSize({ width: 1366, height: 560 });
  await expect(save).toBeInViewport({ ratio: 1 });
  expect(await dialog.evaluate((d) => d.scrollHeight > d.clientHeight)).toBe(true);
  await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
  await expect(save).toBeInViewport({ ratio: 1 });
  await expect(save).toBeEnabled();
  // And at the top of the scrolled body too.
  await dialog.evaluate((d) => d.scrollTo(0, 0));
  await expect(save).toBeInViewport({ ratio: 1 });
});

test('sorting by Fälligkeit puts accounts without a rhythm last, in both directions', async ({ page }) => {
  await firstRunInGerman(page);
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  // Name order (A…E) differs from due order, so neither sort can pass by keeping the list as it was.
  const rows: Array<[string, string, string | undefined]> = [
    ['Aal Lead GmbH', 'lead', ago(400)],
    ['Birke Bald GmbH', 'customer', ago(30)],
    ['Cedern Ehemalig GmbH', 'former', ago(400)],
    ['Dach Spät GmbH', 'customer', ago(200)],
    ['Eiche Nie GmbH', 'customer', undefined],
  ];
  await putRows(page, { accounts: rows.map(([name, lifecycle, last]) => accountRow(name, { lifecycle, ...(last ? { lastHumanContactAt: last } : {}) })) });
  await page.reload();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  const table = page.getByRole('table', { name: 'Kundenliste' });
  const names = table.locator('tbody td.col-name');
  await expect(names).toHaveCount(5);
  await table.getByRole('button', { name: 'Fälligkeit' }).click();
  await expect(names).toHaveText(['Eiche Nie GmbH', 'Dach Spät GmbH', 'Birke Bald GmbH', 'Aal Lead GmbH', 'Cedern Ehemalig GmbH']);
  await expect(table.locator('tbody td.col-due')).toHaveText(['Nie besucht', /^\d+ Tage überfällig$/, /^Noch \d+ Tage$/, '—', '—']);
  await table.getByRole('button', { name: 'Fälligkeit' }).click();
  await expect(names).toHaveText(['Birke Bald GmbH', 'Dach Spät GmbH', 'Eiche Nie GmbH', 'Aal Lead GmbH', 'Cedern Ehemalig GmbH']);
});

test('the empty list points at the buttons on the page, and the trash names a contact’s account', async ({ page }) => {
  await firstRunInGerman(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  const empty = page.getByText(/^Noch keine Kunden\./);
  await expect(empty).toContainText('„Importieren …“');
  await expect(empty).toContainText('„Neuer Kunde“');
  await expect(empty).not.toContainText('Einstellungen');
  await expect(page.getByRole('button', { name: 'Importieren …' })).toBeVisible();

  // An empty trash offers nothing to empty.
  await page.getByRole('button', { name: 'Papierkorb', exact: true }).click();
  await expect(page.getByText('Der Papierkorb ist leer.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Papierkorb leeren …' })).toHaveCount(0);

  // A deleted contact: the trash says whose contact it was.
  await seed(page, 2, 'Bäckerei Weiß');
  await page.reload();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  await page.getByRole('table', { name: 'Kundenliste' }).getByRole('cell', { name: 'Bäckerei Weiß 001 GmbH' }).click();
  await page.getByRole('button', { name: /Eva Muster1 löschen/ }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('button', { name: 'Papierkorb', exact: true }).click();
  const row = page.getByRole('list', { name: 'Papierkorb' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Eva Muster1');
  await expect(row).toContainText('Ansprechpartner bei Bäckerei Weiß 001 GmbH');
  await expect(page.getByRole('button', { name: 'Papierkorb leeren …' })).toBeVisible();
});
