import { expect, test, type Page } from '@playwright/test';
import { firstRunInGerman, seed } from './app-helpers';

// Issue #20 items 3 and 4, as a German user with an English browser sees them: the sales-cycle
// median, settled probabilities of closed deals, cost per lead, and every count on Today leading
// to all its items. Rows go straight into IndexedDB, so each number here is worked out by hand.

test.use({ locale: 'en-US' });

type Row = Record<string, unknown>;

/** Writes rows into a store (put: new rows, or seeded ones changed). */
async function putRows(page: Page, store: string, rows: Row[]): Promise<void> {
  await page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, rows },
  );
}

/** The seeded accounts, by name order. */
async function accounts(page: Page): Promise<Row[]> {
  return page.evaluate(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('accounts').objectStore('accounts').getAll();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as Row[]).sort((a, b) => String(a.name).localeCompare(String(b.name))));
          };
        };
      }),
  );
}

/** Local noon `days` days ago, as an ISO instant. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - days);
  return d.toISOString();
}

const deal = (id: string, accountId: unknown, over: Row): Row => ({
  id, updatedAt: Date.now(), accountId, title: id, value: 1000, probability: 25, stage: 'qualified', ownerId: '', lostReason: '', createdAt: daysAgo(1), ...over,
});

test('Today: 13 open complaints, the ten oldest shown and all 13 one click away', async ({ page }) => {
  await firstRunInGerman(page);
  await seed(page, 13, 'Reklamation');
  const rows = await accounts(page);
  await putRows(page, 'interactions', rows.map((a, i) => ({
    id: `c${i}`, updatedAt: Date.now(), accountId: a.id, mode: 'human', at: daysAgo(30 - i), userId: '', contactIds: [],
    subject: `Reklamation Nr. ${i + 1}`, summary: '', nextStep: '', createdAt: Date.now(), type: 'complaint', status: 'done',
    complaint: { status: i % 2 === 0 ? 'open' : 'in_progress', ownerId: '', resolution: '' },
  })));
  await page.reload();
  const panel = page.getByRole('region', { name: 'Offene Reklamationen (13)' });
  await expect(panel.getByRole('listitem')).toHaveCount(10);
  // The oldest first: number 1 is there, the three newest are not yet.
  await expect(panel.getByText('Reklamation Nr. 1 ·')).toBeVisible();
  await expect(panel.getByText('Reklamation Nr. 13 ·')).toHaveCount(0);
  const all = panel.getByRole('button', { name: 'Alle 13 anzeigen' });
  await expect(all).toHaveAttribute('aria-expanded', 'false');
  await all.click();
  await expect(panel.getByRole('listitem')).toHaveCount(13);
  await expect(panel.getByText('Reklamation Nr. 13 ·')).toBeVisible();
  await panel.getByRole('button', { name: 'Weniger anzeigen' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(10);
  // Each entry leads to its account.
  await panel.getByRole('button', { name: 'Reklamation 000 GmbH' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reklamation 000 GmbH' })).toBeVisible();
});

test('Reports: sales-cycle median, won deals at 100 %, cost per lead', async ({ page }) => {
  await firstRunInGerman(page);
  await seed(page, 4, 'Quelle');
  const rows = await accounts(page);
  // Three of the four accounts came from a trade fair that cost 1.500 €: 500 € per lead.
  await putRows(page, 'leadSources', [{ id: 'fair', updatedAt: Date.now(), name: 'SHK-Messe Essen', kind: 'trade_fair', cost: 1500 }]);
  await putRows(page, 'accounts', rows.slice(0, 3).map((a) => ({ ...a, leadSourceId: 'fair' })));
  // Won today after 10, 20 and 90 days: average 40, median 20. The 90-day one was won before the
  // won = 100 % rule and still holds its old 25 %.
  const [a, b, c] = rows.map((r) => r.id);
  await putRows(page, 'deals', [
    deal('Wartung Nord', a, { stage: 'won', probability: 25, createdAt: daysAgo(90), closedAt: daysAgo(0) }),
    deal('Wartung Süd', b, { stage: 'won', probability: 100, createdAt: daysAgo(20), closedAt: daysAgo(0) }),
    deal('Wartung Ost', c, { stage: 'won', probability: 100, createdAt: daysAgo(10), closedAt: daysAgo(0) }),
    deal('Pumpe West', c, { stage: 'qualified', probability: 25 }),
  ]);
  await page.reload();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'berechnet' })).toBeVisible({ timeout: 60_000 });

  const cycle = page.getByRole('article', { name: 'Dauer des Vertriebszyklus' });
  await expect(cycle.getByTestId('kpi-value-sales_cycle')).toHaveText('40,0 Tage');
  await expect(cycle).toContainText('Median 20,0 Tage · aus 3 Verkaufschancen');
  await cycle.getByRole('button', { name: 'Definition von „Dauer des Vertriebszyklus“ anzeigen' }).click();
  await expect(cycle).toContainText('zusätzlich wird der Median angezeigt');

  const perLead = page.getByRole('article', { name: 'Kosten pro Lead' });
  await expect(perLead.getByTestId('kpi-value-cost_per_lead')).toHaveText('500,00 €');
  await expect(perLead).toContainText('1.500,00 € von 3');
  await perLead.getByRole('button', { name: 'Definition von „Kosten pro Lead“ anzeigen' }).click();
  await expect(perLead).toContainText('÷ die daraus bis zum Ende des Zeitraums gekommenen Leads');

  // The board: the old won row reads 100 %, and a deal moved to won is 100 % too.
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(page.getByRole('listitem', { name: 'Wartung Nord' })).toContainText('100 %');
  const open = page.getByRole('listitem', { name: 'Pumpe West' });
  await expect(open).toContainText('25 %');
  await open.getByRole('combobox', { name: 'Stufe von „Pumpe West“' }).selectOption({ label: 'Gewonnen' });
  const won = page.getByRole('region', { name: /^Gewonnen/ }).getByRole('listitem', { name: 'Pumpe West' });
  await expect(won).toContainText('100 %');
  await won.getByRole('combobox', { name: 'Stufe von „Pumpe West“' }).selectOption({ label: 'Verloren' });
  await expect(page.getByRole('region', { name: /^Verloren/ }).getByRole('listitem', { name: 'Pumpe West' })).toContainText('0 %');
});

test('Lead score: a sortable column in the customer list, on the account page, with editable limits', async ({ page }) => {
  await firstRunInGerman(page);
  await seed(page, 1, 'Kunde');
  await seed(page, 3, 'Lead');
  const rows = await accounts(page);
  const lead = (i: number) => rows.find((r) => r.name === `Lead 00${i} GmbH`) as Row;
  // Default rules: category A 30, B 20, C 10, an open offer +20. A with an offer is 50 (hot at 50),
  // B 20 and C 10 are cold below 25.
  await putRows(page, 'accounts', [
    { ...lead(0), lifecycle: 'lead', category: 'A' },
    { ...lead(1), lifecycle: 'lead', category: 'B' },
    { ...lead(2), lifecycle: 'prospect', category: 'C' },
  ]);
  await putRows(page, 'deals', [deal('Angebot Lead 0', lead(0).id, { stage: 'offer_sent', offerSentAt: daysAgo(3) })]);
  await page.reload();
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByLabel('Betreuer').selectOption({ label: 'Alle Betreuer' });
  await page.getByText('Spalten', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Spalte „Lead-Score“ zeigen' }).check();
  const table = page.getByRole('table', { name: 'Kundenliste' });
  const header = table.getByRole('columnheader', { name: 'Lead-Score' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const row = (n: number) => table.getByRole('row').nth(n);
  await expect(row(1)).toContainText('Lead 000 GmbH');
  await expect(row(1)).toContainText('50 · heiß');
  await expect(row(2)).toContainText('20 · kalt');
  await expect(row(3)).toContainText('10 · kalt');
  // The customer has no lead score: last, whichever way.
  await expect(row(4)).toContainText('Kunde 000 GmbH');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(row(1)).toContainText('Lead 002 GmbH');
  await expect(row(4)).toContainText('Kunde 000 GmbH');

  // The limits: warm from 15 makes the B lead warm; warm at or above hot is refused.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await page.getByRole('button', { name: 'Punkteregeln bearbeiten' }).click();
  const limits = page.getByRole('form', { name: 'Grenzen der Einstufung' });
  await limits.getByLabel('Warm ab (Punkte)').fill('60');
  await limits.getByRole('button', { name: 'Grenzen speichern' }).click();
  await expect(limits.getByRole('alert')).toHaveText('„Warm ab“ muss unter „Heiß ab“ liegen.');
  await limits.getByLabel('Warm ab (Punkte)').fill('15');
  await limits.getByRole('button', { name: 'Grenzen speichern' }).click();
  await expect(limits.getByRole('status')).toHaveText('Grenzen gespeichert.');
  await expect(page.getByRole('table', { name: 'Leads mit Punktzahl' }).getByRole('row', { name: /Lead 001 GmbH/ })).toContainText('warm');

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Lead 001 GmbH' })).toContainText('20 · warm');
  await table.getByRole('row').filter({ hasText: 'Lead 000 GmbH' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lead 000 GmbH' })).toBeVisible();
  await expect(page.getByText('Lead-Score 50 · heiß')).toBeVisible();
});
