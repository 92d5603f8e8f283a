import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { firstRunInGerman, seed } from './app-helpers';

// A German user whose browser speaks English: automation that runs by itself, and NPS answers
// recorded in the log dialog and imported from a survey file written like Excel.
test.use({ locale: 'en-US' });

async function startWith(page: Page, prefix: string, count = 1): Promise<void> {
  await firstRunInGerman(page);
  await seed(page, count, prefix);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

async function openFirstCustomer(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'Kunden' }).click();
  // The seeded account has no Betreuer yet, so it is not among "Meine Kunden".
  await page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  const table = page.getByRole('table', { name: 'Kundenliste' });
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('Enter');
}

test('the threshold rule creates its task on save, without "Jetzt ausführen", once, also after a reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await startWith(page, 'Bäckerei Weiß');
  await nav(page).getByRole('link', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const rule = page.getByRole('group', { name: /Verkaufschance über Schwellenwert/ });
  // The box shows the stored rule: it turns checked once the save has landed, so click, then wait.
  await rule.getByRole('checkbox', { name: /Verkaufschance über Schwellenwert/ }).click();
  await expect(rule.getByRole('checkbox', { name: /Verkaufschance über Schwellenwert/ })).toBeChecked();
  const threshold = rule.getByLabel('Schwellenwert (€)');
  await threshold.fill('5.000');
  await threshold.press('Enter');
  await page.reload();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(threshold).toHaveValue(/^5\.000/);

  await openFirstCustomer(page);
  const panel = page.getByRole('region', { name: 'Angebote und Umsatz' });
  await panel.getByRole('button', { name: 'Neue Verkaufschance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Verkaufschance' });
  await dialog.getByLabel('Titel').fill('Ofenwartung');
  await dialog.getByLabel('Wert (€)').fill('25.000');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByText('Ofenwartung')).toBeVisible();

  // The task appears by itself on the account page; nobody pressed "Jetzt ausführen".
  const task = page.getByText('Anruf zum Angebot „Ofenwartung“');
  await expect(task).toHaveCount(1);
  await page.reload();
  await expect(page.getByText('Ofenwartung').first()).toBeVisible();
  // Start runs the rules again: still exactly one task.
  await page.waitForTimeout(5000);
  await expect(task).toHaveCount(1);

  await nav(page).getByRole('link', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const log = page.getByRole('list', { name: 'Protokoll' });
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await expect(log.getByRole('listitem')).toHaveText(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d — Verkaufschance über Schwellenwert: Aufgabe für Bäckerei Weiß 000 GmbH angelegt$/);
  await page.getByRole('region', { name: 'Protokoll' }).screenshot({ path: testInfo.outputPath('automation-log.png') });
});

test('an NPS answer recorded in the log dialog shows on the NPS card', async ({ page }) => {
  await startWith(page, 'Metzgerei Krämer');
  await page.keyboard.press('Control+l');
  const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await dialog.getByRole('combobox', { name: 'Kunde' }).fill('Metzgerei Krämer 000');
  await dialog.getByRole('listbox', { name: 'Kunde' }).getByRole('option').first().click();
  await dialog.getByRole('checkbox', { name: 'Eva Muster0' }).check();
  await dialog.getByLabel('Betreff').fill('Zufriedenheit abgefragt');
  const nps = dialog.getByLabel('NPS-Antwort (0–10)');
  await nps.fill('11');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText('Bitte eine ganze Zahl von 0 bis 10 eingeben.')).toBeVisible();
  await nps.fill('9');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  await nav(page).getByRole('link', { name: 'Berichte' }).click();
  const card = page.getByRole('article', { name: 'Net Promoter Score (NPS)' });
  await expect(card.getByTestId('kpi-value-nps')).toHaveText(/100/);
  await expect(card).toContainText('1');
});

/** A day as German Excel writes it: 07.12.2026. */
const german = (d: Date) => `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;

test('NPS answers import from a survey CSV written like Excel: every row accounted for, the bad one named', async ({ page }, testInfo) => {
  await startWith(page, 'Autohaus Jörg', 3);
  const today = new Date();
  const yesterday = new Date(today.getTime() - 86_400_000);
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'nps-umfrage.csv');
  const lines = [
    'Name;Firma;Datum;NPS;Kommentar',
    `Eva Muster0;Autohaus Jörg 000 GmbH;${german(today)};10;"Sehr zufrieden; gerne wieder"`,
    `eva muster1;AUTOHAUS JOERG 001 GMBH;${german(yesterday)};3;`,
    `Eva Muster2;Autohaus Jörg 002 GmbH;${german(yesterday)};zehn;`,
  ];
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]));

  await nav(page).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('button', { name: 'Importieren …' }).click();
  const section = page.getByRole('region', { name: 'NPS-Antworten importieren' });
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'NPS-Antworten laden …' }).click();
  await (await chooser).setFiles(path);
  await expect(section.getByRole('status')).toHaveText('3 Zeilen: 2 neu, 0 übersprungen, 1 mit Fehlern.');
  const rows = section.getByRole('list', { name: 'Ergebnis je Zeile' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toHaveText('Zeile 4: „zehn“ ist kein NPS-Wert (eine ganze Zahl von 0 bis 10).');
  await section.screenshot({ path: testInfo.outputPath('nps-import.png') });
  await section.getByRole('button', { name: '2 Antworten übernehmen' }).click();
  await expect(section.getByRole('status')).toHaveText('2 NPS-Antworten gespeichert.');

  // The same file again stores nothing twice.
  const again = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'NPS-Antworten laden …' }).click();
  await (await again).setFiles(path);
  await expect(section.getByRole('status')).toHaveText('3 Zeilen: 0 neu, 2 übersprungen, 1 mit Fehlern.');

  // One promoter (10), one detractor (3): NPS 0 from 2 answers.
  await nav(page).getByRole('link', { name: 'Berichte' }).click();
  const card = page.getByRole('article', { name: 'Net Promoter Score (NPS)' });
  await expect(card.getByTestId('kpi-value-nps')).toHaveText(/^[+±]?0/);
  await expect(card).toContainText('2');
});
