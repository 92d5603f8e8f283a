import { expect, test } from '@playwright/test';
import { firstRunInGerman } from './app-helpers';

// Browser in en-US, app in German: an account whose postcode and town are unknown shows up on the Plan page as
// not placed; the user chooses the town; it is placed (Plan list empty, account page names the town).
test.use({ locale: 'en-US' });

test('an account that cannot be placed gets its town chosen by hand', async ({ page }, testInfo) => {
  await firstRunInGerman(page);
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Neuer Kunde' });
  await dialog.getByLabel('Name', { exact: true }).fill('Bäckerei Weiß');
  await dialog.getByLabel('PLZ', { exact: true }).fill('99999');
  await dialog.getByLabel('Ort', { exact: true }).fill('Kleinkleckersdorf');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bäckerei Weiß' })).toBeVisible();
  await expect(page.getByText('Nicht verortet —')).toBeVisible();

  await page.getByRole('link', { name: 'Plan' }).click();
  const list = page.getByRole('region', { name: '1 Kunde nicht verortet' });
  await expect(list).toContainText('Bäckerei Weiß');
  await expect(list).toContainText('99999 Kleinkleckersdorf');
  await list.getByRole('button', { name: 'Ort wählen für Bäckerei Weiß' }).click();

  const picker = page.getByRole('dialog', { name: 'Ort wählen: Bäckerei Weiß' });
  await expect(picker.getByText('Kein Ort gefunden.')).toBeVisible();
  // Typed as on a keyboard without umlauts; the fold finds Bamberg's neighbour too but Bamberg first.
  await picker.getByLabel('Ort suchen').fill('bamberg');
  await expect(picker.getByRole('button').first()).toContainText('Bamberg');
  await expect(picker.getByRole('button').first()).toContainText('Land BY · DE');
  await page.screenshot({ path: testInfo.outputPath('place-picker-de.png') });
  await picker.getByRole('button').first().click();
  await expect(picker).toBeHidden();
  await expect(page.getByRole('region', { name: /nicht verortet/ })).toHaveCount(0);

  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('row', { name: /Bäckerei Weiß/ }).click();
  await expect(page.getByText('Verortet (von Hand gewählt): Bamberg')).toBeVisible();
});
