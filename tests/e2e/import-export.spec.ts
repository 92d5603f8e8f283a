import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { download } from './app-helpers';

const fixtures = resolve(import.meta.dirname, '../../shared/import/fixtures');
const PHONE = '+49 170 1234567';

async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Datei auswählen …' }).click();
  await (await chooser).setFiles(path);
}


// Playwright cannot click the native save dialog of showSaveFilePicker, so these tests save through the
// bridge's other path, a download built from the chunks (as in a browser without the picker); the last
// test stands a file of the origin's private file system in for the picked file.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker = undefined;
  });
});

/** Converts a file to UTF-8 CSV (`,`) with LibreOffice in its own profile, as another program would read it. */
function viaLibreOffice(path: string, outDir: string, infilter?: string): string[][] {
  const profile = `file:///tmp/rapport-lo-${process.pid}-${Date.now()}`;
  const args = [`-env:UserInstallation=${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', outDir, path];
  execFileSync('soffice', args, { stdio: 'pipe', timeout: 120_000 });
  const out = join(outDir, basename(path).replace(/\.[^.]+$/, '.csv'));
  return Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
}

async function importFile(page: Page, path: string): Promise<void> {
  if (await page.getByRole('button', { name: 'Andere Datei importieren' }).isVisible()) {
    await page.getByRole('button', { name: 'Andere Datei importieren' }).click();
  }
  await chooseFile(page, path);
  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
  await page.getByRole('button', { name: 'Import starten' }).click();
  await expect(page.getByRole('heading', { name: 'Importbericht' })).toBeVisible();
}

test('import a German Excel CSV and vCards, undo, and export CSV, XLSX and vCard that other programs read back', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });

  await page.goto('/');
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit leerem Kundenstamm starten' }).click();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await expect(page.getByText(/Noch keine Kunden/)).toBeVisible();

  // The import wizard opens from the customer list.
  await page.getByRole('button', { name: 'Importieren …' }).click();
  await expect(page.getByRole('heading', { name: 'Import und Export', level: 1 })).toBeVisible();
  await chooseFile(page, join(fixtures, 'excel-de-cp1252.csv'));

  // Detected: Windows-1252, semicolon; German headers mapped by suggestion.
  await expect(page.getByLabel('Zeichensatz')).toHaveValue('windows-1252');
  await expect(page.getByLabel('Trennzeichen')).toHaveValue(';');
  await expect(page.getByLabel('Übernehmen als (Spalte „Firma“)')).toHaveValue('account.name');
  await expect(page.getByLabel('Übernehmen als (Spalte „PLZ“)')).toHaveValue('account.postalCode');
  await expect(page.getByLabel('Übernehmen als (Spalte „Letzter Besuch“)')).toHaveValue('');
  await expect(page.getByRole('row', { name: /Straße/ })).toContainText('Königstraße 12');
  await page.screenshot({ path: testInfo.outputPath('mapping-de.png'), fullPage: true });

  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
  const preview = page.getByRole('table', { name: /Vorschau/ });
  await expect(preview.getByRole('row', { name: /^6 / })).toContainText('„info(at)hofmann.de“ ist keine gültige E-Mail-Adresse.');
  await expect(preview.getByRole('row', { name: /^2 / })).toContainText('✓');
  await page.getByRole('button', { name: 'Import starten' }).click();

  // The report: three customers created, row 6 rejected with its reasons.
  await expect(page.getByRole('heading', { name: 'Importbericht' })).toBeVisible();
  await expect(page.getByText('Neu angelegt: 3 Kunden, 0 Ansprechpartner')).toBeVisible();
  const errors = page.getByRole('table', { name: 'Einzelheiten je Zeile' });
  await expect(errors.getByRole('row', { name: /^6 E-Mail/ })).toContainText('keine gültige E-Mail-Adresse');
  await expect(errors.getByRole('row', { name: /^6 Kategorie/ })).toContainText('Kategorie „E“ gibt es nicht');
  await page.screenshot({ path: testInfo.outputPath('report-de.png'), fullPage: true });
  const report = readFileSync(await download(page, 'Bericht herunterladen', dir), 'utf8');
  expect(report.startsWith('\uFEFFZeile;Feld;Meldung')).toBe(true);
  expect(report).toContain('6;E-Mail (Firma);„info(at)hofmann.de“ ist keine gültige E-Mail-Adresse.');

  // The customers are there, found with umlaut folding.
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByLabel('Suche').fill('baeckerei weiss');
  const table = page.getByRole('table', { name: 'Kundenliste' });
  await expect(table.getByRole('row').nth(1)).toContainText('Bäckerei Weiß & Söhne');
  await page.getByLabel('Suche').fill('');
  await expect(page.getByRole('status').filter({ hasText: 'Kunden' })).toHaveText('3 Kunden');

  // Undo the import as a whole: the customers are gone again.
  await page.goto('/#/settings/import-export');
  await page.getByRole('button', { name: 'Import rückgängig machen' }).click();
  await expect(page.getByText('Der Import wurde rückgängig gemacht.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Letzte Importe' })).toContainText('rückgängig gemacht');
  await page.getByRole('link', { name: 'Kunden' }).click();
  await expect(page.getByText(/Noch keine Kunden/)).toBeVisible();

  // A vCard 4.0 file and a UTF-8 CSV with a phone number and a formula-like note.
  await page.goto('/#/settings/import-export');
  await importFile(page, join(fixtures, 'google-4.0.vcf'));
  await expect(page.getByText('Neu angelegt: 1 Kunde, 1 Ansprechpartner')).toBeVisible();
  const own = join(dir, 'eigene.csv');
  writeFileSync(own, `\uFEFFFirma;PLZ;Ort;Vorname;Nachname;Mobil;Notizen Person\nZimmerei Özdemir;80331;München;Jürgen;Weiß;${PHONE};=1+1\n`);
  await importFile(page, own);
  await expect(page.getByText('Neu angelegt: 1 Kunde, 1 Ansprechpartner')).toBeVisible();

  // CSV export, read by LibreOffice: the phone number and the formula-like text stay text.
  const csvPath = await download(page, 'Als CSV (Excel)', dir);
  const csvBytes = readFileSync(csvPath);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csvBytes.toString('utf8')).toContain(';Zimmerei Özdemir;');
  const fromCsv = viaLibreOffice(csvPath, join(dir, 'lo-csv'), 'CSV:59,34,76,1');
  const csvRow = fromCsv.find((r) => r.includes('Zimmerei Özdemir'));
  // Cells starting with + = - @ carry the formula guard apostrophe in CSV: text, never evaluated.
  expect(csvRow).toContain(`'${PHONE}`);
  expect(csvRow).toContain("'=1+1");
  expect(csvRow).not.toContain('2');

  const xlsxPath = await download(page, 'Als Excel-Arbeitsmappe', dir);
  const fromXlsx = viaLibreOffice(xlsxPath, join(dir, 'lo-xlsx'));
  expect(fromXlsx[0]).toContain('Kundennummer');
  const xlsxRow = fromXlsx.find((r) => r.includes('Zimmerei Özdemir'));
  expect(xlsxRow).toContain(PHONE);
  expect(xlsxRow).toContain('=1+1');
  expect(fromXlsx.find((r) => r.includes('Petrova Consulting'))).toContain('Olga');

  // vCard 4.0 and 3.0, parsed by Python's vobject.
  for (const button of ['vCard 4.0', 'vCard 3.0 (Outlook)']) {
    const vcf = await download(page, button, dir);
    const script = 'import sys, json, vobject\nout=[]\nfor c in vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()):\n  out.append({"fn": c.fn.value, "tel": [t.value for t in c.contents.get("tel", [])]})\nprint(json.dumps(out))';
    const cards = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, vcf], { encoding: 'utf8' })) as { fn: string; tel: string[] }[];
    expect(cards).toContainEqual({ fn: 'Jürgen Weiß', tel: [PHONE] });
    expect(cards.map((c) => c.fn)).toContain('Olga Petrova');
  }
  expect(readdirSync(dir).some((f) => f.endsWith('.xlsx'))).toBe(true);

  // Round trip: undo both imports from the list of recent imports, import the exported CSV again.
  page.on('dialog', (d) => void d.accept());
  const recent = page.getByRole('region', { name: 'Letzte Importe' });
  for (const file of ['eigene.csv', 'google-4.0.vcf']) await recent.getByRole('button', { name: new RegExp(`Import „${file}“`) }).click();
  await expect(recent.getByText('rückgängig gemacht')).toHaveCount(3);
  await importFile(page, csvPath);
  await expect(page.getByText('Neu angelegt: 2 Kunden, 2 Ansprechpartner')).toBeVisible();
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByLabel('Suche').fill('oezdemir');
  await table.getByRole('row').nth(1).click();
  await expect(page.getByRole('link', { name: PHONE, exact: true })).toBeVisible();

  // GDPR access request on the contact: a readable view and the JSON file.
  await page.getByRole('button', { name: 'Auskunft über Jürgen Weiß exportieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Auskunft nach Art. 15 DSGVO' });
  await expect(dialog.getByRole('heading', { name: 'Auskunft über gespeicherte personenbezogene Daten' })).toBeVisible();
  await expect(dialog).toContainText(PHONE);
  await page.screenshot({ path: testInfo.outputPath('gdpr-de.png') });
  const gdpr = JSON.parse(readFileSync(await download(page, 'Als JSON speichern', dir), 'utf8')) as { format: string; person: { mobile: string } };
  expect(gdpr).toMatchObject({ format: 'rapport-gdpr-access', person: { mobile: PHONE } });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('import an Excel workbook through the wizard and export the customer list view or all accounts', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  // A workbook as Excel saves it, made with exceljs (the maintained writer the app uses too): a real date
  // cell, a number, a phone number as text, and a second sheet the import must not read.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kunden');
  sheet.addRow(['Firma', 'PLZ', 'Ort', 'Vorname', 'Nachname', 'Mobil', 'Umsatz', 'Geburtstag']);
  sheet.addRow(['Bäckerei Groß', '80331', 'München', 'Jürgen', 'Weiß', PHONE, 125000.5, new Date(Date.UTC(1980, 10, 22))]);
  sheet.addRow(['Zimmerei Özdemir', '50667', 'Köln', 'Eva', 'Berg', '', 98000, null]);
  sheet.addRow(['Metallbau Nord', '20095', 'Hamburg', 'Olaf', 'Hansen', '', null, null]);
  book.addWorksheet('Notizen').addRow(['nicht importieren']);
  const xlsx = join(dir, 'kunden.xlsx');
  await book.xlsx.writeFile(xlsx);

  await page.goto('/');
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit leerem Kundenstamm starten' }).click();
  await page.goto('/#/settings/import-export');
  await chooseFile(page, xlsx);
  await expect(page.getByLabel('Tabellenblatt')).toHaveValue('Kunden');
  await expect(page.getByLabel('Übernehmen als (Spalte „Geburtstag“)')).toHaveValue('contact.birthday');
  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
  await page.getByRole('button', { name: 'Import starten' }).click();
  await expect(page.getByText('Neu angelegt: 3 Kunden, 3 Ansprechpartner')).toBeVisible();

  // Narrow the customer list, then export: the current view (1 account) or all accounts (3).
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByLabel('Suche').fill('baeckerei');
  await expect(page.getByRole('table', { name: 'Kundenliste' }).getByRole('row')).toHaveCount(2);
  // In-app navigation (no reload), as a user moves between pages: the list keeps its filters.
  await page.evaluate(() => (location.hash = '#/settings/import-export'));
  const view = page.getByRole('radio', { name: 'Aktuelle Ansicht der Kundenliste (1 Kunde)' });
  await expect(view).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('export-scope-de.png'), fullPage: true });
  const viewCsv = Papa.parse<string[]>(readFileSync(await download(page, 'Als CSV (Excel)', dir), 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
  expect(viewCsv.slice(1).map((r) => r[1])).toEqual(['Bäckerei Groß']);
  const birthday = viewCsv[0]?.indexOf('Geburtstag') ?? -1;
  expect(viewCsv[1]?.[birthday]).toBe('22.11.1980');
  await page.getByRole('radio', { name: 'Alle Kunden (3)' }).check();
  const allXlsx = viaLibreOffice(await download(page, 'Als Excel-Arbeitsmappe', dir), join(dir, 'lo-all'));
  expect(allXlsx.slice(1).map((r) => r[1])).toEqual(['Bäckerei Groß', 'Metallbau Nord', 'Zimmerei Özdemir']);
  expect(allXlsx.find((r) => r.includes('Bäckerei Groß'))).toContain(PHONE);

  // The full JSON backup saved here is restored here too, through the same check → preview → restore as
  // the Settings panel; a cut-off copy is refused with the reason and changes nothing.
  const backup = await download(page, 'Sicherung speichern', dir);
  const cut = join(dir, 'cut.json');
  const bytes = readFileSync(backup);
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const restoreFrom = async (path: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Sicherung wiederherstellen …' }).click();
    await (await chooser).setFiles(path);
  };
  await restoreFrom(cut);
  await expect(page.getByRole('status').filter({ hasText: 'Diese Sicherung kann nicht verwendet werden: die Datei ist abgeschnitten' })).toBeVisible();
  await restoreFrom(backup);
  const preview = page.getByRole('dialog', { name: /^Sicherung vom .* wiederherstellen\?$/ });
  await expect(preview.getByRole('definition').first()).toHaveText('3');
  await preview.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Daten wurden wiederhergestellt.' })).toBeVisible({ timeout: 60_000 });
  await expect(preview).toBeHidden();
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByLabel('Suche').fill('');
  await expect(page.getByRole('table', { name: 'Kundenliste' }).getByRole('row')).toHaveCount(4);
});

test('exports the planned appointments of a week as an .ics file that a calendar parser reads', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  await page.goto('/');
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: /Mit Demodaten starten/ }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible({ timeout: 60_000 });
  await page.goto('/#/settings/import-export');
  const ics = readFileSync(await download(page, 'Kalenderdatei exportieren', dir), 'utf8');
  // ical.js is the maintained iCalendar parser the app already ships; it rejects malformed files.
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(0);
  expect(events[0]!.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
  expect(new ICAL.Event(events[0]!).summary).not.toBe('');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
});

test('saves the full backup through the file picker chunk by chunk; a cancelled picker saves nothing', async ({ page }) => {
  test.setTimeout(180_000);
  // The picked file is a real FileSystemFileHandle (in the private file system): its writable keeps
  // the chunks in a swap file and replaces the file only on close, as with a file on disk.
  await page.addInitScript(() => {
    const w = window as unknown as { showSaveFilePicker: unknown; pickerCancels?: boolean; slowWrites?: boolean };
    w.showSaveFilePicker = async (options: { suggestedName: string }) => {
      if (w.pickerCancels) throw new DOMException('The user aborted a request.', 'AbortError');
      const root = await navigator.storage.getDirectory();
      const file = await root.getFileHandle(`gewählt-${options.suggestedName}`, { create: true });
      if (!w.slowWrites) return file;
      // A slow disk: each chunk takes a while, so there is time to press Cancel.
      return {
        name: file.name,
        getFile: () => file.getFile(),
        remove: () => (file as unknown as { remove(): Promise<void> }).remove(),
        createWritable: async () => {
          const real = await file.createWritable();
          return {
            write: async (data: Uint8Array) => {
              await new Promise((resolve) => setTimeout(resolve, 1500));
              await real.write(data as Uint8Array<ArrayBuffer>);
            },
            close: () => real.close(),
            abort: () => real.abort(),
          };
        },
      };
    };
  });
  await page.goto('/');
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: /Mit Demodaten starten/ }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible({ timeout: 60_000 });
  await page.goto('/#/settings/import-export');
  // Everything must go to the picked file, never to the download the bridge falls back to.
  let downloads = 0;
  page.on('download', () => downloads++);
  const files = () =>
    page.evaluate(async () => {
      const names: string[] = [];
      for await (const name of (await navigator.storage.getDirectory() as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
      return names.filter((n) => n.startsWith('gewählt-')).sort();
    });

  await page.evaluate(() => ((window as unknown as { pickerCancels: boolean }).pickerCancels = true));
  await page.getByRole('button', { name: 'Sicherung speichern', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sicherung speichern', exact: true })).toBeEnabled();
  expect(await files()).toEqual([]);

  // Cancel while a chunk is being written: the save is aborted and the file the picker made is gone again.
  await page.evaluate(() => Object.assign(window, { pickerCancels: false, slowWrites: true }));
  await page.getByRole('button', { name: 'Sicherung speichern', exact: true }).click();
  const cancel = page.getByRole('status').getByRole('button', { name: 'Abbrechen' });
  await expect(cancel).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Sicherung wird gespeichert … \d+ %/ })).toBeVisible();
  await cancel.click();
  await expect(page.getByRole('status').filter({ hasText: 'Export abgebrochen. Es wurde keine Datei gespeichert.' })).toBeVisible({ timeout: 30_000 });
  expect(await files()).toEqual([]);

  await page.evaluate(() => Object.assign(window, { slowWrites: false }));
  await page.getByRole('button', { name: 'Sicherung speichern', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Gespeichert: gewählt-rapport-sicherung-\d{4}-\d{2}-\d{2}\.json$/ })).toBeVisible({ timeout: 60_000 });
  const [name] = await files();
  expect(await files()).toEqual([name]);
  const backup = await page.evaluate(async (file) => {
    const text = await (await (await (await navigator.storage.getDirectory()).getFileHandle(file!)).getFile()).text();
    const parsed = JSON.parse(text) as { format: string; tables: Record<string, unknown[]> };
    return { format: parsed.format, accounts: parsed.tables.accounts?.length ?? 0 };
  }, name);
  expect(backup.format).toBe('rapport-backup');
  expect(backup.accounts).toBeGreaterThan(10);
  expect(downloads).toBe(0);
});
