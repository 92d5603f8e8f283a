// @vitest-environment jsdom
/**
 * "Speichern" in the server form with a team passphrase that does not open the typed database keeps
 * nothing of what was typed: not the URL, not the user, not the password, and the server kept before
 * (with its password) stays as it was. Run through the real controller over both real bridges: the
 * Electron shell's handlers (target file on a real temp folder, behind the same sender and zod checks
 * as in the app) and the browser build's bridge (handle store, password held for the session), against
 * a pouchdb-server on 127.0.0.1 started here.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCouchTargetStore, type Encrypter } from '../../electron/couch/target-store';
import { createCouchHandlers } from '../../electron/ipc/couch';
import { createInvokeListener } from '../../electron/ipc/register';
import type { HandlerMap, InvokeEventLike } from '../../electron/ipc/types';
import { trustedOrigins } from '../../electron/url-policy';
import { createBrowserCouch } from '../../renderer/bridge/browser-couch';
import { memoryHandleStore } from '../../renderer/bridge/fsa-sync';
import { openDb, type RapportDb, useDatabase as setAppDb } from '../../renderer/db/core/db';
import { forgetSyncKeys } from '../../renderer/db/sync/keys';
import { getSyncTarget } from '../../renderer/db/sync/settings';
import { saveServer } from '../../renderer/features/sync/server-controller';
import { savePassphrase, syncNow, useSync } from '../../renderer/features/sync/sync-controller';
import { BRIDGE_GLOBAL, type CouchBridge } from '../../shared/bridge/contract';
import { makeLaptop } from '../couch/clients';
import { adminRequest, type CouchServer, fetchTransport, startCouchServer } from '../couch/server';

const ADMIN = { user: 'admin', password: 'Server-Admin 2026' };
const JOERG = { user: 'jörg', password: 'Jörg-Bonn-2026' };
const TEAM = 'Bäckerei-Weiß 1500';
let server: CouchServer;
let dir: string;

/** The bridge the controller talks to; the window's bridge forwards to it (getBridge() reads the window once). */
let current: CouchBridge;
const forward = <K extends keyof CouchBridge>(k: K) => ((...args: never[]) => (current[k] as (...a: never[]) => unknown)(...args)) as CouchBridge[K];

beforeAll(async () => {
  server = await startCouchServer({ admin: ADMIN });
  for (const db of ['nord', 'ost']) expect(await adminRequest(server.url, 'PUT', db, ADMIN)).toBe(201);
  const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  const user = await fetch(`${server.url}/_users/org.couchdb.user:${encodeURIComponent(JOERG.user)}`, {
    method: 'PUT', headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: JOERG.user, password: JOERG.password, roles: [], type: 'user' }),
  });
  expect(user.status).toBe(201);
  // Two encrypted team databases: ours (TEAM) and another team's, whose passphrase is not ours.
  await (await makeLaptop('dnord001', fetchTransport(`${server.url}/nord`, ADMIN), { passphrase: TEAM })).engine.syncOnce();
  await (await makeLaptop('dost0001', fetchTransport(`${server.url}/ost`, ADMIN), { passphrase: 'Ein anderes Team 2026' })).engine.syncOnce();
  // The other team's database answers Jörg's login: the refusal below is the passphrase's, not the login's.
  expect((await fetchTransport(`${server.url}/ost`, JOERG).request({ method: 'GET', path: '' })).status).toBe(200);
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = {
    couchTargetInfo: forward('couchTargetInfo'),
    setCouchTarget: forward('setCouchTarget'),
    couchRequest: forward('couchRequest'),
    couchProbe: forward('couchProbe'),
    syncFolderInfo: async () => ({ canChoose: true }),
    syncRead: async () => null,
  };
}, 120_000);
afterAll(() => server?.dispose());

let db: RapportDb | undefined;
afterEach(async () => {
  await syncNow();
  await savePassphrase('');
  await forgetSyncKeys();
  useSync.setState({ target: 'folder', couch: undefined, status: undefined });
  db?.close();
  await db?.delete();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A stand-in keychain (reversible; the stored bytes never hold the password as written), or none. */
const keychain = (available: boolean): Encrypter => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`k1:${Buffer.from(plain).toString('hex')}`),
  decryptString: (bytes) => Buffer.from(bytes.toString().slice(3), 'hex').toString(),
});

type Shell = { name: string; bridge: CouchBridge; kept(): Promise<unknown> };

async function electronShell(encrypter: Encrypter): Promise<Shell> {
  dir = await mkdtemp(join(tmpdir(), 'rapport-couch-save-'));
  const file = join(dir, 'couch-target.json');
  const handlers = createCouchHandlers<{ id: number }>({ store: createCouchTargetStore(file, encrypter) }) as unknown as HandlerMap<{ id: number }>;
  const event: InvokeEventLike<{ id: number }> = { sender: { id: 1 }, senderFrame: { url: 'app://rapport/index.html', parent: null } };
  const log = { warn: vi.fn(), error: vi.fn() };
  const invoke = (method: keyof CouchBridge) => (arg?: unknown) => createInvokeListener<{ id: number }, typeof event>(method, handlers, { origins: trustedOrigins(), log })(event, arg);
  const bridge = { couchTargetInfo: invoke('couchTargetInfo'), setCouchTarget: invoke('setCouchTarget'), couchRequest: invoke('couchRequest'), couchProbe: invoke('couchProbe') } as CouchBridge;
  return { name: 'electron', bridge, kept: () => readFile(file, 'utf8').catch(() => 'no file') };
}

function browserShell(): Shell {
  const handles = memoryHandleStore();
  return { name: 'browser', bridge: createBrowserCouch(handles, (input, init) => fetch(input, init)), kept: () => handles.get('couchTarget') };
}

const shells: Array<[string, () => Promise<Shell> | Shell]> = [
  ['Electron, password in the keychain', () => electronShell(keychain(true))],
  ['Electron without a keychain (password for the session)', () => electronShell(keychain(false))],
  ['browser build (password for the session)', browserShell],
];

describe.each(shells)('"Speichern" with a wrong team passphrase, %s', (_name, make) => {
  it('keeps nothing typed; the server kept before still answers with its password', async () => {
    const shell = await make();
    current = shell.bridge;
    db = openDb(`couch-save-refused-${crypto.randomUUID()}`);
    setAppDb(db);

    // Nothing kept yet: a refusal keeps nothing at all.
    const other = { url: `${server.url}/ost`, user: ` ${JOERG.user} `, password: JOERG.password, passphrase: TEAM };
    await expect(saveServer(other)).resolves.toEqual({ kind: 'wrongPassphrase' });
    await expect(shell.bridge.couchTargetInfo()).resolves.toEqual({ kept: 'none' });
    expect(await shell.kept()).toBeOneOf(['no file', undefined]);
    expect(await getSyncTarget()).toBe('folder');

    // Our server, saved with the right passphrase.
    await expect(saveServer({ url: `${server.url}/nord/`, user: ADMIN.user, password: ADMIN.password, passphrase: TEAM })).resolves.toEqual({ kind: 'saved', passphrase: 'unlocked' });
    await syncNow();
    const before = await shell.bridge.couchTargetInfo();
    expect(before).toMatchObject({ url: `${server.url}/nord`, user: ADMIN.user });
    expect(before.kept).not.toBe('none');
    const keptBefore = await shell.kept();

    // The other team's server with Jörg's (valid) login and our passphrase: refused, nothing of it kept.
    await expect(saveServer(other)).resolves.toEqual({ kind: 'wrongPassphrase' });
    await expect(shell.bridge.couchTargetInfo()).resolves.toEqual(before);
    expect(await shell.kept()).toEqual(keptBefore);
    expect(JSON.stringify(await shell.kept())).not.toContain('ost');
    expect(useSync.getState().couch).toEqual(before);
    expect(await getSyncTarget()).toBe('couch');
    // The kept password is still the admin's, not Jörg's: the kept server answers to it.
    await expect(shell.bridge.couchRequest({ method: 'GET', path: '' })).resolves.toMatchObject({ status: 200, body: { db_name: 'nord' } });
    await syncNow();
    expect(useSync.getState().status).toMatchObject({ ok: true, problems: [] });
  });
});
