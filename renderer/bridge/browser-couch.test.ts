/** The browser build's CouchDB bridge against a real pouchdb-server: the password stays in memory only. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminRequest, type CouchServer, startCouchServer } from '../../tests/couch/server';
import { createBrowserCouch, metaAllowsConnect } from './browser-couch';
import { memoryHandleStore } from './fsa-sync';

const ADMIN = { user: 'jörg', password: 'Straße-1500' };
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer({ admin: ADMIN });
  await adminRequest(server.url, 'PUT', 'rapport-west', ADMIN);
}, 60_000);
afterAll(() => server.dispose());

describe('browser CouchDB bridge', () => {
  it('remembers URL and user, holds the password for the session only', async () => {
    const handles = memoryHandleStore();
    const set = vi.spyOn(handles, 'set');
    const couch = createBrowserCouch(handles);
    await expect(couch.setCouchTarget({ url: `${server.url}/rapport-west/`, user: ADMIN.user, password: ADMIN.password })).resolves.toEqual({
      url: `${server.url}/rapport-west`, user: ADMIN.user, kept: 'session',
    });
    expect(JSON.stringify(set.mock.calls)).not.toContain(ADMIN.password);
    await expect(couch.couchRequest({ method: 'GET', path: '' })).resolves.toMatchObject({ status: 200, body: { db_name: 'rapport-west' } });
    // An empty password keeps the session's.
    await couch.setCouchTarget({ url: `${server.url}/rapport-west`, user: ADMIN.user, password: '' });
    await expect(couch.couchRequest({ method: 'GET', path: '' })).resolves.toMatchObject({ status: 200 });

    // A reload: the same store, a new page without the password.
    const reloaded = createBrowserCouch(handles);
    await expect(reloaded.couchTargetInfo()).resolves.toEqual({ url: `${server.url}/rapport-west`, user: ADMIN.user, kept: 'none' });
    await expect(reloaded.couchRequest({ method: 'GET', path: '' })).resolves.toMatchObject({ status: 401 });
    await reloaded.setCouchTarget({ url: `${server.url}/rapport-west`, user: ADMIN.user, password: 'falsch' });
    await expect(reloaded.couchRequest({ method: 'GET', path: '' })).resolves.toMatchObject({ status: 401 });
    await expect(reloaded.setCouchTarget(null)).resolves.toEqual({ kept: 'none' });
    await expect(reloaded.couchRequest({ method: 'GET', path: '' })).rejects.toThrow(/ERR_COUCH_NO_TARGET/);
  });

  it('refuses URLs with credentials and paths outside the database before fetching', async () => {
    const fetchSpy = vi.fn(globalThis.fetch);
    const couch = createBrowserCouch(memoryHandleStore(), fetchSpy);
    await expect(couch.setCouchTarget({ url: 'https://anna:pw@couch.example.com/team', user: '', password: '' })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(couch.setCouchTarget({ url: 'ftp://couch.example.com/team', user: '', password: '' })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await couch.setCouchTarget({ url: `${server.url}/rapport-west`, user: ADMIN.user, password: ADMIN.password });
    for (const path of ['../_users', 'https://evil.example/', '%2E%2E/_config', '/_session']) {
      await expect(couch.couchRequest({ method: 'GET', path })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('probes a typed server with one read and keeps nothing of it: not in the handle store, not in the session', async () => {
    const handles = memoryHandleStore();
    const couch = createBrowserCouch(handles);
    await couch.setCouchTarget({ url: `${server.url}/rapport-west`, user: ADMIN.user, password: ADMIN.password });
    const remembered = await handles.get('couchTarget');
    const set = vi.spyOn(handles, 'set');
    await expect(couch.couchProbe({ target: { url: `${server.url}/rapport-ost`, user: 'anna', password: 'Köln-1500' }, request: { method: 'GET', path: '' } }))
      .resolves.toMatchObject({ status: 401 });
    // An empty password is the session's, for the same server and user only.
    await expect(couch.couchProbe({ target: { url: `${server.url}/rapport-west/`, user: ADMIN.user, password: '' }, request: { method: 'GET', path: '' } }))
      .resolves.toMatchObject({ status: 200, body: { db_name: 'rapport-west' } });
    await expect(couch.couchProbe({ target: { url: `${server.url}/rapport-ost`, user: ADMIN.user, password: '' }, request: { method: 'GET', path: '' } }))
      .resolves.toMatchObject({ status: 401 });
    expect(set).not.toHaveBeenCalled();
    expect(await handles.get('couchTarget')).toEqual(remembered);
    await expect(couch.couchTargetInfo()).resolves.toEqual({ url: `${server.url}/rapport-west`, user: ADMIN.user, kept: 'session' });
    await expect(couch.couchRequest({ method: 'GET', path: '' })).resolves.toMatchObject({ status: 200 });
    const typed = { url: `${server.url}/rapport-ost`, user: 'anna', password: 'x' };
    await expect(couch.couchProbe({ target: typed, request: { method: 'PUT', path: '' } as never })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(couch.couchProbe({ target: typed, request: { method: 'GET', path: '../_users' } })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(couch.couchProbe({ target: { ...typed, url: 'https://anna:x@couch.example.com/team' }, request: { method: 'GET', path: '' } })).rejects.toThrow(/ERR_INVALID_REQUEST/);
  });

  it("reads the build's CSP: connect-src 'self' alone does not reach a server", () => {
    const built = "default-src 'self'; connect-src 'self'; object-src 'none'";
    expect(metaAllowsConnect('https://couch.example.com', built)).toBe(false);
    expect(metaAllowsConnect('https://couch.example.com', "default-src 'self'; connect-src 'self' https://couch.example.com")).toBe(true);
    expect(metaAllowsConnect('https://couch.example.com', "default-src 'self'")).toBe(false);
    expect(metaAllowsConnect('https://couch.example.com', null)).toBe(true);
  });
});
