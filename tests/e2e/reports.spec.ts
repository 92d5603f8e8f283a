import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { numberOf, sofficeToCsv, startWithDemo } from './reports-helpers';

const SECTIONS = ['Leads und Konversion', 'Umsatz und Kundenbindung', 'Pipeline und Angebote', 'Lead-Quellen', 'Empfehlungen, NPS und Termine', 'Besuchsabdeckung'];

test('reports: every section with its chart, CSV/XLSX round trip through LibreOffice, PDF on A4', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await startWithDemo(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'berechnet' })).toHaveText(/Kennzahlen für 700 Kunden berechnet/, { timeout: 60_000 });

  for (const name of SECTIONS) {
    const section = page.getByRole('region', { name });
    await expect(section).toBeVisible();
    const figures = section.locator('figure');
    const count = await figures.count();
    expect(count, `${name} has a chart`).toBeGreaterThanOrEqual(1);
    for (let k = 0; k < count; k += 1) {
      const figure = figures.nth(k);
      const canvas = figure.getByRole('img');
      await expect(canvas).toBeVisible();
      // The canvas is drawn: some pixels are not transparent.
      const painted = await canvas.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n += 1;
        return n;
      });
      expect(painted, `${name} chart ${k} painted`).toBeGreaterThan(500);
      await figure.getByText('Daten als Tabelle').click();
      const table = figure.getByRole('table', { name: /^Daten: / });
      expect(await table.getByRole('row').count(), `${name} table alternative ${k}`).toBeGreaterThan(1);
      await figure.getByText('Daten als Tabelle').click();
    }
  }

  // The definition is one click away and says what is counted.
  const info = page.getByRole('button', { name: 'Definition von „Abwanderungsrate“ anzeigen' });
  await expect(info).toHaveAttribute('aria-expanded', 'false');
  await info.click();
  await expect(info).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(/Kunden zu Beginn des Zeitraums/).first()).toBeVisible();
  await info.click();

  // What the page shows, KPI by KPI.
  const shown = await page.locator('[data-kpi]').evaluateAll((cards) =>
    cards.map((c) => ({ name: c.querySelector('h3')?.textContent ?? '', value: c.querySelector('.kpi-value')?.textContent ?? '' })),
  );
  expect(shown.length).toBeGreaterThanOrEqual(25);

  const dir = testInfo.outputPath('export');
  for (const [button, ext] of [['CSV exportieren', 'csv'], ['Excel (XLSX) exportieren', 'xlsx']] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = testInfo.outputPath(`bericht.${ext}`);
    await (await download).saveAs(file);
    const rows = sofficeToCsv(file, `${dir}-${ext}`);
    const header = rows.findIndex((r) => r[1] === 'Kennzahl' && r[2] === 'Wert');
    expect(header, `${ext} header row`).toBeGreaterThanOrEqual(0);
    const byName = new Map(rows.slice(header + 1).filter((r) => r.length > 3).map((r) => [r[1] ?? '', r[2] ?? '']));
    for (const kpi of shown) {
      expect(byName.has(kpi.name), `${ext} has ${kpi.name}`).toBe(true);
      const pageValue = numberOf(kpi.value, true);
      const fileValue = numberOf(byName.get(kpi.name) ?? '', false) ?? numberOf(byName.get(kpi.name) ?? '', true);
      if (pageValue === null) expect(byName.get(kpi.name) ?? '', `${ext} ${kpi.name}`).toBe('');
      else expect(Math.abs((fileValue ?? NaN) - pageValue), `${ext} ${kpi.name}: ${byName.get(kpi.name)} vs ${kpi.value}`).toBeLessThan(0.011);
    }
    if (ext === 'csv') expect(rows.some((r) => r[0] === 'Diagramm' && r[1] === 'Beschriftung'), 'chart data in the CSV').toBe(true);
  }

  // PDF with the charts, A4, German; looked at as PNGs.
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(500);
  const pdf = testInfo.outputPath('bericht.pdf');
  await page.pdf({ format: 'A4', path: pdf, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, testInfo.outputPath('bericht')]);
  const pngs = readdirSync(testInfo.outputPath('.')).filter((f) => f.startsWith('bericht') && f.endsWith('.png'));
  expect(pngs.length).toBeGreaterThanOrEqual(1);
  expect(pngs.length).toBeLessThanOrEqual(6);
  await page.emulateMedia({ media: 'screen' });
});

test('pipeline board: a new deal moved to "Angebot versendet" is flagged once nobody followed it up for N days', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await startWithDemo(page);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await nav.getByRole('link', { name: 'Kunden' }).click();
  const table = page.getByRole('table', { name: 'Kundenliste' });
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Angebote und Umsatz' });
  await panel.getByRole('button', { name: 'Neue Verkaufschance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Verkaufschance' });
  await dialog.getByLabel('Titel').fill('Testangebot Wärmepumpe');
  await dialog.getByLabel('Wert (€)').fill('18500');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(panel.getByText('Testangebot Wärmepumpe')).toBeVisible();

  await nav.getByRole('link', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const card = page.getByRole('listitem', { name: 'Testangebot Wärmepumpe' });
  await expect(card).toBeVisible();
  await card.getByRole('combobox', { name: 'Stufe von „Testangebot Wärmepumpe“' }).selectOption({ label: 'Angebot versendet' });
  const column = page.getByRole('region', { name: /^Angebot versendet/ });
  await expect(column.getByRole('listitem', { name: 'Testangebot Wärmepumpe' })).toBeVisible();
  await expect(column.getByRole('listitem', { name: 'Testangebot Wärmepumpe' })).not.toContainText('nicht nachgefasst');
  // Demo data holds offers nobody followed up: they are flagged.
  await expect(page.getByRole('status').filter({ hasText: 'nicht nachgefasst' })).toHaveText(/^\d+ Angebot(e)? seit mindestens 14 Tagen/);

  // Twenty days pass without a follow-up (the offer date moves back), N = 10.
  await page.getByLabel('Nachfassen nach (Tagen)').fill('10');
  await page.evaluate(async () => {
    const open = indexedDB.open('rapport');
    const db = await new Promise<IDBDatabase>((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    const tx = db.transaction('deals', 'readwrite');
    const store = tx.objectStore('deals');
    const all = await new Promise<Record<string, unknown>[]>((resolve) => { const r = store.getAll(); r.onsuccess = () => resolve(r.result as Record<string, unknown>[]); });
    const deal = all.find((d) => d.title === 'Testangebot Wärmepumpe');
    if (deal) store.put({ ...deal, offerSentAt: new Date(Date.now() - 20 * 86_400_000).toISOString() });
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  });
  await page.reload();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const flagged = page.getByRole('listitem', { name: 'Testangebot Wärmepumpe' });
  await expect(flagged).toContainText('Seit 20 Tagen nicht nachgefasst');
  await page.screenshot({ path: testInfo.outputPath('board.png'), fullPage: false });
  await flagged.getByRole('button', { name: '„Testangebot Wärmepumpe“ als nachgefasst markieren' }).click();
  await expect(flagged).not.toContainText('nicht nachgefasst');

  // The table view sorts by column.
  await page.getByLabel('Tabelle').check();
  const deals = page.getByRole('table', { name: 'Verkaufschancen' });
  await deals.getByRole('button', { name: 'Wert' }).click();
  await expect(deals.getByRole('columnheader', { name: 'Wert' })).toHaveAttribute('aria-sort', 'descending');
});
