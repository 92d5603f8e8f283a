/**
 * #17 identity: a German customer export of one row per PERSON, each customer with its own Kundennr,
 * company names repeating in other cities, umlaut e-mail addresses. Imported through the wizard in
 * German with the browser in en-US, it must give exactly one account per distinct number among the
 * valid rows and one contact per person; the preview lists the folds, and one can be kept apart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { firstRunInGerman } from './app-helpers';

test.use({ locale: 'en-US' });

const FIRMS = ['Bauer KG', 'Müller GmbH', 'Bäckerei Weiß', 'Autohaus Köhler', 'Maier Elektro', 'Schröder OHG', 'Groß & Söhne'];
const PLACES = [['80331', 'München'], ['50667', 'Köln'], ['01067', 'Dresden'], ['70173', 'Stuttgart'], ['10115', 'Berlin'], ['20095', 'Hamburg']];
const PEOPLE = [['Herr', 'Jörg', 'Weiß'], ['Frau', 'Anna', 'Müller'], ['Herr', 'Thomas', 'Müller'], ['Frau', 'Özlem', 'Yılmaz'], ['Herr', 'Jürgen', 'Großmann'], ['Frau', 'Sabine', 'Köhler']];
const HEADER = ['Kundennr', 'Firma', 'Straße', 'PLZ', 'Ort', 'Anrede', 'Vorname', 'Nachname', 'E-Mail', 'Telefon'];

type Row = string[];

/** ~200 person rows of 98 customers; every 40th e-mail is broken (`@@`), every 3rd has an umlaut domain. */
function customerRows(): Row[] {
  const rows: Row[] = [];
  for (let c = 0; c < 98; c++) {
    const number = `K-${10001 + c}`;
    const firm = FIRMS[c % FIRMS.length] as string;
    const [postal, city] = PLACES[(c * 5) % PLACES.length] as [string, string];
    for (let p = 0; p < 1 + (c % 3); p++) {
      const n = rows.length;
      const [salutation, first, last] = PEOPLE[(c + p) % PEOPLE.length] as [string, string, string];
      const local = `${first.toLowerCase()}.${n}`;
      const email = n % 40 === 7 ? `${local}@@kaputt.de` : `${local}@${n % 3 === 0 ? 'bäckerei-weiß.de' : 'example.de'}`;
      rows.push([number, firm, `Hauptstraße ${n + 1}`, postal, city, salutation, first, last, email, `0${postal.slice(0, 3)} ${4711 + n}`]);
    }
  }
  // A firm of its own with a number, then two rows of it without one: both look like it by name and place.
  rows.push(['K-20001', 'Schreinerei Köhler GmbH', 'Am Bach 3', '79098', 'Freiburg', 'Herr', 'Jörg', 'Köhler', 'jörg@schreinerei-köhler.de', '0761 1']);
  rows.push(['', 'Schreinerei Koehler KG', 'Am Bach 3', '79098', 'Freiburg', 'Frau', 'Eva', 'Köhler', 'eva@schreinerei-köhler.de', '0761 2']);
  rows.push(['', 'Schreinerei Köhler', 'Lange Straße 9', '79098', 'Freiburg', 'Herr', 'Paul', 'Köhler', 'paul@koehler-holz.de', '0761 9']);
  return rows;
}

/** Excel's "CSV UTF-8 (durch Trennzeichen getrennt)": BOM, semicolons, CRLF. */
function excelCsv(rows: Row[]): string {
  return `\uFEFF${[HEADER, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`;
}


/** What IndexedDB holds: live accounts and contacts. */
async function stored(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ accounts: { id: string; name: string; customerNumber: string }[]; contacts: { accountId: string; email: string }[] }>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['accounts', 'contacts']);
          const a = tx.objectStore('accounts').getAll();
          const c = tx.objectStore('contacts').getAll();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ accounts: a.result, contacts: c.result });
          };
        };
      }),
  );
}

test('a per-person German export becomes one account per customer number; a fold can be kept apart', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const rows = customerRows();
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'Kundenexport.csv');
  writeFileSync(path, excelCsv(rows), 'utf8');
  const valid = rows.filter((r) => !(r[8] as string).includes('@@'));
  const numbers = new Set(valid.map((r) => r[0]).filter(Boolean));
  const rowOf = (email: string) => rows.findIndex((r) => r[8] === email) + 2;

  await firstRunInGerman(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('button', { name: 'Importieren …' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Datei auswählen …' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByLabel('Übernehmen als (Spalte „Kundennr“)')).toHaveValue('account.customerNumber');
  await expect(page.getByLabel('Übernehmen als (Spalte „E-Mail“)')).toHaveValue('contact.email');
  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();

  // Only the broken addresses are refused; jörg.0@bäckerei-weiß.de is fine.
  await expect(page.getByText(`Gültig: ${valid.length} von ${rows.length} Zeilen.`)).toBeVisible();

  // The folds: the two rows without a number join the Schreinerei of its row by name and place, listed first.
  const folds = page.getByRole('table', { name: 'Zeilen, die einem anderen Kunden zugeordnet werden' });
  const schreinerei = rowOf('jörg@schreinerei-köhler.de');
  for (const email of ['eva@schreinerei-köhler.de', 'paul@koehler-holz.de']) {
    const line = folds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(rowOf(email)), exact: true }) });
    await expect(line).toContainText(`Kunde aus Zeile ${schreinerei}: Schreinerei Köhler GmbH · 79098 Freiburg · Kundennr. K-20001`);
    await expect(line).toContainText('gleicher Name und Ort');
  }
  // Colleagues of one customer are listed as folds by the same number (into the customer's first row).
  await expect(folds).toContainText('gleiche Kundennummer');
  await page.locator('.fold-list').screenshot({ path: testInfo.outputPath('folds-de.png') });

  // Paul is at another street: keep him apart, with the keyboard.
  const apart = page.getByRole('checkbox', { name: `Zeile ${rowOf('paul@koehler-holz.de')} als eigenen Kunden anlegen` });
  await apart.focus();
  await page.keyboard.press('Space');
  await expect(apart).toBeChecked();

  await page.getByRole('button', { name: 'Import starten' }).click();
  await expect(page.getByRole('heading', { name: 'Importbericht' })).toBeVisible();

  const db = await stored(page);
  // One account per distinct number among the valid rows, plus Paul's kept apart.
  expect(db.accounts.length).toBe(numbers.size + 1);
  expect(new Set(db.accounts.map((a) => a.customerNumber).filter(Boolean))).toEqual(numbers);
  // One contact per valid person row: colleagues were not skipped as doubles.
  expect(db.contacts.length).toBe(valid.length);
  // Addresses as typed: no punycode, ß stays ß.
  expect(db.contacts.map((c) => c.email)).toContain('jörg.0@bäckerei-weiß.de');
  expect(db.contacts.some((c) => c.email.includes('xn--') || c.email.includes('weiss'))).toBe(false);
  const byId = new Map(db.accounts.map((a) => [a.id, a]));
  const accountOf = (email: string) => byId.get(db.contacts.find((c) => c.email === email)?.accountId ?? '');
  expect(accountOf('eva@schreinerei-köhler.de')?.customerNumber).toBe('K-20001');
  expect(accountOf('paul@koehler-holz.de')).toMatchObject({ name: 'Schreinerei Köhler', customerNumber: '' });

  // A re-import of the next month's export: K-10001 renamed itself and moved; "update" changes that account, adds none.
  const next = rows.map((r) => (r[0] === 'K-10001' ? ['K-10001', 'Bauer & Söhne KG', 'Domplatz 1', '50667', 'Köln', ...r.slice(5)] : r));
  writeFileSync(path, excelCsv(next), 'utf8');
  await page.getByRole('button', { name: 'Andere Datei importieren' }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Datei auswählen …' }).click();
  await (await again).setFiles(path);
  await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
  await page.getByRole('radio', { name: 'Vorhandene aktualisieren' }).check();
  await expect(folds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) })).toContainText('vorhandener Kunde Bauer KG · 80331 München · Kundennr. K-10001');
  await page.getByRole('button', { name: 'Import starten' }).click();
  await expect(page.getByRole('heading', { name: 'Importbericht' })).toBeVisible();
  const after = await stored(page);
  expect(after.accounts.length).toBe(db.accounts.length);
  expect(after.accounts.find((a) => a.customerNumber === 'K-10001')).toMatchObject({ id: db.accounts.find((a) => a.customerNumber === 'K-10001')?.id, name: 'Bauer & Söhne KG' });

  // The account page shows an imported umlaut address exactly as typed.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('searchbox', { name: 'Suche' }).fill('schreinerei koehler freiburg');
  await page.getByRole('table', { name: 'Kundenliste' }).getByRole('row', { name: /Schreinerei Köhler GmbH/ }).click();
  await expect(page.getByRole('link', { name: 'eva@schreinerei-köhler.de' })).toBeVisible();
});

test('the account and contact forms keep umlaut addresses as typed, and refuse garbage at the field', async ({ page }) => {
  await firstRunInGerman(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('button', { name: 'Neuer Kunde' }).first().click();
  const form = page.getByRole('dialog', { name: 'Neuer Kunde' });
  await form.getByLabel('Name', { exact: true }).fill('Bäckerei Weiß');
  await form.getByLabel('PLZ', { exact: true }).fill('01067');
  // An ASCII name at an umlaut domain: Chromium's type=email field would hand over joerg@xn--bckerei-weiss-bfb.de.
  await form.getByLabel('E-Mail', { exact: true }).pressSequentially('info@bäckerei-weiß.de');
  await form.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { name: 'Bäckerei Weiß', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'info@bäckerei-weiß.de', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Ansprechpartner hinzufügen' }).click();
  const contact = page.getByRole('form', { name: 'Neuer Ansprechpartner' });
  await contact.getByLabel('Vorname', { exact: true }).fill('Jörg');
  await contact.getByLabel('Nachname', { exact: true }).fill('Weiß');
  const email = contact.getByLabel('E-Mail', { exact: true });
  await email.pressSequentially('jörg@@bäckerei-weiß.de');
  await contact.getByRole('button', { name: 'Speichern' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await email.fill('');
  await email.pressSequentially('Jörg.Weiß@Bäckerei-Weiß.de');
  await contact.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('link', { name: 'Jörg.Weiß@Bäckerei-Weiß.de', exact: true })).toBeVisible();
  const db = await stored(page);
  expect(db.accounts.map((a) => (a as { email?: string }).email)).toEqual(['info@bäckerei-weiß.de']);
  expect(db.contacts.map((c) => c.email)).toEqual(['Jörg.Weiß@Bäckerei-Weiß.de']);
});
