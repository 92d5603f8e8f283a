/**
 * Everything shown on an account comes in from a German Excel list and goes out again in the export:
 * account type, status, owner (by name, spelled without umlauts), lead source, category, product lines,
 * customer number and revenue. The browser is in en-US while the app is German.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { download, firstRunInGerman } from './app-helpers';

test.use({ locale: 'en-US' });

test.beforeEach(async ({ page }) => {
  // Saves go through the download path (Playwright cannot click the native save dialog).
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker = undefined;
  });
});

/** Text as German Excel saves "CSV (Trennzeichen-getrennt)": Windows-1252 bytes, no BOM. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '„': 0x84, '–': 0x96, '“': 0x93, '”': 0x94 };
  return Buffer.from([...text].map((ch) => {
    const code = special[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
    return code;
  }));
}

// Excel quotes a cell only when it holds the separator; its money cells read as the sheet shows them.
const CSV = [
  'Kundennummer;Firma;PLZ;Ort;Kundentyp;Status;Betreuer;Herkunft;Kategorie;Produktlinien;Jahresumsatz;Vorname;Nachname',
  'K-1001;Bäckerei Weiß & Söhne;01067;Dresden;Erweitern;Kunde;anna schroeder;SHK-Messe Essen 2026;A;"Heizung; Sanitär";1.234,56 €;Greta;Weiß',
  'K-1002;Huber GmbH;80331;München;BEIBEHALTEN;Interessent;Jorg Weiss;;d;Klima;12.000;;',
  'K-1003;Meier OHG;80331;München;Expand;Kunde;Hans Unbekannt;;B;;500;;',
].join('\r\n') + '\r\n';


test('a German Excel list with type, status, owner, source, category, product lines and revenue imports, shows and exports', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  const csvPath = join(dir, 'kunden.csv');
  writeFileSync(csvPath, windows1252(CSV));

  await firstRunInGerman(page);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav).toBeVisible();

  // A colleague and a trade fair the list names.
  await nav.getByRole('link', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Teammitglied hinzufügen' }).click();
  const member = page.getByRole('form', { name: 'Teammitglied hinzufügen' });
  await member.getByLabel('Name', { exact: true }).fill('Anna Schröder');
  await member.getByLabel('Kürzel').fill('AS');
  await member.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('region', { name: 'Team' })).toContainText('Anna Schröder');
  await nav.getByRole('link', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Lead-Quellen und Kampagnen' }).click();
  const source = page.getByRole('form', { name: 'Neue Lead-Quelle' });
  await source.getByLabel('Name').fill('SHK-Messe Essen 2026');
  await source.getByLabel('Kosten (€)').fill('4.800');
  await source.getByRole('button', { name: 'Quelle hinzufügen' }).click();
  await expect(page.getByRole('table', { name: 'Lead-Quellen und Kampagnen' })).toContainText('SHK-Messe Essen 2026');

  // Import: the columns are recognised, the revenue sample is read as German money.
  await page.goto('/#/settings/import-export');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Datei auswählen …' }).click();
  await (await chooser).setFiles(csvPath);
  await expect(page.getByLabel('Zeichensatz')).toHaveValue('windows-1252');
  const expected: Record<string, string> = {
    Kundentyp: 'account.accountType', Status: 'account.lifecycle', Betreuer: 'account.owner', Herkunft: 'account.leadSource',
    Kategorie: 'account.category', Produktlinien: 'account.productLines', Jahresumsatz: 'account.annualRevenue', Kundennummer: 'account.customerNumber',
  };
  for (const [header, target] of Object.entries(expected)) await expect(page.getByLabel(`Übernehmen als (Spalte „${header}“)`)).toHaveValue(target);
  await expect(page.getByRole('row', { name: /^Jahresumsatz/ })).toContainText('1.234,56 €');

  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
  // The unknown owner is a row error that names the column's field and the value, never a silent drop.
  await expect(page.getByText('Betreuer „Hans Unbekannt“ gehört nicht zum Team', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Import starten' }).click();
  await expect(page.getByRole('heading', { name: 'Importbericht' })).toBeVisible();
  await expect(page.getByText('Neu angelegt: 2 Kunden, 1 Ansprechpartner')).toBeVisible();

  // The list shows both accounts once every owner's are shown (it starts with the seat's own), with the columns the file gave.
  await nav.getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  const list = page.getByRole('table', { name: 'Kundenliste' });
  const listRow = list.getByRole('row').filter({ hasText: 'Bäckerei Weiß & Söhne' });
  for (const text of ['K-1001', 'Erweitern', 'Kunde', 'Anna Schröder']) await expect(listRow).toContainText(text);
  await expect(list.getByRole('row').filter({ hasText: 'Huber GmbH' })).toContainText('Beibehalten');

  // The account shows what the list said.
  await listRow.getByText('Bäckerei Weiß & Söhne').click();
  await expect(page.getByRole('heading', { name: 'Bäckerei Weiß & Söhne', level: 1 })).toBeVisible();
  const badges = page.getByRole('list', { name: 'Segment' });
  await expect(badges).toContainText('Erweitern');
  await expect(badges).toContainText('Kategorie A');
  await expect(badges).toContainText('Kunde');
  const facts = page.locator('.account-header dl.facts');
  await expect(facts).toContainText('Anna Schröder');
  await expect(facts).toContainText('K-1001');
  await expect(facts).toContainText('1.234,56 €');
  await expect(facts).toContainText('Heizung, Sanitär');
  await page.getByRole('button', { name: 'Bearbeiten' }).first().click();
  await expect(page.getByLabel('Herkunft')).toHaveValue(/.+/);
  await expect(page.getByLabel('Herkunft').locator('option:checked')).toHaveText('SHK-Messe Essen 2026');
  await page.getByRole('button', { name: 'Abbrechen' }).first().click();

  // The second account: "BEIBEHALTEN" and "Jorg Weiss" (the seat's own name without umlauts).
  await nav.getByRole('link', { name: 'Kunden' }).click();
  await list.getByText('Huber GmbH').click();
  await expect(page.getByRole('list', { name: 'Segment' })).toContainText('Beibehalten');
  await expect(page.locator('.account-header dl.facts')).toContainText('Jörg Weiß');

  // Export of the current view: every one of those columns, with the labels the app shows.
  await page.goto('/#/settings/import-export');
  const csv = readFileSync(await download(page, 'Als CSV (Excel)', dir), 'utf8').replace(/^\uFEFF/, '');
  const [headers = [], ...rows] = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data;
  const cell = (row: string[] | undefined, header: string) => row?.[headers.indexOf(header)];
  for (const header of Object.keys(expected)) expect(headers).toContain(header);
  const baeckerei = rows.find((r) => r.includes('Bäckerei Weiß & Söhne'));
  expect(cell(baeckerei, 'Kundentyp')).toBe('Erweitern');
  expect(cell(baeckerei, 'Status')).toBe('Kunde');
  expect(cell(baeckerei, 'Betreuer')).toBe('Anna Schröder');
  expect(cell(baeckerei, 'Herkunft')).toBe('SHK-Messe Essen 2026');
  expect(cell(baeckerei, 'Kategorie')).toBe('A');
  expect(cell(baeckerei, 'Produktlinien')).toBe('Heizung, Sanitär');
  expect(cell(baeckerei, 'Kundennummer')).toBe('K-1001');
  expect(cell(baeckerei, 'Jahresumsatz')).toBe('1234,56');
  const huber = rows.find((r) => r.includes('Huber GmbH'));
  expect([cell(huber, 'Kundentyp'), cell(huber, 'Status'), cell(huber, 'Betreuer'), cell(huber, 'Jahresumsatz')]).toEqual(['Beibehalten', 'Interessent', 'Jörg Weiß', '12000']);
});
