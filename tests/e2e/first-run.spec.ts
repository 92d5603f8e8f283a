import { expect, test } from '@playwright/test';

test('first run with demo data shows the 700-account customer base in German', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Willkommen bei Rapport' })).toBeVisible();

  // The name is required: starting without it says so.
  await page.getByRole('button', { name: /Mit Demodaten starten/ }).click();
  await expect(page.getByRole('alert')).toHaveText('Bitte geben Sie Ihren Namen ein.');

  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit Demodaten starten (700 Kunden)' }).click();

  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Heute' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: /^Heute, \d{2}\.\d{2}\.\d{4}$/ })).toBeVisible();
  await expect(page.getByText('Guten Tag, Anna Schröder.')).toBeVisible();

  await nav.getByRole('link', { name: 'Kunden' }).click();
  await expect(page.getByRole('heading', { name: 'Kunden', level: 1 })).toBeVisible();
  await page.getByLabel('Betreuer').selectOption({ label: 'Alle Betreuer' });
  await expect(page.getByRole('status').filter({ hasText: 'Kunden' })).toHaveText('700 Kunden');
  const table = page.getByRole('table', { name: 'Kundenliste' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Every row names its owner (one of the five demo team members, the seat's user among them).
  await page.getByLabel('Betreuer').selectOption({ label: 'Meine Kunden' });
  await expect(table.getByRole('row').nth(1)).toContainText('A. Schröder');
  await page.getByLabel('Betreuer').selectOption({ label: 'Alle Betreuer' });
  await page.screenshot({ path: testInfo.outputPath('customers-de.png') });

  // "Mueller" finds "Müller": the search folds umlauts both ways.
  await page.getByLabel('Suche').fill('mueller');
  await expect(table.getByRole('row').nth(1)).toContainText(/Müller/);

  // Enter on a focused row opens the account page.
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Kunden' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: /Ansprechpartner/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('account-de.png') });

  // Data survives a reload: it lives in IndexedDB, not in memory.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /Ansprechpartner/ })).toBeVisible();
});

test('the app starts in English for an English system and switches language in settings', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
  await page.getByLabel('Your name').fill('Sam Taylor');
  await page.getByRole('button', { name: 'Start with an empty customer base' }).click();
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText(/No customers yet/)).toBeVisible();
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByLabel('Interface language').selectOption('de');
  await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await context.close();
});
