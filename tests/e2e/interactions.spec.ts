import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateDemoData } from '../../shared/demo';
import { addDays } from '../../shared/planning/calendar';
import { todayIso } from '../../shared/time';
import { fillDate, germanDay } from './date-helpers';

const DEMO_SEED = 20261123;

/** The demo account whose first contact is "S. V. Ivanov" (as on a Russian business card). */
function ivanovAccount(): { id: string; name: string } {
  const data = generateDemoData({ seed: DEMO_SEED, accounts: 700, today: todayIso(), selfName: 'Anna Schröder' });
  const contact = data.contacts.find((c) => c.firstName === 'S. V.' && c.lastName === 'Ivanov');
  const account = data.accounts.find((a) => a.id === contact?.accountId);
  if (!account) throw new Error('demo data has no Ivanov account');
  return { id: account.id, name: account.name };
}

async function firstRunWithDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit Demodaten starten (700 Kunden)' }).click();
  await expect(page.getByRole('link', { name: 'Heute' })).toBeVisible({ timeout: 60_000 });
}

function dayPlus(days: number): string {
  return addDays(todayIso(), days);
}

test('log, plan, complete, complain, search and print a customer sheet', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const account = ivanovAccount();
  await firstRunWithDemo(page);

  // Ctrl+L from anywhere: without an account page, the dialog asks for the customer.
  await page.keyboard.press('Control+l');
  const anywhere = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await expect(anywhere.getByRole('combobox', { name: 'Kunde' })).toBeVisible();
  await anywhere.getByRole('combobox', { name: 'Kunde' }).fill(account.name.slice(0, 8));
  await expect(anywhere.getByRole('listbox', { name: 'Kunde' }).getByRole('option').first()).toBeVisible();
  await anywhere.getByRole('button', { name: 'Entwurf verwerfen' }).click();
  await expect(anywhere).toBeHidden();

  // On the account page Ctrl+L opens the form for that account; the draft survives a reload.
  await page.goto(`/#/account/${encodeURIComponent(account.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await page.keyboard.press('Control+l');
  let dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await dialog.getByLabel('Betreff').fill('Jahresgespräch 2027');
  await dialog.getByLabel('Zusammenfassung').fill('Rahmenvertrag für 2027 besprochen, Interesse an Wartung.');
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  await page.keyboard.press('Control+l');
  dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await expect(dialog.getByText('Ihr nicht gespeicherter Entwurf wurde wiederhergestellt.')).toBeVisible();
  await expect(dialog.getByLabel('Betreff')).toHaveValue('Jahresgespräch 2027');
  await dialog.getByLabel('S. V. Ivanov').check();
  await dialog.getByLabel('Dauer (Minuten)').fill('45');
  await dialog.getByRole('radio', { name: 'Erfolgreich', exact: true }).check();
  await dialog.getByLabel('Nächster Schritt').fill('Angebot Wartungsvertrag schicken');
  await fillDate(dialog, 'Wiedervorlage am', germanDay(dayPlus(14)));
  await page.screenshot({ path: testInfo.outputPath('log-dialog-de.png') });
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  const timeline = page.getByRole('list', { name: 'Verlauf, neueste zuerst' });
  const logged = timeline.getByRole('listitem').filter({ hasText: 'Jahresgespräch 2027' });
  await expect(logged).toContainText('Erfolgreich');
  await expect(logged).toContainText('Nächster Schritt: Angebot Wartungsvertrag schicken');
  await expect(logged).toContainText('mit S. V. Ivanov');
  await expect(timeline.getByRole('listitem').first()).toContainText('Jahresgespräch 2027');

  // Filter by type: only calls; the visit disappears.
  await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Anruf' });
  await expect(timeline.getByText('Jahresgespräch 2027')).toHaveCount(0);
  await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Alle Arten' });

  // Plan an appointment, move it (history kept), then complete it with its outcome.
  await page.getByRole('button', { name: 'Termin planen' }).click();
  dialog = page.getByRole('dialog', { name: 'Termin planen' });
  await dialog.getByLabel('Betreff').fill('Musterübergabe');
  await dialog.getByRole('button', { name: 'Termin speichern' }).click();
  await expect(dialog).toBeHidden();
  const planned = page.getByRole('region', { name: /Geplanter? Termin/ }).getByRole('listitem').filter({ hasText: 'Musterübergabe' });
  await expect(planned).toBeVisible();
  await planned.getByRole('button', { name: 'Verschieben' }).click();
  await fillDate(planned, 'Neues Datum', germanDay(dayPlus(3)));
  await planned.getByRole('button', { name: 'Verschieben speichern' }).click();
  await expect(planned).toContainText('verschoben von');
  await planned.getByRole('button', { name: 'Erledigt …' }).click();
  dialog = page.getByRole('dialog', { name: 'Termin abschließen' });
  await expect(dialog.getByLabel('Betreff')).toHaveValue('Musterübergabe');
  await fillDate(dialog, 'Datum', germanDay(todayIso()));
  await dialog.getByRole('radio', { name: 'Neutral', exact: true }).check();
  await dialog.getByLabel('Zusammenfassung').fill('Muster übergeben, Entscheidung im Januar.');
  await dialog.getByRole('button', { name: 'Als erledigt speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Musterübergabe')).toHaveCount(1);
  const completed = timeline.getByRole('listitem').filter({ hasText: 'Musterübergabe' });
  await expect(completed).toContainText('Neutral');
  await expect(completed).toContainText('verschoben von');

  // A complaint: open → in progress → resolved; while open the account shows it.
  await page.getByRole('button', { name: 'Reklamation erfassen' }).click();
  dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await expect(dialog.getByLabel('Art', { exact: true })).toHaveValue('complaint');
  await dialog.getByLabel('Betreff').fill('Lieferung beschädigt');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  const complaints = page.getByRole('region', { name: /Reklamationen/ });
  const complaint = complaints.getByRole('listitem', { name: 'Lieferung beschädigt' });
  await expect(complaint).toContainText('seit 0 Tagen offen');
  await expect(page.locator('.account-actions').getByText(/offene Reklamation/i)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('account-de.png') });

  // The briefing shows the visit's outcome and next step, and the open complaint.
  await page.getByRole('button', { name: 'Briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: account.name })).toBeVisible();
  const next = page.getByRole('region', { name: 'Vereinbarte nächste Schritte und Termine' });
  await expect(next).toContainText('Angebot Wartungsvertrag schicken');
  await expect(page.getByRole('region', { name: 'Letzte Kontakte' })).toContainText('Jahresgespräch 2027');
  await expect(page.getByRole('region', { name: 'Offene Reklamationen' })).toContainText('Lieferung beschädigt');
  await expect(page.getByRole('region', { name: 'Kontaktrhythmus' })).toContainText(/Im Rhythmus|Fällig|überfällig/i);

  // The printed customer sheet: A4 portrait PDF, converted to PNG for a look.
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('customer-sheet.pdf');
  await page.pdf({ format: 'A4', path: pdf, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dirname(pdf), 'customer-sheet')]);
  const pngs = readdirSync(dirname(pdf)).filter((f) => f.startsWith('customer-sheet') && f.endsWith('.png'));
  expect(pngs.length).toBeGreaterThanOrEqual(1);
  expect(pngs.length).toBeLessThanOrEqual(2);

  // Back on the account: resolve the complaint; the marker disappears.
  await page.getByRole('button', { name: '← Zum Kunden' }).click();
  await complaint.getByLabel('Stand der Reklamation').selectOption({ label: 'In Bearbeitung' });
  await expect(complaint.locator('.badge')).toHaveText('In Bearbeitung');
  await complaint.getByLabel('Lösung / Stand').fill('Ersatzteil geliefert');
  await complaint.getByLabel('Stand der Reklamation').selectOption({ label: 'Erledigt' });
  await expect(complaint.locator('.badge')).toHaveText('Erledigt');
  await expect(complaint).toContainText(/nach 0 Tagen gelöst/);
  await expect(page.locator('.account-actions').getByText(/offene Reklamation/i)).toHaveCount(0);

  // History-wide search finds the visit by the contact's name as written on the business card.
  await page.getByRole('link', { name: 'Heute' }).click();
  await page.getByLabel('Ansprechpartner, Betreff oder Notiz').fill('Ivanov S. V.');
  const results = page.getByRole('list', { name: 'Suchergebnisse' });
  await expect(results.getByRole('listitem').filter({ hasText: 'Jahresgespräch 2027' })).toContainText(account.name);
  const searchPanel = page.locator('.history-search');
  await expect(searchPanel.getByRole('status')).toHaveText(/\d+ Treffer|neuesten Treffer/);
  await searchPanel.screenshot({ path: testInfo.outputPath('history-search-de.png') });
  // No dead end: a search without results says why and what to try.
  await page.getByLabel('Ansprechpartner, Betreff oder Notiz').fill('Qxzyvw');
  await expect(searchPanel.getByRole('status')).toContainText('Nichts gefunden für „Qxzyvw“');
  await page.getByLabel('Ansprechpartner, Betreff oder Notiz').fill('Muster übergeben');
  await expect(results.getByRole('listitem').first()).toContainText('Musterübergabe');

  // Meeting statistics for this week include the two visits just logged.
  const stats = page.getByRole('region', { name: 'Besuchsstatistik' });
  await expect(stats.getByRole('row', { name: /Team gesamt/ })).toBeVisible();
  await stats.screenshot({ path: testInfo.outputPath('meeting-stats-de.png') });
});
