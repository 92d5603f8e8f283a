import { expect, test } from '@playwright/test';

// The Plan page's ISO-week picker: German texts only (no browser-made English), keyboard and buttons.

test('the week picker steps through ISO weeks with buttons and keys, in German', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit Demodaten starten (700 Kunden)' }).click();
  await expect(page.getByRole('link', { name: 'Heute' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Plan' }).click();

  const heading = page.getByRole('heading', { level: 1 });
  const picker = page.getByRole('spinbutton', { name: 'Kalenderwoche' });
  await expect(picker).toBeVisible();
  // "KW 48 · 23.–29.11.2026" (or across a month or a year: "30.11.–06.12.2026", "28.12.2026–03.01.2027").
  await expect(picker).toHaveText(/^KW \d{1,2} · \d{2}\.(\d{2}\.(\d{4})?)?–\d{2}\.\d{2}\.\d{4}$/);
  const weekOf = async (): Promise<number> => Number(/KW (\d+)\//.exec((await heading.textContent()) ?? '')?.[1]);
  const labelWeek = async (): Promise<number> => Number(/^KW (\d+)/.exec((await picker.textContent()) ?? '')?.[1]);
  const start = await weekOf();
  expect(await labelWeek()).toBe(start);
  await expect(picker).toHaveAttribute('aria-valuetext', (await picker.textContent()) ?? '');
  const after = (w: number) => (w >= 52 ? [w + 1, 1] : [w + 1]);

  const isNext = async () => after(start).includes(await weekOf());
  await page.getByRole('button', { name: 'Nächste Woche' }).click();
  await expect.poll(isNext).toBe(true);
  expect(await labelWeek()).toBe(await weekOf());
  await expect(page.getByText(/^Für KW \d+ \(ab \d{2}\.\d{2}\.\d{4}\) gibt es noch keinen Plan/)).toBeVisible();
  await page.getByRole('button', { name: 'Vorherige Woche' }).click();
  await expect.poll(weekOf).toBe(start);

  await picker.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(isNext).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(weekOf).not.toBe(start);
  await expect(picker).toBeFocused();
  await page.keyboard.press('Home');
  await expect.poll(weekOf).toBe(start);
  await page.keyboard.press('PageUp');
  await expect.poll(weekOf).not.toBe(start);
  await page.getByRole('button', { name: 'Diese Woche' }).click();
  await expect.poll(weekOf).toBe(start);

  // No English from the browser anywhere in the toolbar.
  await expect(page.locator('.toolbar')).not.toContainText(/Week|week/);
  await page.screenshot({ path: testInfo.outputPath('plan-week-picker-de.png') });
});
