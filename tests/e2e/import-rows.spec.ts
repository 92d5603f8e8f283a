/**
 * Every row of a hand-edited Excel CSV is accounted for, with the browser in en-US and the app in
 * German: an unquoted =HYPERLINK(…;…) cell is two cells and swallows no line, a row cut short after
 * 5 of 17 cells and a quote never closed are named with their row numbers, and the rows after them
 * are imported. The outcome counts on the report add up to the file's data rows.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { firstRunInGerman } from './app-helpers';

test.use({ locale: 'en-US' });

// The report is saved through the bridge's download path (Playwright cannot click the native save dialog).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker = undefined;
  });
});

/** Windows-1252 bytes, as German Excel saves "CSV (Trennzeichen-getrennt)". */
function cp1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '–': 0x96 };
  return Buffer.from([...text].map((c) => special[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

const HEADER = 'Kundennummer;Firma;Straße;PLZ;Ort;Land;Telefon;E-Mail;Webseite;Kategorie;Umsatz;Anrede;Vorname;Nachname;Position;Mobil;Bemerkung';
const ROWS = [
  /* 2 */ 'K-1001;Müller Haustechnik GmbH;Königstraße 12;70173;Stuttgart;Deutschland;0711 123456;info@mueller-haustechnik.de;;A;1.234,56;;;;;;Stammkunde seit 2019',
  /* 3 */ 'K-1002;Hofmann KG;Ring 1;80331;München;Deutschland;089 1;;=HYPERLINK("http://hofmann.de";"klick");B;;;;;;;',
  /* 4 */ 'K-1003;Bäckerei Weiß & Söhne;Große Straße 3;01067;Dresden;Deutschland;0351 987654;kontakt@baeckerei-weiss.de;;B;99,5;;;;;;"Lieferung nur vormittags; 5 € Rabatt"',
  /* 5 */ 'K-1004;Schäfer Elektro e.K.;Am Mühlbach 7;01069;Dresden',
  /* 6 */ 'K-1005;Bauer KG;Hauptstraße 1;10115;Berlin;Deutschland;030 1;;;C;;Frau;Anna;Bauer;Einkauf;;',
  /* 7 */ 'K-1005;Bauer KG;Hauptstraße 1;10115;Berlin;Deutschland;030 1;;;C;;Herr;Jörg;Bauer;Technik;;',
  /* 8 */ 'K-1005;Bauer KG;Hauptstraße 1;10115;Berlin;Deutschland;030 1;;;C;;Frau;Anna;Bauer;Einkauf;;',
  /* 9 */ 'K-1006;"Zimmerei Holz;Weg 2;20095;Hamburg;Deutschland;040 1;;;C;;;;;;;',
  /* 10 */ 'K-1007;Weber OHG;Elbchaussee 9;22765;Hamburg;Deutschland;040 2;;;A;;;;;;;',
];

test('a hand-edited Excel CSV: every row has one outcome, broken rows are named, the rows after them are customers', async ({ page }, testInfo) => {
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'kunden-bearbeitet.csv');
  writeFileSync(path, cp1252(`${[HEADER, ...ROWS].join('\r\n')}\r\n`));

  await firstRunInGerman(page);
  await page.goto('/#/settings/import-export');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Datei auswählen …' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByLabel('Zeichensatz')).toHaveValue('windows-1252');
  await expect(page.getByLabel('Trennzeichen')).toHaveValue(';');
  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
  const preview = page.getByRole('table', { name: /Vorschau/ });
  await expect(preview.getByRole('row', { name: /^5 / })).toContainText('Zu wenige Zellen (5 statt 17)');
  await expect(preview.getByRole('row', { name: /^4 / })).toContainText('✓');
  await page.getByRole('button', { name: 'Import starten' }).click();

  await expect(page.getByRole('heading', { name: 'Importbericht' })).toBeVisible();
  await expect(page.getByText('Datei „kunden-bearbeitet.csv“: 9 Datenzeilen gelesen')).toBeVisible();
  const outcomes = page.getByRole('table', { name: 'Ergebnis je Zeile' });
  const count = (name: string) => outcomes.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
  await expect(count('Neu angelegt')).toHaveText('4');
  await expect(count('Vorhandenes aktualisiert')).toHaveText('0');
  await expect(count('Vorhandenem Kunden hinzugefügt')).toHaveText('1');
  await expect(count('Übersprungen')).toHaveText('1');
  await expect(count('Fehler, nicht übernommen')).toHaveText('3');
  await expect(count('Summe')).toHaveText('9');
  await expect(page.getByText('Neu angelegt: 4 Kunden, 2 Ansprechpartner')).toBeVisible();

  const details = page.getByRole('table', { name: 'Einzelheiten je Zeile' });
  await expect(details.getByRole('row', { name: /^3 / })).toContainText('Mehr Zellen als Spaltenüberschriften (18 statt 17)');
  await expect(details.getByRole('row', { name: /^5 / })).toContainText('Zu wenige Zellen (5 statt 17)');
  await expect(details.getByRole('row', { name: /^7 / })).toContainText('Als Ansprechpartner zu „Bauer KG“ hinzugefügt: gleiche Firma wie Zeile 6.');
  await expect(details.getByRole('row', { name: /^8 / })).toContainText('Doppelt in der Datei (wie Zeile 6), übersprungen.');
  await expect(details.getByRole('row', { name: /^9 / })).toContainText('wird bis zum Dateiende nicht geschlossen');
  await expect(details.getByRole('row', { name: /^(2|4|6|10) / })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('report-rows-de.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Bericht herunterladen', exact: true }).click();
  const file = await download;
  const saved = join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  const report = readFileSync(saved, 'utf8');
  expect(report).toContain('5;;Zu wenige Zellen (5 statt 17): Die Zeile ist wohl abgeschnitten und wurde nicht übernommen.');
  expect(report).toContain('8;Ansprechpartner;Doppelt in der Datei (wie Zeile 6), übersprungen.');

  // The row after the HYPERLINK row and the row after the open quote are customers; the cut-short one is not.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  const table = page.getByRole('table', { name: 'Kundenliste' });
  await expect(page.getByRole('status').filter({ hasText: 'Kunden' })).toHaveText('4 Kunden');
  await expect(table).toContainText('Bäckerei Weiß & Söhne');
  await expect(table).toContainText('Weber OHG');
  await expect(table).toContainText('Müller Haustechnik GmbH');
  await expect(table).not.toContainText('Schäfer Elektro');
  await expect(table).not.toContainText('Hofmann');
});
