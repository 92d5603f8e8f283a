// @vitest-environment jsdom
/**
 * The team passphrase typed into the server form is checked against the database's `rapport:key`
 * document before anything of it is kept, as the folder form does: a real pouchdb-server (started here
 * on 127.0.0.1), the real app database; the bridge does what the shell does (keeps the target, sends
 * each request to it with the login).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type CouchProbeRequest, type CouchTargetRequest } from '../../../shared/bridge/contract';
import type { CouchRequest } from '../../../shared/sync/couch';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../../../tests/couch/server';
import { makeLaptop } from '../../../tests/couch/clients';
import { openDb, type RapportDb, useDatabase as setAppDb } from '../../db/core/db';
import { forgetSyncKeys, hasSyncKey, syncKeyring } from '../../db/sync/keys';
import { getSyncTarget } from '../../db/sync/settings';
import { saveServer, testConnection } from './server-controller';
import { passphraseForRun, savePassphrase, syncNow, useSync } from './sync-controller';

const ADMIN = { user: 'admin', password: 'Geheim-2026' };
const TEAM = 'Bäckerei-Weiß 1500';
let server: CouchServer;
let target: { url: string; user: string; password: string } | null = null;

beforeAll(async () => {
  server = await startCouchServer({ admin: ADMIN });
  // An encrypted team database (its key document written by a laptop's first run), a plain one, an empty one.
  for (const db of ['nord', 'sued', 'leer']) expect(await adminRequest(server.url, 'PUT', db, ADMIN)).toBe(201);
  await (await makeLaptop('dalice01', fetchTransport(`${server.url}/nord`, ADMIN), { passphrase: TEAM })).engine.syncOnce();
  await (await makeLaptop('dalice01', fetchTransport(`${server.url}/sued`, ADMIN))).engine.syncOnce();
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = {
    setCouchTarget: async (req: CouchTargetRequest) => {
      target = req ? { url: req.url, user: req.user, password: req.password || target?.password || '' } : null;
      return req ? { url: req.url, user: req.user, kept: 'session' } : { kept: 'none' };
    },
    couchTargetInfo: async () => (target ? { url: target.url, user: target.user, kept: 'session' } : { kept: 'none' }),
    couchRequest: (req: CouchRequest) => {
      if (!target) throw new Error('no server set');
      return fetchTransport(target.url, target).request(req);
    },
    // A read from the typed server that keeps nothing (an empty password: the kept one for the same server and user).
    couchProbe: ({ target: typed, request }: CouchProbeRequest) => {
      const same = target?.url === typed.url && target.user === typed.user;
      return fetchTransport(typed.url, { user: typed.user, password: typed.password || (same ? target?.password : '') }).request(request);
    },
    syncFolderInfo: async () => ({ canChoose: true }),
    syncRead: async () => null,
  };
}, 60_000);
afterAll(() => server?.dispose());

let db: RapportDb | undefined;
afterEach(async () => {
  await syncNow(); // the run "Speichern" started
  await savePassphrase('');
  await forgetSyncKeys();
  target = null;
  useSync.setState({ target: 'folder', couch: undefined, status: undefined });
  db?.close();
  await db?.delete();
});
function freshLaptop() {
  db = openDb(`server-passphrase-${crypto.randomUUID()}`);
  setAppDb(db);
}

const form = (database: string, passphrase: string) => ({ url: `${server.url}/${database}`, user: ADMIN.user, password: ADMIN.password, passphrase });

describe('the team passphrase in the server form', () => {
  it('"Verbindung testen" refuses a wrong one with the folder’s check and accepts the right one', async () => {
    freshLaptop();
    await expect(testConnection(form('nord', 'Baeckerei-Weiss 1500'))).resolves.toEqual({ kind: 'wrongPassphrase' });
    await expect(testConnection(form('nord', TEAM))).resolves.toEqual({ kind: 'ok', database: 'nord', passphrase: 'unlocked' });
    await expect(testConnection(form('sued', TEAM))).resolves.toEqual({ kind: 'ok', database: 'sued', passphrase: 'notEncrypted' });
    await expect(testConnection(form('leer', TEAM))).resolves.toEqual({ kind: 'ok', database: 'leer', passphrase: 'waiting' });
    // A test keeps no passphrase and no key.
    expect(await hasSyncKey()).toBe(false);
    expect(await passphraseForRun()).toBeUndefined();
  });

  it('"Speichern" with a wrong one keeps nothing of it: no key, no passphrase, the target stays, no run', async () => {
    freshLaptop();
    await expect(saveServer(form('nord', 'bäckerei-weiß 1500'))).resolves.toEqual({ kind: 'wrongPassphrase' });
    expect(await hasSyncKey()).toBe(false);
    expect(await passphraseForRun()).toBeUndefined();
    expect(await getSyncTarget()).toBe('folder');
    expect(useSync.getState().target).toBe('folder');
    expect(useSync.getState().status).toBeUndefined();
  });

  it('"Speichern" with the right one keeps the database’s key, switches to the server and syncs with it', async () => {
    freshLaptop();
    await expect(saveServer(form('nord', TEAM))).resolves.toEqual({ kind: 'saved', passphrase: 'unlocked' });
    expect(await getSyncTarget()).toBe('couch');
    // Only the unwrapped key is kept (non-extractable), never the passphrase.
    expect(await passphraseForRun()).toBeUndefined();
    const root = (await fetchTransport(`${server.url}/nord`, ADMIN).request({ method: 'GET', path: 'rapport%3Akey' })).body as { databaseId: string };
    expect((await syncKeyring.get(root.databaseId))?.extractable).toBe(false);
    await syncNow();
    expect(useSync.getState().status).toMatchObject({ ok: true, problems: [] });
  });

  it('on an empty database the passphrase waits for the first run, which encrypts with it', async () => {
    freshLaptop();
    await expect(saveServer(form('leer', TEAM))).resolves.toEqual({ kind: 'saved', passphrase: 'waiting' });
    expect(await passphraseForRun()).toBe(TEAM);
    await syncNow();
    expect(useSync.getState().status).toMatchObject({ ok: true });
    const root = (await fetchTransport(`${server.url}/leer`, ADMIN).request({ method: 'GET', path: 'rapport%3Akey' })).body as { key?: unknown };
    expect(root.key).toBeDefined();
    await expect(testConnection(form('leer', 'ein anderes Passwort'))).resolves.toEqual({ kind: 'wrongPassphrase' });
  });
});
