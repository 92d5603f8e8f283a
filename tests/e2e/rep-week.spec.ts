import { expect, test, type Page } from '@playwright/test';
import { accountRow, firstRunInGerman } from './app-helpers';

// The browser speaks English, the app German (chosen on the first screen).
test.use({ locale: 'en-US' });

/** The seat's own team member id (the first screen stored it). */
async function selfMemberId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('settings').objectStore('settings').get('selfMemberId');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { value: string }).value);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/**
 * Writes `count` accounts of the seat's own rep straight into IndexedDB, as the app stores them (with the
 * derived fields: accountRow), and a 30-day human rhythm for every segment; `lastVisit` ISO instant or none
 * (never visited).
 */
async function seedOwn(page: Page, count: number, lastVisit?: string) {
  const ownerId = await selfMemberId(page);
  const accounts = Array.from({ length: count }, (_, i) =>
    accountRow(`Bäckerei ${String(i).padStart(2, '0')} GmbH`, {
      customerNumber: `K${i}`, street: 'Hauptstr. 1', postalCode: `8033${i % 10}`, ownerId, ...(lastVisit ? { lastHumanContactAt: lastVisit } : {}),
    }),
  );
  await page.evaluate(
    (accounts) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['accounts', 'segmentRules'], 'readwrite', { durability: 'strict' });
          for (const category of ['A', 'B', 'C', 'D']) {
            for (const accountType of ['expand', 'maintain']) {
              tx.objectStore('segmentRules').put({ id: `${category}-${accountType}`, updatedAt: 1, category, accountType, humanDays: 30, digitalDays: 30 });
            }
          }
          for (const a of accounts) tx.objectStore('accounts').put(a);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    accounts,
  );
}

test('My week: Bavaria knows Fronleichnam, and the proposed week leaves that Thursday empty', async ({ page }) => {
  // Monday 1 June 2026: the week holds Fronleichnam (Thursday 4 June), a public holiday in Bavaria only.
  await page.clock.setFixedTime(new Date('2026-06-01T09:00:00+02:00'));
  await firstRunInGerman(page);
  await seedOwn(page, 20);
  await page.reload();

  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const week = page.getByRole('region', { name: 'Meine Woche' });
  const daysOff = week.getByRole('list', { name: 'Freie Tage in den nächsten 60 Tagen' });
  await expect(week.getByLabel('Bundesland / Kanton')).toHaveValue('');
  // Without a state only nationwide holidays, and June and July have none.
  await expect(week.getByText('Keine freien Tage in den nächsten 60 Tagen.')).toBeVisible();
  await expect(daysOff.getByRole('listitem')).toHaveCount(0);
  await week.getByLabel('Bundesland / Kanton').selectOption({ label: 'Bayern' });
  await expect(daysOff.getByRole('listitem').filter({ hasText: 'Fronleichnam' })).toHaveText('04.06.2026 Fronleichnam');
  // German input: the road factor with a decimal comma; "1.4" is refused with a message.
  await week.getByLabel('Umwegfaktor (Straße zu Luftlinie)').fill('1.4');
  await week.getByRole('button', { name: 'Speichern' }).click();
  await expect(week.getByText('Keine Zahl (z. B. 1,3).')).toBeVisible();
  await week.getByLabel('Umwegfaktor (Straße zu Luftlinie)').fill('1,4');
  await week.getByRole('button', { name: 'Speichern' }).click();
  await expect(week.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Meine Woche' }).getByLabel('Bundesland / Kanton')).toHaveValue('BY');
  await expect(page.getByRole('region', { name: 'Meine Woche' }).getByLabel('Umwegfaktor (Straße zu Luftlinie)')).toHaveValue('1,4');

  await page.getByRole('link', { name: 'Plan' }).click();
  await page.getByRole('button', { name: 'Plan vorschlagen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /vorgeschlagen/ })).toBeVisible({ timeout: 30_000 });
  const day = (name: RegExp) => page.getByRole('region', { name });
  // No visit on Fronleichnam (whether the page shows the holiday as an empty day or leaves it out).
  await expect(page.getByRole('region', { name: /^Montag, 01\.06\.2026/ })).toBeVisible();
  await expect(day(/^Donnerstag, 04\.06\.2026/).getByRole('heading', { level: 4 })).toHaveCount(0);
  // The other working days carry the 20 due accounts, five each.
  for (const d of [/^Montag, 01\.06\.2026/, /^Dienstag, 02\.06\.2026/, /^Mittwoch, 03\.06\.2026/, /^Freitag, 05\.06\.2026/]) {
    await expect(day(d).getByRole('heading', { level: 2 })).toContainText('5 Besuche');
  }
});

test('Erledigt on a due visit logs the visit, and the account is no longer due', async ({ page }) => {
  await firstRunInGerman(page);
  await seedOwn(page, 1, '2025-01-15T09:00:00.000Z');
  await page.reload();
  const inbox = page.getByRole('region', { name: /^Erinnerungen \(\d+\)$/ });
  await expect(inbox).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  const overdue = inbox.getByRole('region', { name: /^Überfälliger Besuch/ });
  await expect(overdue.getByRole('listitem')).toHaveCount(1);

  await overdue.getByRole('button', { name: 'Erledigt: Bäckerei 00 GmbH' }).click();
  const ask = overdue.getByRole('group', { name: /^Besuch bei Bäckerei 00 GmbH erfassen\?/ });
  await ask.getByRole('button', { name: 'Besuch erfassen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kontakt erfassen' });
  await expect(dialog.getByLabel('Art', { exact: true })).toHaveValue('visit');
  await dialog.getByLabel('Betreff').fill('Routinebesuch');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(inbox.getByRole('region', { name: /^Überfällige? Besuch/ })).toHaveCount(0);
  await expect(inbox.getByText('Bäckerei 00 GmbH')).toHaveCount(0);
  // Not just hidden: after a reload the account is still not due.
  await page.reload();
  await expect(page.getByRole('region', { name: /^Erinnerungen \(\d+\)$/ })).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(page.getByText('Bäckerei 00 GmbH')).toHaveCount(0);
});

test('declining the visit just marks the reminder done', async ({ page }) => {
  await firstRunInGerman(page);
  await seedOwn(page, 1, '2025-01-15T09:00:00.000Z');
  await page.reload();
  const inbox = page.getByRole('region', { name: /^Erinnerungen \(\d+\)$/ });
  await expect(inbox).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await inbox.getByRole('button', { name: 'Erledigt: Bäckerei 00 GmbH' }).click();
  await inbox.getByRole('button', { name: 'Nur als erledigt markieren' }).click();
  await expect(inbox.getByText('Bäckerei 00 GmbH')).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Kontakt erfassen' })).toHaveCount(0);
});
