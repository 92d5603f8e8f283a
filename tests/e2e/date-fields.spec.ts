/**
 * Dates and times in the app's language, with the browser in en-US: the German app shows 07.12.2026
 * and 14:30 (a native date input showed "12/07/2026" and "02:30 PM"), a day typed by keyboard is saved
 * as that day, and the English app shows the English form.
 */
import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../shared/planning/calendar';
import { todayIso } from '../../shared/time';
import { dateField, expectDateText, fillDate, germanDay } from './date-helpers';

test.use({ locale: 'en-US' });

async function firstRun(page: Page, language: 'Deutsch' | 'English') {
  await page.goto('/');
  await page.getByRole('radio', { name: language }).check();
  await page.getByLabel(language === 'Deutsch' ? 'Ihr Name' : 'Your name').fill('Jörg Weiß');
  await page.getByRole('button', { name: language === 'Deutsch' ? 'Mit leerem Kundenstamm starten' : 'Start with an empty customer base' }).click();
  await expect(page.getByRole('navigation', { name: language === 'Deutsch' ? 'Hauptnavigation' : 'Main navigation' })).toBeVisible();
}

test('German app, en-US browser: dd.mm.yyyy and 24 h, a typed day is saved as that day', async ({ page }, testInfo) => {
  await firstRun(page, 'Deutsch');
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('button', { name: 'Neuer Kunde' }).first().click();
  const form = page.getByRole('dialog', { name: 'Neuer Kunde' });
  await form.getByLabel('Name', { exact: true }).fill('Bäckerei Weiß');
  await form.getByLabel('PLZ', { exact: true }).fill('80331');
  await form.getByLabel('Ort', { exact: true }).fill('München');
  await form.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { name: 'Bäckerei Weiß', level: 1 })).toBeVisible();

  await page.keyboard.press('Control+l');
  const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  // Today's day in the German form, a 24-hour time without AM/PM, and the German placeholder.
  await expectDateText(dialog, 'Datum', germanDay(todayIso()));
  await expectDateText(dialog, 'Uhrzeit', /^\d{2}:\d{2}$/);
  await expect(dateField(dialog, 'Uhrzeit').getByRole('spinbutton')).toHaveCount(2);
  await expectDateText(dialog, 'Wiedervorlage am', 'TT.MM.JJJJ');
  // Every part is a named spin button, so screen readers say what is being changed.
  await expect(dateField(dialog, 'Datum').getByRole('spinbutton', { name: 'Tag, Datum' })).toBeVisible();

  // Typed by keyboard: the visit was four days ago at 09:30; the follow-up in two weeks.
  const visited = addDays(todayIso(), -4);
  const followUp = addDays(todayIso(), 14);
  await fillDate(dialog, 'Datum', germanDay(visited));
  await fillDate(dialog, 'Uhrzeit', '0930');
  await expectDateText(dialog, 'Datum', germanDay(visited));
  await expectDateText(dialog, 'Uhrzeit', '09:30');
  await dialog.getByLabel('Betreff').fill('Jahresgespräch');
  await fillDate(dialog, 'Wiedervorlage am', germanDay(followUp));
  // Arrow keys step a part: one day up and back down again.
  const day = dateField(dialog, 'Wiedervorlage am').getByRole('spinbutton', { name: /^Tag/ });
  await day.press('ArrowUp');
  await expectDateText(dialog, 'Wiedervorlage am', germanDay(addDays(followUp, 1)));
  await day.press('ArrowDown');
  await expectDateText(dialog, 'Wiedervorlage am', germanDay(followUp));
  await page.screenshot({ path: testInfo.outputPath('log-dialog-de-on-en-US.png') });
  // The calendar opens inside the modal dialog, in German, on the field's day; the keyboard picks the day before.
  await dateField(dialog, 'Datum').getByRole('button', { name: /^Datum im Kalender wählen/ }).click();
  const calendar = dialog.getByRole('dialog', { name: 'Datum' });
  await expect(calendar.getByRole('grid')).toBeVisible();
  await expect(calendar.getByRole('heading', { level: 2 })).toHaveText(/^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/);
  await expect(calendar.getByRole('gridcell', { selected: true })).toHaveAccessibleName(new RegExp(`^\\p{L}+, ${Number(visited.slice(8, 10))}\\. \\p{L}+ ${visited.slice(0, 4)} ausgewählt$`, 'u'));
  await page.screenshot({ path: testInfo.outputPath('log-dialog-calendar-de.png') });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await expectDateText(dialog, 'Datum', germanDay(addDays(visited, -1)));
  await fillDate(dialog, 'Datum', germanDay(visited));
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  const logged = page.getByRole('list', { name: 'Verlauf, neueste zuerst' }).getByRole('listitem').filter({ hasText: 'Jahresgespräch' });
  await expect(logged).toContainText(`${germanDay(visited)}, 09:30`);
  await expect(logged).toContainText(germanDay(followUp));

  // A half-typed day is not saved as something else: the field asks for the whole date.
  await page.keyboard.press('Control+l');
  await fillDate(dialog, 'Wiedervorlage am', '3112');
  await dialog.getByLabel('Betreff').click();
  await expect(dialog.getByText('Bitte das Datum vollständig eingeben, z. B. 07.12.2026.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Entwurf verwerfen' }).click();

  // Min still holds: the export's "Bis" before its "Von" is marked and the export stays off.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('button', { name: 'Importieren …' }).click();
  const from = addDays(todayIso(), 10);
  await fillDate(page, 'Von', germanDay(from));
  await fillDate(page, 'Bis', germanDay(addDays(from, -3)));
  await expect(page.getByText(`Frühestens am ${germanDay(from)}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kalenderdatei exportieren' })).toBeDisabled();
});

test('English app, en-US browser: the English form', async ({ page }) => {
  await firstRun(page, 'English');
  await page.keyboard.press('Control+l');
  const dialog = page.getByRole('dialog', { name: 'Log contact' });
  const [y, m, d] = todayIso().split('-');
  await expectDateText(dialog, 'Date', `${d}/${m}/${y}`);
  await expectDateText(dialog, 'Time', /^\d{2}:\d{2}$/);
  await expectDateText(dialog, 'Follow up on', 'DD/MM/YYYY');
  await expect(dateField(dialog, 'Date').getByRole('spinbutton', { name: /^day, Date/i })).toBeVisible();
  // The calendar speaks English too (react-aria's own words are kept for both languages in the build).
  await dateField(dialog, 'Date').getByRole('button', { name: /^Pick a date in the calendar/ }).click();
  const calendar = dialog.getByRole('dialog', { name: 'Date' });
  await expect(calendar.locator('button[slot="next"]')).toHaveAccessibleName('Next');
  await expect(calendar.getByRole('gridcell', { name: /^Today, / })).toBeVisible();
});
