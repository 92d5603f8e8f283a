/**
 * The CouchDB handlers against a real pouchdb-server on 127.0.0.1 (started here, in memory, with an
 * admin so wrong credentials are refused), on real temp folders, through the same sender and zod
 * wrapper as in the app.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { startCouchServer, type CouchServer } from '../../tests/couch/server';
import { createCouchTargetStore, type Encrypter } from '../couch/target-store';
import { trustedOrigins } from '../url-policy';
import { createCouchHandlers } from './couch';
import { createInvokeListener } from './register';
import type { HandlerMap, InvokeEventLike } from './types';

type FakeSender = { id: number };
const event: InvokeEventLike<FakeSender> = { sender: { id: 1 }, senderFrame: { url: 'app://rapport/index.html', parent: null } };
const ADMIN = { user: 'jörg', password: 'Wüste-Sand 7' };

/** A stand-in keychain: reversible, but the stored bytes never contain the password as written. */
const keychain = (available = true): Encrypter => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`k1:${Buffer.from(plain).toString('hex')}`),
  decryptString: (bytes) => Buffer.from(bytes.toString().slice(3), 'hex').toString(),
});

let server: CouchServer;
let dir: string;
beforeAll(async () => {
  server = await startCouchServer({ admin: ADMIN });
}, 60_000);
afterAll(async () => {
  await server.dispose();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-couch-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(options: { encrypter?: Encrypter; fetch?: typeof fetch; timeoutMs?: number } = {}) {
  const file = join(dir, 'couch-target.json');
  const store = createCouchTargetStore(file, options.encrypter ?? keychain());
  const handlers = createCouchHandlers<FakeSender>({ store, ...options }) as unknown as HandlerMap<FakeSender>;
  const log = { warn: vi.fn(), error: vi.fn() };
  const call = (method: 'couchTargetInfo' | 'setCouchTarget' | 'couchRequest' | 'couchProbe', ...args: unknown[]) =>
    createInvokeListener<FakeSender, typeof event>(method, handlers, { origins: trustedOrigins(), log })(event, ...args);
  const logged = () => JSON.stringify([...log.warn.mock.calls, ...log.error.mock.calls].map((c) => c.map(String)));
  return { call, file, log, logged };
}

describe('CouchDB target and requests', () => {
  it('keeps the password encrypted in a file of its own and reaches the database with it', async () => {
    const { call, file } = setup();
    await expect(call('couchTargetInfo')).resolves.toEqual({ kept: 'none' });
    const info = await call('setCouchTarget', { url: `${server.url}/rapport-nord/`, user: ADMIN.user, password: ADMIN.password });
    expect(info).toEqual({ url: `${server.url}/rapport-nord`, user: ADMIN.user, kept: 'safeStorage' });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(ADMIN.password);
    expect(JSON.parse(text)).toMatchObject({ url: `${server.url}/rapport-nord`, user: ADMIN.user });

    await expect(call('couchRequest', { method: 'GET', path: '' })).resolves.toMatchObject({ status: 404, body: { error: 'not_found' } });
    await expect(call('couchRequest', { method: 'PUT', path: '' })).resolves.toMatchObject({ status: 201 });
    await expect(call('couchRequest', { method: 'GET', path: '' })).resolves.toMatchObject({ status: 200, body: { db_name: 'rapport-nord' } });
    const doc = { _id: 'accounts:a1', f: { name: { h: '0001', v: 'Bäckerei Weiß' } } };
    await expect(call('couchRequest', { method: 'POST', path: '_bulk_docs', body: { docs: [doc] } })).resolves.toMatchObject({ status: 201 });
    const changes = (await call('couchRequest', { method: 'GET', path: '_changes?since=0&include_docs=true' })) as { status: number; body: { results: Array<{ doc: unknown }> } };
    expect(changes.body.results[0]!.doc).toMatchObject(doc);

    // Saving again with an empty password keeps the kept one; a new session (restart) still has it.
    await call('setCouchTarget', { url: `${server.url}/rapport-nord`, user: ADMIN.user, password: '' });
    const again = setup();
    await expect(again.call('couchTargetInfo')).resolves.toMatchObject({ kept: 'safeStorage' });
    await expect(again.call('couchRequest', { method: 'GET', path: '' })).resolves.toMatchObject({ status: 200 });

    await expect(call('setCouchTarget', null)).resolves.toEqual({ kept: 'none' });
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
    await expect(call('couchRequest', { method: 'GET', path: '' })).rejects.toThrow(/ERR_COUCH_NO_TARGET/);
  });

  it('answers 401 for a wrong password and never logs it', async () => {
    const { call, logged } = setup();
    await call('setCouchTarget', { url: `${server.url}/rapport-nord`, user: ADMIN.user, password: 'falsch-geraten' });
    await expect(call('couchRequest', { method: 'GET', path: '' })).resolves.toMatchObject({ status: 401 });
    await expect(call('setCouchTarget', { url: `http://anna:falsch-geraten@127.0.0.1:${server.port}/x`, user: '', password: '' })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    expect(logged()).not.toContain('falsch-geraten');
    expect(logged()).not.toContain(ADMIN.password);
  });

  it('refuses to store the password in plain text without a keychain, and keeps it for the session only', async () => {
    const { call, file } = setup({ encrypter: keychain(false) });
    const info = await call('setCouchTarget', { url: `${server.url}/rapport-sued`, user: ADMIN.user, password: ADMIN.password });
    expect(info).toMatchObject({ kept: 'session' });
    expect(await readFile(file, 'utf8')).not.toContain('Wüste');
    await expect(call('couchRequest', { method: 'PUT', path: '' })).resolves.toMatchObject({ status: 201 });
    const restarted = setup({ encrypter: keychain(false) });
    await expect(restarted.call('couchTargetInfo')).resolves.toEqual({ url: `${server.url}/rapport-sued`, user: ADMIN.user, kept: 'none' });
    await expect(restarted.call('couchRequest', { method: 'GET', path: '' })).resolves.toMatchObject({ status: 401 });
  });

  it('gives status 0 when the server is unreachable or too slow, and a text excerpt for a web page', async () => {
    const stopped = await startCouchServer();
    const url = `${stopped.url}/rapport-nord`;
    await stopped.dispose();
    const { call } = setup();
    await call('setCouchTarget', { url, user: '', password: '' });
    await expect(call('couchRequest', { method: 'GET', path: '' })).resolves.toEqual({ status: 0, body: { error: 'unreachable', reason: 'ECONNREFUSED' } });

    const sockets = new Set<import('node:net').Socket>();
    const web: Server = createServer((req, res) => {
      if (req.url?.startsWith('/slow')) return; // never answers
      if (req.url?.startsWith('/moved')) return void res.writeHead(302, { location: 'http://example.com/' }).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Intranet</title>');
    });
    web.on('connection', (s) => sockets.add(s));
    await new Promise<void>((done) => web.listen(0, '127.0.0.1', done));
    const port = (web.address() as { port: number }).port;
    try {
      const slow = setup({ timeoutMs: 300 });
      await slow.call('setCouchTarget', { url: `http://127.0.0.1:${port}/slow`, user: '', password: '' });
      await expect(slow.call('couchRequest', { method: 'GET', path: '' })).resolves.toEqual({ status: 0, body: { error: 'unreachable', reason: 'timeout' } });
      await slow.call('setCouchTarget', { url: `http://127.0.0.1:${port}/moved`, user: '', password: '' });
      await expect(slow.call('couchRequest', { method: 'GET', path: '' })).resolves.toMatchObject({ status: 0 });
      await slow.call('setCouchTarget', { url: `http://127.0.0.1:${port}/intranet`, user: '', password: '' });
      await expect(slow.call('couchRequest', { method: 'GET', path: '' })).resolves.toEqual({ status: 200, body: { text: '<!doctype html><title>Intranet</title>' } });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((done) => web.close(done));
    }
  });

  it('sends nothing for a path that leaves the database', async () => {
    const spy = vi.fn(globalThis.fetch);
    const { call } = setup({ fetch: spy });
    await call('setCouchTarget', { url: `${server.url}/rapport-nord`, user: ADMIN.user, password: ADMIN.password });
    const bad = ['../_users', '/_users', 'http://evil.example/x', '//evil.example/x', '%2e%2e/_config', '_local/../../_users', 'a//b', '_all_docs#x', 'a\\..\\b', '.'];
    for (const path of bad) await expect(call('couchRequest', { method: 'GET', path }), path).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(call('couchRequest', { method: 'PATCH', path: '' })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    expect(spy).not.toHaveBeenCalled();
    await call('couchRequest', { method: 'GET', path: '_local/d12ab34cd' });
    expect(String(spy.mock.calls[0]![0])).toBe(`${server.url}/rapport-nord/_local/d12ab34cd`);
  });

  it('probes a typed server with one read and keeps nothing of it', async () => {
    const spy = vi.fn(globalThis.fetch);
    const { call, file } = setup({ fetch: spy });
    await call('setCouchTarget', { url: `${server.url}/rapport-nord`, user: ADMIN.user, password: ADMIN.password });
    await call('couchRequest', { method: 'PUT', path: '' });
    const kept = await readFile(file, 'utf8');
    const info = await call('couchTargetInfo');
    // The typed server with a typed login: asked with it, and then forgotten.
    await expect(call('couchProbe', { target: { url: `${server.url}/rapport-ost/`, user: 'anna', password: 'Köln-1500' }, request: { method: 'GET', path: '' } }))
      .resolves.toMatchObject({ status: 401 });
    // An empty password is the kept one, for the same server and user only.
    await expect(call('couchProbe', { target: { url: `${server.url}/rapport-nord`, user: ADMIN.user, password: '' }, request: { method: 'GET', path: '' } }))
      .resolves.toMatchObject({ status: 200, body: { db_name: 'rapport-nord' } });
    await expect(call('couchProbe', { target: { url: `${server.url}/rapport-ost`, user: ADMIN.user, password: '' }, request: { method: 'GET', path: '' } }))
      .resolves.toMatchObject({ status: 401 });
    expect(await readFile(file, 'utf8')).toBe(kept);
    await expect(call('couchTargetInfo')).resolves.toEqual(info);
    await expect(call('couchRequest', { method: 'GET', path: '' })).resolves.toMatchObject({ status: 200, body: { db_name: 'rapport-nord' } });
    // A probe only reads, below the database, at a URL without credentials.
    const calls = spy.mock.calls.length;
    const probe = (target: unknown, request: unknown) => call('couchProbe', { target, request });
    const typed = { url: `${server.url}/rapport-ost`, user: 'anna', password: 'x' };
    for (const method of ['PUT', 'POST', 'DELETE', 'HEAD']) await expect(probe(typed, { method, path: '' }), method).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(probe(typed, { method: 'GET', path: '../_users' })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(probe({ ...typed, url: `http://anna:x@127.0.0.1:${server.port}/rapport-ost` }, { method: 'GET', path: '' })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(probe({ ...typed, user: 'an:na' }, { method: 'GET', path: '' })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    expect(spy.mock.calls.length).toBe(calls);
  });
});
