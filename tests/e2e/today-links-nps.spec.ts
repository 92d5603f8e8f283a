import { expect, test, type Page } from '@playwright/test';
import { accountRow, firstRunInGerman, putRows } from './app-helpers';
import { fillDate } from './date-helpers';

// A German user whose browser speaks English (#20): every count on Today opens the accounts it
// counts, and an NPS answer is recorded on its own, outside any visit.
test.use({ locale: 'en-US' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** The seat's own member id, made a team lead (so Today shows the team's line too). */
async function selfAsLead(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['teamMembers'], 'readwrite', { durability: 'strict' });
          const store = tx.objectStore('teamMembers');
          const all = store.getAll();
          let id = '';
          all.onsuccess = () => {
            const me = all.result[0] as { id: string };
            id = me.id;
            store.put({ ...me, role: 'lead' });
          };
          tx.oncomplete = () => {
            db.close();
            resolve(id);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('each coverage figure on Today opens the customer list on exactly the accounts it counts', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await firstRunInGerman(page);
  const me = await selfAsLead(page);
  // Rhythm 90 days (putRows' segment rules). Mine: 3 within, 1 overdue, 2 never = 6 with a rhythm;
  // a lead, an archived and a trashed account of mine count nowhere; a colleague has 2 never visited.
  const mine = (name: string, extra: Record<string, unknown> = {}) => accountRow(name, { ownerId: me, ...extra });
  await putRows(page, {
    accounts: [
      mine('Bäckerei Weiß', { lastHumanContactAt: daysAgo(10) }),
      mine('Metzgerei Krämer', { lastHumanContactAt: daysAgo(20) }),
      mine('Müller Haustechnik', { lastHumanContactAt: daysAgo(30) }),
      mine('Schreinerei Jäger', { lastHumanContactAt: daysAgo(200) }),
      mine('Gärtnerei Öztürk'),
      mine('Elektro Groß'),
      mine('Neukunde Lead GmbH', { lifecycle: 'lead' }),
      mine('Alte Mühle KG', { archived: true }),
      mine('Papierkorb AG', { deletedAt: Date.now() }),
      accountRow('Kollege Eins GmbH', { ownerId: 'colleague' }),
      accountRow('Kollege Zwei GmbH', { ownerId: 'colleague' }),
    ],
  });
  await page.reload();
  const coverage = page.getByRole('region', { name: 'Besuchsabdeckung' });
  const mineLine = coverage.getByRole('listitem').filter({ hasText: 'Meine Kunden' });
  const teamLine = coverage.getByRole('listitem').filter({ hasText: 'Ganzes Team' });
  await expect(mineLine).toContainText('50 % im Rhythmus besucht', { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('today-de.png') });

  const table = page.getByRole('table', { name: 'Kundenliste' });
  const expectList = async (count: number, names: string[]) => {
    await expect(page.getByRole('status').filter({ hasText: /Kunden?$/ })).toHaveText(`${count} ${count === 1 ? 'Kunde' : 'Kunden'}`);
    // The header row and one row per account.
    await expect(table.getByRole('row')).toHaveCount(count + 1);
    for (const name of names) await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  };
  const cases: Array<[typeof mineLine, string, number, string[]]> = [
    [mineLine, '3 nicht im Rhythmus', 3, ['Schreinerei Jäger', 'Gärtnerei Öztürk', 'Elektro Groß']],
    [mineLine, '3 im Rhythmus', 3, ['Bäckerei Weiß', 'Metzgerei Krämer', 'Müller Haustechnik']],
    [mineLine, '6 mit Besuchsrhythmus', 6, []],
    [teamLine, '5 nicht im Rhythmus', 5, ['Kollege Eins GmbH', 'Kollege Zwei GmbH']],
    [teamLine, '8 mit Besuchsrhythmus', 8, []],
  ];
  for (const [line, link, count, names] of cases) {
    await nav(page).getByRole('link', { name: 'Heute' }).click();
    await line.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Kunden', level: 1 })).toBeVisible();
    await expectList(count, names);
  }
  // The list says which filter is on, and the user can widen it from there.
  await expect(page.getByRole('combobox', { name: 'Kontaktstatus' }).or(page.locator('#cf-due'))).toHaveValue('rhythm');
  await page.screenshot({ path: testInfo.outputPath('customers-linked-de.png') });
});

test('an NPS answer recorded as a survey entry: bad answers are refused with a reason, the saved one reaches the NPS card', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await firstRunInGerman(page);
  const account = accountRow('Bäckerei Weiß');
  const contact = (firstName: string, lastName: string) => ({
    id: crypto.randomUUID(), accountId: account.id, updatedAt: Date.now(), salutation: 'ms', title: '', firstName, lastName, position: '',
    phone: '', mobile: '', email: '', preferredChannel: 'none', notes: '',
  });
  await putRows(page, { accounts: [account], contacts: [contact('Jörg', 'Weiß'), contact('Anna', 'Müller')] });
  await page.goto(`/#/account/${String(account.id)}`);
  await page.getByRole('button', { name: 'NPS-Antwort erfassen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'NPS-Antwort erfassen' });
  const answer = dialog.getByLabel('Antwort (0–10)');
  const save = dialog.getByRole('button', { name: 'Antwort speichern' });

  await dialog.getByRole('combobox', { name: 'Kontakt' }).selectOption({ label: 'Anna Müller' });
  for (const [typed, reason] of [
    ['11', 'Die Antwort liegt zwischen 0 und 10.'],
    ['zehn', 'Bitte die Antwort als Zahl eingeben, z. B. 9 (nicht „zehn“).'],
    ['9,5', 'Bitte eine ganze Zahl eingeben: Die Skala kennt keine Zwischenwerte wie 9,5.'],
  ]) {
    await answer.fill(typed!);
    await save.click();
    await expect(answer).toHaveAccessibleDescription(new RegExp(reason!.replace(/[.()„“?+]/g, '\\$&')));
    await expect(dialog).toBeVisible();
  }
  await answer.fill('9');
  // Answered last week; typed as a German user types a day.
  const day = new Date(Date.now() - 7 * 86_400_000);
  const german = `${String(day.getDate()).padStart(2, '0')}.${String(day.getMonth() + 1).padStart(2, '0')}.${day.getFullYear()}`;
  await fillDate(dialog, 'Datum der Antwort', german);
  await dialog.getByLabel('Kommentar (optional)').fill('Lieferung immer pünktlich');
  await dialog.screenshot({ path: testInfo.outputPath('nps-dialog-de.png') });
  await save.click();
  await expect(dialog).toBeHidden();
  // In the history as an entry of its own, with the comment.
  await expect(page.getByText('NPS-Antwort: 9')).toBeVisible();
  await expect(page.getByText('Lieferung immer pünktlich')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Berichte' }).click();
  const card = page.getByRole('article', { name: 'Net Promoter Score (NPS)' });
  await expect(card.getByTestId('kpi-value-nps')).toHaveText(/100/);
});
