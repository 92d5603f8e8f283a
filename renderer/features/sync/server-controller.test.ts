// @vitest-environment jsdom
/**
 * "Verbindung testen": every answer of the server becomes the message a sync run would log (the
 * engine's faultOf), a refused URL is named before anything is sent, and a CSP block is told apart.
 * A test keeps nothing: it reads through couchProbe, never setCouchTarget.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type CouchProbeRequest, type CouchTargetRequest } from '../../../shared/bridge/contract';
import type { CouchResponse } from '../../../shared/sync/couch';
import { testConnection } from './server-controller';
import { useSync } from './sync-controller';

let answer: CouchResponse = { status: 0, body: null };
const kept: CouchTargetRequest[] = [];
const probed: CouchProbeRequest[] = [];
beforeAll(() => {
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = {
    setCouchTarget: async (req: CouchTargetRequest) => {
      kept.push(req);
      return req ? { url: req.url, user: req.user, kept: req.password ? 'safeStorage' : 'none' } : { kept: 'none' };
    },
    couchRequest: async () => answer,
    couchProbe: async (req: CouchProbeRequest) => {
      probed.push(req);
      return answer;
    },
  };
});

const form = { url: 'https://couch.example.com/rapport-nord/', user: ' anna ', password: 'Köln-1500', passphrase: '' };
const check = async (res: CouchResponse) => {
  answer = res;
  return testConnection(form);
};

describe('testConnection', () => {
  it('asks the normalised target through the probe, keeps nothing, and reports a CouchDB database as fine', async () => {
    await expect(check({ status: 200, body: { db_name: 'rapport-nord', doc_count: 3 } })).resolves.toEqual({ kind: 'ok', database: 'rapport-nord' });
    expect(probed.at(-1)).toEqual({ target: { url: 'https://couch.example.com/rapport-nord', user: 'anna', password: 'Köln-1500' }, request: { method: 'GET', path: '' } });
    expect(kept).toEqual([]);
    expect(useSync.getState().couch).toBeUndefined();
  });

  it('names each problem with the texts’ parameters', async () => {
    const code = async (res: CouchResponse) => {
      const c = await check(res);
      return c.kind === 'problem' ? { code: c.problem.code, params: c.problem.params } : c;
    };
    await expect(code({ status: 401, body: { error: 'unauthorized' } })).resolves.toEqual({ code: 'couch.unauthorized', params: { user: 'anna' } });
    await expect(code({ status: 403, body: { error: 'forbidden' } })).resolves.toEqual({ code: 'couch.forbidden', params: { user: 'anna', database: 'rapport-nord' } });
    await expect(code({ status: 404, body: { error: 'not_found', reason: 'Database does not exist.' } })).resolves.toEqual({ code: 'couch.notFound', params: { database: 'rapport-nord' } });
    await expect(code({ status: 404, body: { text: '<html>Not Found</html>' } })).resolves.toEqual({ code: 'couch.notCouch', params: { url: 'https://couch.example.com' } });
    await expect(code({ status: 200, body: { text: '<!doctype html><title>Intranet</title>' } })).resolves.toEqual({ code: 'couch.notCouch', params: { url: 'https://couch.example.com' } });
    await expect(code({ status: 503, body: null })).resolves.toEqual({ code: 'couch.serverError', params: { status: 503 } });
    await expect(code({ status: 0, body: { error: 'unreachable', reason: 'ECONNREFUSED' } })).resolves.toEqual({ code: 'couch.unreachable', params: { server: 'https://couch.example.com' } });
    await expect(check({ status: 0, body: { error: 'unreachable', reason: 'csp' } })).resolves.toEqual({ kind: 'csp', server: 'https://couch.example.com' });
  });

  it('refuses a URL with credentials or without a database before the shell sees it', async () => {
    const before = probed.length;
    await expect(testConnection({ ...form, url: 'https://anna:geheim@couch.example.com/rapport-nord' })).resolves.toEqual({ kind: 'url', problem: 'credentials' });
    await expect(testConnection({ ...form, url: 'couch.example.com/rapport-nord' })).resolves.toEqual({ kind: 'url', problem: 'invalid' });
    await expect(testConnection({ ...form, url: 'https://couch.example.com' })).resolves.toEqual({ kind: 'url', problem: 'noDatabase' });
    expect(probed.length).toBe(before);
    expect(kept).toEqual([]);
  });
});
