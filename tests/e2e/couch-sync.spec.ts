/**
 * Two laptops (two browser contexts, en-US browsers with the app in German) sync through a CouchDB-
 * compatible server started here: pouchdb-server on 127.0.0.1 with an admin, one user per rep, the
 * team database's `_security` members and CORS for the app's origin only — what docs/couchdb-setup.md
 * asks of a real CouchDB. Everything is set up through Settings → Synchronisation.
 *
 * The browser build talks to the server itself, so its CSP must name the server: a team builds it with
 * RAPPORT_CONNECT_SRC and serves it. The spec serves the shared build from a second origin on 127.0.0.1
 * with index.html exactly as that build would have it (build/connect-src.ts), after first showing that
 * the default build refuses to reach the server. (A document fulfilled by page.route would count as a
 * public page, and Chromium's local network access rules would then refuse the loopback server.)
 */
import { createServer, type Server } from 'node:http';
import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { widenConnectSrc } from '../../build/connect-src';
import { makeLaptop } from '../couch/clients';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../couch/server';
import { firstRunInGerman } from './app-helpers';

const ADMIN = { user: 'admin', password: 'Server-Admin 2026' };
const REPS = { anna: 'Anna-Köln-1500', joerg: 'Jörg-Bonn-2026' };
const DB = 'rapport-team-nord';

let server: CouchServer;
/** The build as made with RAPPORT_CONNECT_SRC=<server>: every file from the preview server, index.html widened. */
let teamBuild: Server;
let teamBuildUrl: string;

async function asAdmin(method: 'PUT', path: string, body: unknown): Promise<number> {
  const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  const res = await fetch(`${server.url}/${path}`, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

test.beforeAll(async ({ baseURL }) => {
  server = await startCouchServer({ admin: ADMIN });
  teamBuild = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(new URL(req.url ?? '/', baseURL));
      const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
      const isIndex = req.url === '/' || req.url?.split('?')[0]?.endsWith('/index.html');
      const body = isIndex ? widenConnectSrc(await upstream.text(), [server.url]) : Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, { 'content-type': type }).end(body);
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((done) => teamBuild.listen(0, '127.0.0.1', done));
  teamBuildUrl = `http://127.0.0.1:${(teamBuild.address() as { port: number }).port}`;
  // CORS for the app's origins only (pouchdb-server keeps CouchDB's [cors] section under /_config).
  expect(await asAdmin('PUT', '_config/httpd/enable_cors', 'true')).toBe(200);
  expect(await asAdmin('PUT', '_config/cors/origins', `${new URL(baseURL!).origin}, ${teamBuildUrl}`)).toBe(200);
  expect(await adminRequest(server.url, 'PUT', DB, ADMIN)).toBe(201);
  for (const [name, password] of Object.entries(REPS)) {
    expect(await asAdmin('PUT', `_users/org.couchdb.user:${name}`, { name, password, roles: [], type: 'user' })).toBe(201);
  }
  expect(await asAdmin('PUT', `${DB}/_security`, { admins: { names: [], roles: [] }, members: { names: Object.keys(REPS), roles: [] } })).toBe(200);
});

test.afterAll(async () => {
  await server?.dispose();
  await new Promise((done) => (teamBuild ? teamBuild.close(done) : done(undefined)));
});

/** A laptop with an en-US browser, the app set up in German; `teamBuild`: the build that names the server. */
async function laptop(browser: import('@playwright/test').Browser, name: string, build: 'default' | 'team'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  if (build === 'default') {
    await firstRunInGerman(page, name);
  } else {
    await page.goto(`${teamBuildUrl}/`);
    await page.getByRole('radio', { name: 'Deutsch' }).check();
    await page.getByLabel('Ihr Name').fill(name);
    await page.getByRole('button', { name: 'Mit leerem Kundenstamm starten' }).click();
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  }
  return { context, page };
}

async function openServerForm(page: Page): Promise<{ panel: Locator; form: Locator }> {
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Synchronisation' });
  // The radio shows the choice at once; it is stored behind it (a run under way may hold that write a moment).
  const radio = panel.getByRole('radio', { name: 'CouchDB-Server' });
  await radio.click();
  await expect(radio).toBeChecked();
  const form = panel.getByRole('form', { name: 'CouchDB-Server' });
  await expect(form).toBeVisible();
  return { panel, form };
}

async function fillServer(form: Locator, user: string, password: string): Promise<void> {
  await form.getByLabel('Server-Adresse').fill(`${server.url}/${DB}`);
  await form.getByLabel('Benutzer').fill(user);
  await form.getByLabel('Passwort', { exact: true }).fill(password);
}

async function syncNow(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'Jetzt synchronisieren' }).click();
  await expect(panel.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeEnabled({ timeout: 60_000 });
}

test('two laptops converge through a CouchDB server set up in the settings; wrong password and a blocked build say why', async ({ browser }) => {
  // Three first runs and five syncs on a shared 2-core machine.
  test.setTimeout(420_000);
  // The default build (connect-src 'self') does not reach the server, and says so.
  const blocked = await laptop(browser, 'Anna Schröder', 'default');
  {
    const { form } = await openServerForm(blocked.page);
    await fillServer(form, 'anna', REPS.anna);
    await form.getByRole('button', { name: 'Verbindung testen' }).click();
    await expect(form.getByRole('alert')).toContainText('Content-Security-Policy');
    await expect(form.getByRole('alert')).toContainText(`RAPPORT_CONNECT_SRC=${server.url}`);
    // A test keeps nothing: after a reload the form is empty again.
    await blocked.page.reload();
    const tested = await openServerForm(blocked.page);
    await expect(tested.form.getByLabel('Server-Adresse')).toHaveValue('');
    await expect(tested.form.getByLabel('Benutzer')).toHaveValue('');
    // Saved, URL and user are remembered; the password is not (browser: this session only).
    await fillServer(tested.form, 'anna', REPS.anna);
    await tested.form.getByRole('button', { name: 'Speichern' }).click();
    await expect(tested.form.getByRole('status')).toContainText('synchronisiert jetzt über den Server');
    await blocked.page.reload();
    const again = await openServerForm(blocked.page);
    await expect(again.form.getByLabel('Server-Adresse')).toHaveValue(`${server.url}/${DB}`);
    await expect(again.form.getByLabel('Benutzer')).toHaveValue('anna');
    await expect(again.form.getByTestId('sync-server-kept')).toContainText('Kein Passwort auf diesem Gerät');
    await blocked.context.close();
  }

  // The build for this server: a wrong password and a wrong database are named as such, the right ones are fine.
  const one = await laptop(browser, 'Anna Schröder', 'team');
  const { panel: panel1, form: form1 } = await openServerForm(one.page);
  await fillServer(form1, 'anna', 'anna-falsch');
  await form1.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(form1.getByRole('alert')).toHaveText(
    'Der Server hat Benutzername oder Passwort abgelehnt. Es wurde nichts gesendet; bitte prüfen Sie die Anmeldung unter „Synchronisation“.',
  );
  await form1.getByLabel('Server-Adresse').fill(`${server.url}/rapport-team-sued`);
  await form1.getByLabel('Passwort', { exact: true }).fill(REPS.anna);
  await form1.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(form1.getByRole('alert')).toContainText('Die Datenbank rapport-team-sued gibt es auf dem Server nicht');
  await fillServer(form1, 'anna', REPS.anna);
  await form1.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(form1.getByRole('status')).toHaveText(`Verbindung in Ordnung: Die Datenbank ${DB} antwortet, die Anmeldung passt.`);
  await form1.getByRole('button', { name: 'Speichern' }).click();
  await expect(form1.getByRole('status')).toContainText('synchronisiert jetzt über den Server');
  await expect(form1.getByTestId('sync-server-kept')).toContainText('nur bis zum Beenden');
  await expect(panel1.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeEnabled({ timeout: 60_000 });

  // Laptop 1 creates an account and syncs it to the server.
  await one.page.getByRole('link', { name: 'Kunden' }).click();
  await one.page.keyboard.press('Control+n');
  const dialog = one.page.getByRole('dialog', { name: 'Neuer Kunde' });
  await dialog.getByLabel('Name', { exact: true }).fill('Bäckerei Weiß');
  await dialog.getByLabel('Ort', { exact: true }).fill('Köln');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(one.page.getByRole('heading', { level: 1, name: 'Bäckerei Weiß' })).toBeVisible();
  await one.page.getByRole('link', { name: 'Einstellungen' }).click();
  await expect(panel1.getByTestId('sync-pending')).not.toHaveText('0');
  await syncNow(panel1);
  await expect(panel1.getByTestId('sync-pending')).toHaveText('0');
  await expect(panel1.getByTestId('sync-last')).not.toHaveText('noch nie');

  // Laptop 2 sets up the same server with its own user and gets the account.
  const two = await laptop(browser, 'Jörg Weiß', 'team');
  const { panel: panel2, form: form2 } = await openServerForm(two.page);
  await fillServer(form2, 'joerg', REPS.joerg);
  await form2.getByRole('button', { name: 'Speichern' }).click();
  await expect(form2.getByRole('status')).toContainText('synchronisiert jetzt über den Server');
  await syncNow(panel2);
  await two.page.getByRole('link', { name: 'Kunden' }).click();
  await two.page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  await expect(two.page.getByRole('row', { name: /Bäckerei Weiß.*Köln/ })).toBeVisible();

  // Laptop 1 edits the city; after both sync, laptop 2 shows it.
  await one.page.getByRole('link', { name: 'Kunden' }).click();
  await one.page.getByRole('row', { name: /Bäckerei Weiß/ }).click();
  await one.page.getByRole('button', { name: 'Bearbeiten', exact: true }).first().click();
  await one.page.getByLabel('Ort', { exact: true }).fill('Bonn');
  await one.page.locator('.account-header').getByRole('button', { name: 'Speichern', exact: true }).click();
  await one.page.getByRole('link', { name: 'Einstellungen' }).click();
  await syncNow(panel1);
  await expect(panel1.getByTestId('sync-pending')).toHaveText('0');
  await two.page.getByRole('link', { name: 'Einstellungen' }).click();
  await syncNow(panel2);
  await expect(panel2.getByText(/übernommen/).first()).toBeVisible();
  await two.page.getByRole('link', { name: 'Kunden' }).click();
  await two.page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  await expect(two.page.getByRole('row', { name: /Bäckerei Weiß.*Bonn/ })).toBeVisible();

  // The server holds the account as a document of per-field stamps (no team passphrase: values readable there).
  const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  const all = (await (await fetch(`${server.url}/${DB}/_all_docs?include_docs=true`, { headers: { authorization: auth } })).json()) as { rows: Array<{ id: string; doc: { f?: Record<string, { v?: unknown }> } }> };
  const account = all.rows.find((r) => r.id.startsWith('accounts:'));
  expect(account?.doc.f?.city?.v).toBe('Bonn');
  await one.context.close();
  await two.context.close();
});

test('a laptop on a folder moves the team to the server from the settings; the folder gets the marker and a late joiner gets the data', async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const db = 'rapport-team-umzug';
  expect(await adminRequest(server.url, 'PUT', db, ADMIN)).toBe(201);
  expect(await asAdmin('PUT', `${db}/_security`, { admins: { names: [], roles: [] }, members: { names: Object.keys(REPS), roles: [] } })).toBe(200);
  // The folder picker cannot be driven headless: it hands out a folder of the origin-private file system.
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle('team-sync', { create: true });
  });
  const page = await context.newPage();
  await page.goto(`${teamBuildUrl}/`);
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await page.getByLabel('Ihr Name').fill('Anna Schröder');
  await page.getByRole('button', { name: 'Mit leerem Kundenstamm starten' }).click();
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Neuer Kunde' });
  await dialog.getByLabel('Name', { exact: true }).fill('Metzgerei Müller');
  await dialog.getByLabel('Ort', { exact: true }).fill('Düsseldorf');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Metzgerei Müller' })).toBeVisible();

  // The team syncs through its folder today.
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const panel = page.getByRole('region', { name: 'Synchronisation' });
  await panel.getByRole('button', { name: 'Ordner wählen …' }).click();
  await expect(panel.getByTestId('sync-folder')).toHaveText('team-sync');
  await syncNow(panel);
  await expect(panel.getByTestId('sync-pending')).toHaveText('0');

  // The server is set up, then the team moves: confirmation, result, and the marker in the folder.
  const { form } = await openServerForm(page);
  await form.getByLabel('Server-Adresse').fill(`${server.url}/${db}`);
  await form.getByLabel('Benutzer').fill('anna');
  await form.getByLabel('Passwort', { exact: true }).fill(REPS.anna);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('status')).toContainText('synchronisiert jetzt über den Server');
  await panel.getByRole('button', { name: 'Team auf den Server umziehen …' }).click();
  const confirm = page.getByRole('dialog', { name: 'Team auf den Server umziehen' });
  await expect(confirm).toContainText('Laptops, die gerade offline sind, verlieren nichts');
  await confirm.getByRole('button', { name: 'Jetzt umziehen' }).click();
  await expect(panel.getByText(`Das Team ist auf den Server ${server.url}/${db} umgezogen.`)).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByText(/Felder wurden an den Server übertragen/)).toBeVisible();
  await panel.screenshot({ path: testInfo.outputPath('sync-moved.png') });
  // Back on the page later: the move is not offered again, the section says the team moved.
  await page.getByRole('link', { name: 'Kunden' }).click();
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const movedSection = panel.getByRole('region', { name: 'Umzug auf den Server' });
  await expect(movedSection).toContainText(`Das Team ist auf den Server ${server.url}/${db} umgezogen. Dieser Laptop synchronisiert über den Server`);
  await expect(panel.getByRole('button', { name: 'Team auf den Server umziehen …' })).toHaveCount(0);
  const marker = await page.evaluate(async () => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('team-sync');
    return (await (await root.getFileHandle('rapport-sync-moved.json')).getFile()).text();
  });
  expect(JSON.parse(marker)).toMatchObject({ format: 'rapport-sync-moved', url: `${server.url}/${db}`, database: db });

  // A laptop that only ever uses the server gets the account.
  const two = await laptop(browser, 'Jörg Weiß', 'team');
  const second = await openServerForm(two.page);
  await second.form.getByLabel('Server-Adresse').fill(`${server.url}/${db}`);
  await second.form.getByLabel('Benutzer').fill('joerg');
  await second.form.getByLabel('Passwort', { exact: true }).fill(REPS.joerg);
  await second.form.getByRole('button', { name: 'Speichern' }).click();
  await syncNow(second.panel);
  await two.page.getByRole('link', { name: 'Kunden' }).click();
  await two.page.getByRole('combobox', { name: 'Betreuer' }).selectOption({ label: 'Alle Betreuer' });
  await expect(two.page.getByRole('row', { name: /Metzgerei Müller.*Düsseldorf/ })).toBeVisible();
  await context.close();
  await two.context.close();
});

test('the team passphrase is checked in the server form; a user who may only read is told why nothing is sent', async ({ browser }) => {
  test.setTimeout(420_000);
  const db = 'rapport-team-west';
  const TEAM = 'Bäckerei-Weiß 1500';
  const GAST = { name: 'gast', password: 'Gast-Passwort 2026' };
  expect(await adminRequest(server.url, 'PUT', db, ADMIN)).toBe(201);
  expect(await asAdmin('PUT', `_users/org.couchdb.user:${GAST.name}`, { name: GAST.name, password: GAST.password, roles: [], type: 'user' })).toBe(201);
  expect(await asAdmin('PUT', `${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [...Object.keys(REPS), GAST.name], roles: [] } })).toBe(200);
  // CouchDB's way to a read-only user: the database's validation refuses that user's writes with 403.
  const readOnly = "function (newDoc, oldDoc, userCtx) { if (userCtx.name === 'gast') throw({ forbidden: 'read only' }); }";
  expect(await asAdmin('PUT', `${db}/_design/readonly`, { validate_doc_update: readOnly })).toBe(201);
  // A colleague's laptop set the database up with the team passphrase: its key document holds the wrapped key.
  const colleague = await makeLaptop('dkollege1', fetchTransport(`${server.url}/${db}`, ADMIN), { passphrase: TEAM });
  expect((await colleague.engine.syncOnce()).ok).toBe(true);

  const one = await laptop(browser, 'Anna Schröder', 'team');
  const { panel, form } = await openServerForm(one.page);
  await form.getByLabel('Server-Adresse').fill(`${server.url}/${db}`);
  await form.getByLabel('Benutzer').fill('anna');
  await form.getByLabel('Passwort', { exact: true }).fill(REPS.anna);
  // Typed without umlauts: not the team's passphrase. Refused in the server's words (not the folder's), at either button.
  await form.getByLabel('Team-Passwort (optional)').fill('Baeckerei-Weiss 1500');
  const wrong = 'Das Team-Passwort passt nicht zu dieser Datenbank auf dem Server. Es wurde nichts übernommen.';
  await form.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(form.getByRole('alert')).toHaveText(wrong);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('alert')).toHaveText(wrong);
  await expect(form.getByLabel('Team-Passwort (optional)')).toHaveValue('Baeckerei-Weiss 1500');
  await form.getByLabel('Team-Passwort (optional)').fill(TEAM);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'Gespeichert. Dieser Laptop synchronisiert jetzt über den Server. Das Team-Passwort stimmt: Dieser Laptop kann die verschlüsselten Daten des Servers lesen.',
  );
  await expect(form.getByLabel('Team-Passwort (optional)')).toHaveValue('');
  await expect(panel.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeEnabled({ timeout: 60_000 });

  // Another team's database (its own passphrase), typed with Jörg's valid login and our passphrase: refused,
  // and nothing typed is kept. Back in the settings later, the form shows the server saved before.
  const other = 'rapport-team-ost';
  expect(await adminRequest(server.url, 'PUT', other, ADMIN)).toBe(201);
  expect(await asAdmin('PUT', `${other}/_security`, { admins: { names: [], roles: [] }, members: { names: ['joerg'], roles: [] } })).toBe(200);
  expect((await (await makeLaptop('dostteam1', fetchTransport(`${server.url}/${other}`, ADMIN), { passphrase: 'Ein anderes Team 2026' })).engine.syncOnce()).ok).toBe(true);
  await form.getByLabel('Server-Adresse').fill(`${server.url}/${other}`);
  await form.getByLabel('Benutzer').fill('joerg');
  await form.getByLabel('Passwort', { exact: true }).fill(REPS.joerg);
  await form.getByLabel('Team-Passwort (optional)').fill(TEAM);
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(form.getByRole('alert')).toHaveText(wrong);
  await one.page.getByRole('link', { name: 'Kunden' }).click();
  const kept = await openServerForm(one.page);
  await expect(kept.form.getByLabel('Server-Adresse')).toHaveValue(`${server.url}/${db}`);
  await expect(kept.form.getByLabel('Benutzer')).toHaveValue('anna');
  // Anna's password is still the one held for the session: a run reaches the database with it.
  await expect(kept.form.getByTestId('sync-server-kept')).toHaveText(/nur bis zum Beenden behalten/);
  await syncNow(kept.panel);
  await expect(kept.panel.getByText('Der Server hat Benutzername oder Passwort abgelehnt', { exact: false })).toHaveCount(0);

  // An account goes to the server encrypted; the colleague's laptop reads it with the team passphrase.
  await one.page.getByRole('link', { name: 'Kunden' }).click();
  await one.page.keyboard.press('Control+n');
  const dialog = one.page.getByRole('dialog', { name: 'Neuer Kunde' });
  await dialog.getByLabel('Name', { exact: true }).fill('Konditorei Jörg Weiß');
  await dialog.getByLabel('Ort', { exact: true }).fill('Köln');
  await dialog.getByRole('button', { name: 'Kunde anlegen' }).click();
  await expect(one.page.getByRole('heading', { level: 1, name: 'Konditorei Jörg Weiß' })).toBeVisible();
  await one.page.getByRole('link', { name: 'Einstellungen' }).click();
  await syncNow(panel);
  await expect(panel.getByTestId('sync-pending')).toHaveText('0');
  const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  const raw = await (await fetch(`${server.url}/${db}/_all_docs?include_docs=true`, { headers: { authorization: auth } })).text();
  expect(raw).toContain('accounts:');
  expect(raw).not.toContain('Konditorei');
  await colleague.engine.syncOnce();
  expect(Object.values(colleague.store.liveRows('accounts')).map((a) => a.name)).toContain('Konditorei Jörg Weiß');

  // The same laptop with the read-only user: reading works, the edit is refused (403) and stays queued.
  await one.page.getByRole('link', { name: 'Kunden' }).click();
  await one.page.getByRole('row', { name: /Konditorei Jörg Weiß/ }).click();
  await one.page.getByRole('button', { name: 'Bearbeiten', exact: true }).first().click();
  await one.page.getByLabel('Ort', { exact: true }).fill('Bonn');
  await one.page.locator('.account-header').getByRole('button', { name: 'Speichern', exact: true }).click();
  await one.page.getByRole('link', { name: 'Einstellungen' }).click();
  const again = await openServerForm(one.page);
  await again.form.getByLabel('Benutzer').fill(GAST.name);
  await again.form.getByLabel('Passwort', { exact: true }).fill(GAST.password);
  await again.form.getByRole('button', { name: 'Verbindung testen' }).click();
  await expect(again.form.getByRole('status')).toHaveText(`Verbindung in Ordnung: Die Datenbank ${db} antwortet, die Anmeldung passt.`);
  await again.form.getByRole('button', { name: 'Speichern' }).click();
  await expect(again.form.getByRole('status')).toContainText('synchronisiert jetzt über den Server');
  await syncNow(again.panel);
  await expect(again.panel.getByText(`Der Benutzer gast darf die Datenbank ${db} nicht benutzen. Bitte wenden Sie sich an die Verwaltung des Servers.`).first()).toBeVisible();
  await expect(again.panel.getByTestId('sync-pending')).not.toHaveText('0');
  await one.context.close();
});
