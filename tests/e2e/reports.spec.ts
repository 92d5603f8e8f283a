import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fillDate } from './date-helpers';
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
      // A chart is drawn once it comes into view (a few per frame, after the cards): scrolled to, as a
      // reader does, its canvas gets pixels that are not transparent.
      await canvas.scrollIntoViewIfNeeded();
      await expect(figure.locator('.chart-box[data-pending], .chart-box[data-deferred]')).toHaveCount(0);
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
      // The table is built when opened (after the toggle renders): wait for it, a count alone does not.
      await expect.poll(() => table.getByRole('row').count(), { message: `${name} table alternative ${k}` }).toBeGreaterThan(1);
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
    // Local noon twenty days ago: the KPIs take an instant's UTC day (shared/kpi/dates.ts) while "today" is
    // local, so an offer sent in the first hour after local midnight counts a day more (known, in the notes).
    const sent = new Date();
    sent.setHours(12, 0, 0, 0);
    sent.setDate(sent.getDate() - 20);
    if (deal) store.put({ ...deal, offerSentAt: sent.toISOString() });
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

test('reports recompute in a worker: the previous result and a progress bar stay while the next is computed', async ({ page }, testInfo) => {
  test.setTimeout(360_000);
  await startWithDemo(page);
  // Six copies of every interaction (~50k rows), so reading and computing take long enough to be seen.
  await page.evaluate(async () => {
    const open = indexedDB.open('rapport');
    const db = await new Promise<IDBDatabase>((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    const read = db.transaction('interactions').objectStore('interactions').getAll();
    const rows = await new Promise<Record<string, unknown>[]>((resolve) => { read.onsuccess = () => resolve(read.result as Record<string, unknown>[]); });
    const tx = db.transaction('interactions', 'readwrite');
    const store = tx.objectStore('interactions');
    for (let k = 1; k < 6; k += 1) for (const r of rows) store.put({ ...r, id: `${String(r.id)}-copy${k}`, sourceKey: undefined });
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  });
  // Straight to Reports on a fresh start: the Today page would re-read the grown history first.
  await page.goto('/#/reports');
  const status = page.getByRole('status').filter({ hasText: /berechnet|Berechne|Lade/ });
  await expect(status).toHaveText(/Kennzahlen für 700 Kunden berechnet/, { timeout: 120_000 });
  const sections = page.locator('.report-sections');
  await expect(sections).toHaveAttribute('data-period', /\.\./);
  const before = await page.locator('[data-kpi="leads_new"] .kpi-value').textContent();

  // Reload: the worker reads every table again; meanwhile the old figures stay, dimmed, with a bar.
  await page.getByRole('button', { name: 'Daten neu laden' }).click();
  await expect(sections).toHaveClass(/is-stale/);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.locator('[data-kpi="leads_new"] .kpi-value')).toHaveText(before ?? '');
  await page.screenshot({ path: testInfo.outputPath('reports-recomputing.png'), fullPage: false });
  // The page answers while the worker works: a new period is taken at once and supersedes the reload.
  await page.getByRole('button', { name: 'Letztes Quartal' }).click();
  await expect(page.getByRole('button', { name: 'Letztes Quartal' })).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toHaveText(/Kennzahlen für 700 Kunden berechnet/, { timeout: 120_000 });
  await expect(sections).not.toHaveClass(/is-stale/);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const period = await sections.getAttribute('data-period');
  expect(period).toMatch(/^\d{4}-(01|04|07|10)-01\.\.\d{4}-(03-31|06-30|09-30|12-31)$/);
  await page.screenshot({ path: testInfo.outputPath('reports-after.png'), fullPage: false });
});

test('lead sources have their own tab: validated and saved', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await startWithDemo(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Lead-Quellen und Kampagnen' }).click();
  const form = page.getByRole('form', { name: 'Neue Lead-Quelle' });
  await form.getByRole('button', { name: 'Quelle hinzufügen' }).click();
  await expect(form.getByText('Bitte geben Sie einen Namen ein.')).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Name').fill('Herbstmailing 2026');
  await form.getByLabel('Kosten (€)').fill('-5');
  await fillDate(form, 'Beginn', '15.10.2026');
  await fillDate(form, 'Ende', '01.10.2026');
  await form.getByRole('button', { name: 'Quelle hinzufügen' }).click();
  await expect(form.getByText('Bitte geben Sie Kosten von 0 bis 10.000.000 € ein.')).toBeVisible();
  await expect(form.getByText('Das Ende darf nicht vor dem Beginn liegen.')).toBeVisible();

  await form.getByLabel('Kosten (€)').fill('4800');
  await fillDate(form, 'Ende', '15.11.2026');
  await form.getByRole('button', { name: 'Quelle hinzufügen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lead-Quelle gespeichert.' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Lead-Quellen und Kampagnen' }).getByRole('row', { name: /Herbstmailing 2026/ });
  await expect(row).toContainText('4.800,00 €');
  await expect(row).toContainText('15.10.2026 – 15.11.2026');

  // The same name again is refused (case and spaces do not make a new source).
  await form.getByLabel('Name').fill(' herbstmailing 2026 ');
  await form.getByRole('button', { name: 'Quelle hinzufügen' }).click();
  await expect(form.getByText('Eine Quelle mit diesem Namen gibt es schon.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('lead-sources.png'), fullPage: true });
});

test('automation texts are editable with placeholders and checked before they are saved', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await startWithDemo(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  const rule = page.getByRole('group', { name: /Verkaufschance über Schwellenwert/ });
  const subject = rule.getByLabel('Betreff der Aufgabe');
  await expect(subject).toHaveValue('Anruf zum Angebot „{title}“');
  await subject.fill('Rückruf zu {titel}');
  await expect(rule.getByText('Unbekannter Platzhalter: {titel}. Erlaubt sind {title}.')).toBeVisible();
  await rule.screenshot({ path: testInfo.outputPath('automation-text.png') });
  await subject.blur();
  await page.reload();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  // Not saved: the stored text is still the default.
  await expect(subject).toHaveValue('Anruf zum Angebot „{title}“');
  await subject.fill('Rückruf zu {title}');
  await subject.blur();
  await page.reload();
  await page.getByRole('tab', { name: 'Pipeline' }).click();
  await expect(subject).toHaveValue('Rückruf zu {title}');
  await rule.getByRole('button', { name: 'Standardtext' }).click();
  await expect(subject).toHaveValue('Anruf zum Angebot „{title}“');
});
