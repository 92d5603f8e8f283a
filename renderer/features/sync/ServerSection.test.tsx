// @vitest-environment jsdom
/**
 * The server form shows what the server said, in German: a user without rights on the database (403,
 * e.g. not among the `_security` members of a real CouchDB 3; pouchdb-server answers those with 401, so
 * the 403 comes from a bridge that answers as CouchDB does), and a team passphrase that does not open
 * the database's key (the folder form's check in the server's words; the typed passphrase stays in its field).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type CouchProbeRequest, type CouchTargetRequest } from '../../../shared/bridge/contract';
import { createDataKey } from '../../../shared/crypto';
import type { CouchRequest, CouchResponse } from '../../../shared/sync/couch';
import { openDb, type RapportDb, useDatabase as setAppDb } from '../../db/core/db';
import { getSyncTarget } from '../../db/sync/settings';
import { i18next, initI18n } from '../../i18n';
import { ServerSection } from './ServerSection';
import { useSync } from './sync-controller';

const DB_INFO: CouchResponse = { status: 200, body: { db_name: 'rapport-nord', doc_count: 12 } };
/** What the server answers, by path ('' = the database). */
let answers: Record<string, CouchResponse> = {};
const asked: string[] = [];
/** What the form handed the shell to keep. */
const kept: CouchTargetRequest[] = [];
function answer(req: CouchRequest): CouchResponse {
  asked.push(`${req.method} ${req.path}`);
  return answers[req.path] ?? { status: 404, body: { error: 'not_found', reason: 'missing' } };
}

beforeAll(async () => {
  await initI18n('de');
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = {
    setCouchTarget: async (req: CouchTargetRequest) => {
      kept.push(req);
      return req ? { url: req.url, user: req.user, kept: 'session' } : { kept: 'none' };
    },
    couchTargetInfo: async () => ({ kept: 'none' }),
    couchRequest: async (req: CouchRequest) => answer(req),
    couchProbe: async ({ request }: CouchProbeRequest) => answer(request),
    syncFolderInfo: async () => ({ canChoose: true }),
    syncRead: async () => null,
  };
});

let db: RapportDb;
beforeEach(() => {
  db = openDb(`server-section-${crypto.randomUUID()}`);
  setAppDb(db);
  useSync.setState({ target: 'folder', couch: undefined, status: undefined });
  asked.length = 0;
  kept.length = 0;
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

function fill(passphrase = '') {
  render(<ServerSection />);
  fireEvent.change(screen.getByLabelText('Server-Adresse'), { target: { value: 'https://couch.example.com/rapport-nord' } });
  fireEvent.change(screen.getByLabelText('Benutzer'), { target: { value: 'praktikant' } });
  fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'Köln-1500' } });
  if (passphrase) fireEvent.change(screen.getByLabelText('Team-Passwort (optional)'), { target: { value: passphrase } });
}
const press = (name: string) => act(async () => fireEvent.click(screen.getByRole('button', { name })));

describe('ServerSection', () => {
  it('names a user without rights on the database (403) at "Verbindung testen"', async () => {
    answers = { '': { status: 403, body: { error: 'forbidden', reason: 'You are not allowed to access this db.' } } };
    fill();
    await press('Verbindung testen');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Der Benutzer praktikant darf die Datenbank rapport-nord nicht benutzen. Bitte wenden Sie sich an die Verwaltung des Servers.',
    );
  });

  it('refuses a wrong team passphrase at "Speichern" in the server’s words, keeps nothing typed, leaves it in the field; the right one is taken', async () => {
    const { wrapped } = await createDataKey('Bäckerei-Weiß 1500', 1000);
    answers = { '': DB_INFO, 'rapport%3Akey': { status: 200, body: { _id: 'rapport:key', _rev: '1-a', format: 'rapport-couch-root', v: 1, databaseId: 'a1b2c3d4e5f60718', createdAt: 1, key: wrapped } } };
    fill('baeckerei-weiss 1500');
    await press('Speichern');
    const wrong = 'Das Team-Passwort passt nicht zu dieser Datenbank auf dem Server. Es wurde nichts übernommen.';
    expect((await screen.findByRole('alert')).textContent).toBe(wrong);
    expect((screen.getByLabelText('Team-Passwort (optional)') as HTMLInputElement).value).toBe('baeckerei-weiss 1500');
    expect(await getSyncTarget()).toBe('folder');
    // The key document was read through the probe: no URL, user or password reached the shell to be kept.
    expect(asked).toContain('GET rapport%3Akey');
    expect(kept).toEqual([]);
    expect(asked.some((a) => a.startsWith('POST') || a.startsWith('PUT'))).toBe(false);

    // In English as well the message names the server's database, not a folder.
    await act(async () => void (await i18next.changeLanguage('en')));
    try {
      await press('Save');
      expect((await screen.findByRole('alert')).textContent).toBe('The team passphrase does not open this database on the server. Nothing was kept.');
    } finally {
      await act(async () => void (await i18next.changeLanguage('de')));
    }
    expect(kept).toEqual([]);

    await press('Verbindung testen');
    expect((await screen.findByRole('alert')).textContent).toBe(wrong);

    fireEvent.change(screen.getByLabelText('Team-Passwort (optional)'), { target: { value: 'Bäckerei-Weiß 1500' } });
    await press('Verbindung testen');
    expect((await screen.findByRole('status')).textContent).toBe(
      'Verbindung in Ordnung: Die Datenbank rapport-nord antwortet, die Anmeldung passt. Das Team-Passwort stimmt: Dieser Laptop kann die verschlüsselten Daten des Servers lesen.',
    );
  });
});
