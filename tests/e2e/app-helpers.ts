import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { accountMatchKeys } from '../../shared/import/identity';
import { VISIT_FIELD, visitKeys, type VisitRow } from '../../shared/planning/visit-index';

// Starting the app the way the data-safety and worker specs do: an empty first run, then rows written
// straight into IndexedDB (fast and small, unlike the 700-account demo).

const port = Number(process.env.RAPPORT_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

/** First run with an empty customer base. */
export async function firstRun(page: Page, name = 'Anna Schröder') {
  await page.goto(`${baseURL}/`);
  await page.getByLabel('Ihr Name').fill(name);
  await page.getByRole('button', { name: 'Mit leerem Kundenstamm starten' }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
}

/**
 * First run as a German user whose browser speaks English (the specs run it with locale en-US):
 * the language is chosen on the first screen, then an empty customer base.
 */
export async function firstRunInGerman(page: Page, name = 'Jörg Weiß') {
  await page.goto(`${baseURL}/`);
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await page.getByLabel('Ihr Name').fill(name);
  await page.getByRole('button', { name: 'Mit leerem Kundenstamm starten' }).click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
}

/**
 * An account row as the app stores it, with what a test leaves out filled in (company in 80331 München,
 * B-Beibehalten customer), and its derived fields: the collation key, the visit index entries and the
 * import's match keys (without them Today or an import's duplicate check would not see the account, as
 * they would not after any write behind the app's back).
 */
export function accountRow(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id: crypto.randomUUID(), updatedAt: Date.now(), name, sortKey: name.toLowerCase(), customerNumber: '', kind: 'company', street: '',
    postalCode: '80331', city: 'München', country: 'DE', phone: '', email: '', website: '', category: 'B',
    accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: '', productLines: [],
    tags: [], notes: '', archived: false, createdAt: Date.now(), ...extra,
  };
  const keys = visitKeys(row as VisitRow);
  if (keys) row[VISIT_FIELD] = keys;
  const matchKeys = accountMatchKeys(row);
  if (matchKeys.length > 0) row.matchKeys = matchKeys;
  return row;
}

/**
 * Writes rows straight into IndexedDB, with the segment rules as the demo writes them (Settings expects
 * them; an empty start has none yet); resolves once committed (strict durability).
 */
export async function putRows(page: Page, rows: { accounts?: object[]; contacts?: object[] }) {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['accounts', 'contacts', 'segmentRules'], 'readwrite', { durability: 'strict' });
          for (const category of ['A', 'B', 'C', 'D']) {
            for (const accountType of ['expand', 'maintain']) {
              tx.objectStore('segmentRules').put({ id: `${category}-${accountType}`, updatedAt: 1, category, accountType, humanDays: 90, digitalDays: 30 });
            }
          }
          for (const row of rows.accounts ?? []) tx.objectStore('accounts').put(row);
          for (const row of rows.contacts ?? []) tx.objectStore('contacts').put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** Writes `count` accounts and a contact each straight into IndexedDB; resolves once committed (strict durability). */
export async function seed(page: Page, count: number, prefix = 'Firma') {
  const accounts = Array.from({ length: count }, (_, i) => accountRow(`${prefix} ${String(i).padStart(3, '0')} GmbH`, { customerNumber: `K${i}`, street: 'Hauptstr. 1' }));
  const contacts = accounts.map((a, i) => ({
    id: crypto.randomUUID(), accountId: a.id, updatedAt: Date.now(), salutation: 'ms', title: '', firstName: 'Eva',
    lastName: `Muster${i}`, position: '', phone: '', mobile: '', email: '', preferredChannel: 'none', notes: '',
  }));
  await putRows(page, { accounts, contacts });
}

/**
 * A first run with one seeded account "<prefix> 000 GmbH", then "Kontakt erfassen" (Ctrl+L) with that
 * account picked from the customer list (never the "Art" select's options, which are hidden options too).
 */
export async function logDialogForSeededAccount(page: Page, prefix: string): Promise<Locator> {
  await firstRun(page);
  await seed(page, 1, prefix);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await page.keyboard.press('Control+l');
  const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await dialog.getByRole('combobox', { name: 'Kunde' }).fill(`${prefix} 000`);
  await dialog.getByRole('listbox', { name: 'Kunde' }).getByRole('option').first().click();
  return dialog;
}

/** Clicks the button that starts a download and saves the file into `dir`; returns its path. */
export async function download(page: Page, button: string, dir: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await pending;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}
