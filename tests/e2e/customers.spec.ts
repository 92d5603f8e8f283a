import { expect, test, type Page } from '@playwright/test';
import { firstRunInGerman } from './app-helpers';

async function startEmpty(page: Page, name: string, button: RegExp): Promise<void> {
  await page.goto('/');
  await page.locator('input[autocomplete="name"]').fill(name);
  await page.getByRole('button', { name: button }).click();
}

async function createAccount(page: Page, dialogName: string, fields: Record<string, string>, submit: string): Promise<void> {
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: submit }).click();
  await expect(dialog).toBeHidden();
}

test('German: create, find with umlaut variants, edit, merge and delete-then-undo accounts', async ({ page }, testInfo) => {
  await startEmpty(page, 'Anna Schröder', /Mit leerem Kundenstamm/);
  await page.getByRole('link', { name: 'Kunden' }).click();
  await expect(page.getByText(/Noch keine Kunden/)).toBeVisible();

  // Ctrl+N opens the form; saving it empty and with a bad postal code says what is wrong, at the field.
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Neuer Kunde' });
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Bitte korrigieren Sie 1 Angabe.');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Bitte ausfüllen.');
  await dialog.getByLabel('Name', { exact: true }).fill('Müller Haustechnik GmbH');
  await dialog.getByLabel('PLZ', { exact: true }).fill('8033');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(dialog.getByLabel('PLZ', { exact: true })).toHaveAccessibleDescription(/passt nicht zum Land/);
  await dialog.getByLabel('PLZ', { exact: true }).fill('80331');
  await dialog.getByLabel('Ort', { exact: true }).fill('München');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Müller Haustechnik GmbH' })).toBeVisible();

  // A contact with a birthday without year.
  await page.getByRole('button', { name: 'Ansprechpartner hinzufügen' }).click();
  const contactForm = page.getByRole('form', { name: 'Neuer Ansprechpartner' });
  await contactForm.getByLabel('Vorname', { exact: true }).fill('Jürgen');
  await contactForm.getByLabel('Nachname', { exact: true }).fill('Weiß');
  await contactForm.getByLabel('Tag', { exact: true }).fill('29');
  await contactForm.getByLabel('Monat', { exact: true }).fill('2');
  await contactForm.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Geburtstag 29.02.')).toBeVisible();

  // Creating the same customer again warns while typing, with a link to the existing one.
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.keyboard.press('Control+n');
  await dialog.getByLabel('Name', { exact: true }).fill('Mueller Haustechnik');
  await dialog.getByLabel('PLZ', { exact: true }).fill('80331');
  await expect(dialog.getByText('„Müller Haustechnik GmbH“, 80331 München existiert bereits.')).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Öffnen' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('new-account-duplicate-de.png') });
  await dialog.getByLabel('Ort', { exact: true }).fill('München');
  await dialog.getByLabel('Telefon', { exact: true }).fill('089 123456');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mueller Haustechnik' })).toBeVisible();
  await createAccount(page, 'Neuer Kunde', { Name: 'Schulze Bau KG', PLZ: '50667', Ort: 'Köln' }, 'Kunde anlegen');

  // Find with umlaut variants: ü/ue, ß/ss, any case; contacts' names count too.
  await page.getByRole('link', { name: 'Kunden' }).click();
  const table = page.getByRole('table', { name: 'Kundenliste' });
  const count = page.getByRole('status').filter({ hasText: /Kunde/ }).first();
  await expect(count).toHaveText('3 Kunden');
  const search = page.getByRole('searchbox', { name: 'Suche' });
  for (const q of ['müller', 'MUELLER', 'haustechnik münchen']) {
    await search.fill(q);
    await expect(count).toHaveText('2 Kunden');
  }
  await search.fill('weiss');
  await expect(count).toHaveText('1 Kunde');
  await expect(table.getByRole('row').nth(1)).toContainText('Müller Haustechnik GmbH');
  await search.fill('koeln');
  await expect(table.getByRole('row').nth(1)).toContainText('Schulze Bau KG');
  await search.fill('');
  await page.screenshot({ path: testInfo.outputPath('customers-de.png') });

  // Every default column fits a 1366 px window, and arrow keys move between rows.
  expect(page.viewportSize()?.width).toBe(1366);
  const lastHeader = await table.getByRole('columnheader').last().boundingBox();
  expect((lastHeader?.x ?? Infinity) + (lastHeader?.width ?? 0)).toBeLessThanOrEqual(1366);
  // …inside the list's own edge: nothing to scroll sideways.
  expect(await page.locator('.table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('row').nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(table.getByRole('row').nth(1)).toBeFocused();

  // Edit in place on the account page.
  await table.getByRole('row', { name: /Müller Haustechnik GmbH/ }).click();
  await page.getByRole('button', { name: 'Bearbeiten', exact: true }).first().click();
  await page.getByLabel('Website', { exact: true }).fill('www.mueller-haustechnik.de');
  await page.locator('.account-header').getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByText('www.mueller-haustechnik.de')).toBeVisible();

  // An open complaint: the list marks the account's row with a badge.
  await page.getByRole('button', { name: 'Reklamation erfassen' }).click();
  const logDialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await logDialog.getByLabel('Betreff').fill('Heizung fällt aus');
  await logDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(logDialog).toBeHidden();

  // Merge with a preview; undo it from the toast; then merge for good.
  await page.getByRole('button', { name: 'Zusammenführen …' }).click();
  const merge = page.getByRole('dialog', { name: /zusammenführen/ });
  await merge.getByLabel(/Anderen Kunden suchen/).fill('Mueller');
  await merge.getByRole('button', { name: /Mueller Haustechnik/ }).click();
  await expect(merge.getByText('Es bleibt: Müller Haustechnik GmbH, 80331 München. In den Papierkorb geht: Mueller Haustechnik, 80331 München.')).toBeVisible();
  await expect(merge.getByText(/Ergänzte Felder: Telefon/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('merge-preview-de.png') });
  await merge.getByRole('button', { name: 'Zusammenführen', exact: true }).click();
  const toast = page.locator('.toast');
  await expect(toast).toContainText('„Mueller Haustechnik“ wurde mit „Müller Haustechnik GmbH“ zusammengeführt.');
  await expect(page.getByText('089 123456')).toBeVisible();
  await toast.getByRole('button', { name: /Rückgängig/ }).click();
  await expect(page.getByText('089 123456')).toBeHidden();
  await page.getByRole('link', { name: 'Kunden' }).click();
  await expect(count).toHaveText('3 Kunden');
  await expect(table.getByRole('row', { name: /^Müller Haustechnik GmbH Offene Reklamation / })).toBeVisible();
  await expect(table.getByRole('row', { name: /Offene Reklamation/ })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('customers-complaint-de.png') });

  // Delete, then undo with Ctrl+Z; delete again, restore from the trash, delete and empty the trash.
  await table.getByRole('row', { name: /Schulze Bau KG/ }).click();
  await page.getByRole('button', { name: 'Löschen', exact: true }).click();
  await expect(toast).toContainText('„Schulze Bau KG“ liegt im Papierkorb.');
  await expect(count).toHaveText('2 Kunden');
  await page.keyboard.press('Control+z');
  await expect(count).toHaveText('3 Kunden');
  await table.getByRole('row', { name: /Schulze Bau KG/ }).click();
  await page.getByRole('button', { name: 'Löschen', exact: true }).click();
  await page.getByRole('button', { name: 'Papierkorb' }).click();
  await page.getByRole('button', { name: 'Schulze Bau KG wiederherstellen' }).click();
  await expect(page.getByText('Der Papierkorb ist leer.')).toBeVisible();
  await page.getByRole('button', { name: 'Zurück zur Kundenliste' }).click();
  await expect(count).toHaveText('3 Kunden');
  await table.getByRole('row', { name: /Schulze Bau KG/ }).click();
  await page.getByRole('button', { name: 'Löschen', exact: true }).click();
  await page.getByRole('button', { name: 'Papierkorb' }).click();
  await page.getByRole('button', { name: 'Papierkorb leeren …' }).click();
  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page.getByText('1 Kunde wurde endgültig gelöscht.')).toBeVisible();

  await page.getByRole('button', { name: 'Zurück zur Kundenliste' }).click();
  await table.getByRole('row', { name: /Müller Haustechnik GmbH/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Ansprechpartner/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('account-de.png'), fullPage: true });
});

test('English: create, find, edit, merge (contacts move over) and delete-then-undo accounts', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await startEmpty(page, 'Sam Taylor', /Start with an empty customer base/);
  await page.getByRole('link', { name: 'Customers' }).click();
  await createAccount(page, 'New customer', { Name: 'Weiß Elektro GmbH', 'Postal code': '10115', City: 'Berlin' }, 'Create customer');
  await expect(page.getByRole('heading', { level: 1, name: 'Weiß Elektro GmbH' })).toBeVisible();

  // The second one is a duplicate: warned about, created anyway, with a contact of its own.
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New customer' });
  await dialog.getByLabel('Name', { exact: true }).fill('Weiss Elektro');
  await dialog.getByLabel('Postal code', { exact: true }).fill('10115');
  await expect(dialog.getByText('“Weiß Elektro GmbH”, 10115 Berlin already exists.')).toBeVisible();
  await dialog.getByLabel('E-mail', { exact: true }).fill('not-an-address');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await expect(dialog.getByLabel('E-mail', { exact: true })).toHaveAccessibleDescription(/valid e-mail address/);
  await dialog.getByLabel('E-mail', { exact: true }).fill('info@weiss-elektro.de');
  await dialog.getByRole('button', { name: 'Create customer' }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  const contactForm = page.getByRole('form', { name: 'New contact' });
  await contactForm.getByLabel('Last name', { exact: true }).fill('Öztürk');
  await contactForm.getByLabel('First name', { exact: true }).fill('Aylin');
  await contactForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.contact-list').getByText('Aylin Öztürk')).toBeVisible();

  await page.getByRole('link', { name: 'Customers' }).click();
  const count = page.getByRole('status').filter({ hasText: /customer/ }).first();
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const q of ['weiss', 'WEIß', 'oeztuerk', 'öztürk']) {
    await search.fill(q);
    await expect(count).toHaveText(q.includes('zt') ? '1 customer' : '2 customers');
  }
  await search.fill('');
  await page.screenshot({ path: testInfo.outputPath('customers-en.png') });

  // Edit in place, then merge the duplicate into it: its contact moves over; undo with Ctrl+Z.
  const table = page.getByRole('table', { name: 'Customer list' });
  await table.getByRole('row', { name: /Weiß Elektro GmbH/ }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
  await page.getByLabel('Category (A–D)').selectOption('A');
  await page.locator('.account-header').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Category A')).toBeVisible();
  await page.getByRole('button', { name: 'Merge …' }).click();
  const merge = page.getByRole('dialog', { name: /Merge/ });
  await merge.getByLabel(/Find the other customer/).fill('weiss');
  await merge.getByRole('button', { name: /Weiss Elektro/ }).click();
  await expect(merge.getByText('1 contact moves over')).toBeVisible();
  await expect(merge.getByText(/Fields filled in: E-mail/)).toBeVisible();
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.locator('.contact-list').getByText('Aylin Öztürk')).toBeVisible();
  await expect(page.getByText('info@weiss-elektro.de')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('account-en.png'), fullPage: true });
  await page.locator('body').press('Control+z');
  await expect(page.locator('.contact-list').getByText('Aylin Öztürk')).toBeHidden();

  // Delete, then undo with the toast's button.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const toast = page.locator('.toast');
  await expect(toast).toContainText('“Weiß Elektro GmbH” was moved to the trash.');
  await expect(count).toHaveText('1 customer');
  await toast.getByRole('button', { name: /Undo/ }).click();
  await expect(count).toHaveText('2 customers');
  await context.close();
});

test.describe('search folds both ways (the app in German, the browser in en-US)', () => {
  test.use({ locale: 'en-US' });

  test('"muller", "koln" and "schloss" find Müller, Köln and Schloßstraße 5; the warning and the pickers fold alike', async ({ page }) => {
    await firstRunInGerman(page);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
    await createAccount(page, 'Neuer Kunde', { Name: 'Müller GmbH', Straße: 'Schloßstraße 5', PLZ: '80331', Ort: 'München' }, 'Kunde anlegen');
    await expect(page.getByRole('heading', { level: 1, name: 'Müller GmbH' })).toBeVisible();
    await createAccount(page, 'Neuer Kunde', { Name: 'Schulze Bau KG', Straße: 'Hauptstr. 12', PLZ: '50667', Ort: 'Köln' }, 'Kunde anlegen');
    await createAccount(page, 'Neuer Kunde', { Name: 'Bauer Elektro', Straße: 'Am Markt 1', PLZ: '10115', Ort: 'Berlin' }, 'Kunde anlegen');

    // Typed key by key into the list's search, as a rep without umlauts on the keyboard types.
    await page.getByRole('link', { name: 'Kunden' }).click();
    const table = page.getByRole('table', { name: 'Kundenliste' });
    const count = page.getByRole('status').filter({ hasText: /Kunde/ }).first();
    await expect(count).toHaveText('3 Kunden');
    const search = page.getByRole('searchbox', { name: 'Suche' });
    const expectFound = async (query: string, name: string) => {
      await search.fill('');
      await expect(count).toHaveText('3 Kunden');
      await search.pressSequentially(query, { delay: 30 });
      await expect(count, query).toHaveText('1 Kunde');
      await expect(table.getByRole('row').nth(1)).toContainText(name);
    };
    await expectFound('muller', 'Müller GmbH');
    await expectFound('MÜLLER', 'Müller GmbH');
    await expectFound('koln', 'Schulze Bau KG');
    await expectFound('schloss', 'Müller GmbH');
    await expectFound('hauptstrasse', 'Schulze Bau KG');
    await expectFound('schlossstr.', 'Müller GmbH');
    await search.fill('');

    // The account form warns about Müller GmbH while "Muller GmbH" is typed, before any postal code.
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Neuer Kunde' });
    await dialog.getByLabel('Name', { exact: true }).pressSequentially('Muller GmbH', { delay: 30 });
    await expect(dialog.getByText('„Müller GmbH“, 80331 München existiert bereits.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // "Kontakt erfassen" (Ctrl+L from anywhere) finds the customer by street and by city.
    await page.keyboard.press('Control+l');
    const log = page.getByRole('dialog', { name: 'Kontakt erfassen' });
    const picker = log.getByRole('combobox', { name: 'Kunde' });
    const options = log.getByRole('listbox', { name: 'Kunde' }).getByRole('option');
    await picker.pressSequentially('schloss', { delay: 30 });
    await expect(options).toHaveText([/^Müller GmbH/]);
    await picker.fill('');
    await picker.pressSequentially('koln', { delay: 30 });
    await expect(options).toHaveText([/^Schulze Bau KG/]);
    await log.getByRole('button', { name: 'Entwurf verwerfen' }).click();
    await expect(log).toBeHidden();

    // The merge dialog's search folds the same way.
    await table.getByRole('row', { name: /Bauer Elektro/ }).click();
    await page.getByRole('button', { name: 'Zusammenführen …' }).click();
    const merge = page.getByRole('dialog', { name: /zusammenführen/ });
    const other = merge.getByRole('searchbox', { name: /Anderen Kunden suchen/ });
    await other.pressSequentially('koeln', { delay: 30 });
    await expect(merge.getByRole('button', { name: /Schulze Bau KG/ })).toBeVisible();
    await other.fill('');
    await other.pressSequentially('muller', { delay: 30 });
    await expect(merge.getByRole('listitem')).toHaveText([/^Müller GmbH/]);
  });
});
