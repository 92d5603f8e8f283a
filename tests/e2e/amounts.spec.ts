/**
 * Amounts as German users type them, with the browser in en-US and the app in German: "1.500" is
 * fifteen hundred euros wherever an amount is typed (a sale, a deal, a lead source's cost), the field
 * shows back what it read before saving, and "1.5" is refused instead of guessed.
 */
import { expect, test } from '@playwright/test';
import { firstRunInGerman } from './app-helpers';

test.use({ locale: 'en-US' });


test('"1.500" and "1.234,56" are read as German amounts, shown back, and stored as such', async ({ page }) => {
  await firstRunInGerman(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('button', { name: 'Neuer Kunde' }).first().click();
  const form = page.getByRole('dialog', { name: 'Neuer Kunde' });
  await form.getByLabel('Name', { exact: true }).fill('Bäckerei Weiß');
  await form.getByLabel('PLZ', { exact: true }).fill('80331');
  await form.getByLabel('Ort', { exact: true }).fill('München');
  await form.getByLabel('Jahresumsatz').fill('120.000');
  await expect(form.getByLabel('Jahresumsatz')).toHaveAccessibleDescription('= 120.000,00 €');
  await form.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { name: 'Bäckerei Weiß', level: 1 })).toBeVisible();

  // A sale of 1.500 € (it was stored as 1,50 €).
  const panel = page.getByRole('region', { name: 'Angebote und Umsatz' });
  await panel.getByRole('button', { name: 'Umsatz erfassen' }).click();
  const sale = panel.getByRole('form', { name: 'Umsatz erfassen' });
  const amount = sale.getByLabel('Betrag (€)');
  await amount.fill('1.5');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveAccessibleDescription(/„1\.5“ ist kein Betrag/);
  await amount.fill('1.500');
  await expect(amount).toHaveAccessibleDescription('= 1.500,00 €');
  await sale.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByRole('table', { name: 'Umsätze des Kunden' })).toContainText('1.500,00 €');

  // A deal worth 1.234,56 € (the number field refused it).
  await panel.getByRole('button', { name: 'Neue Verkaufschance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Verkaufschance' });
  await dialog.getByLabel('Titel').fill('Ofen für die Filiale');
  await dialog.getByLabel('Wert (€)').fill('1.234,56');
  await expect(dialog.getByLabel('Wert (€)')).toHaveAccessibleDescription('= 1.234,56 €');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Ofen für die Filiale')).toBeVisible();
  await expect(panel).toContainText('1.234,56 €');

  // The revenue typed as "120.000" was stored as 120.000 €: editing shows it back that way.
  await page.getByRole('button', { name: 'Bearbeiten' }).first().click();
  await expect(page.getByLabel('Jahresumsatz')).toHaveValue('120.000');
});
