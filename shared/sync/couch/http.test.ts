import { describe, expect, it } from 'vitest';
import { couchCall, faultOf } from './http';

const labels = { server: 'https://couch.example.de', database: 'rapport-team', user: 'jkraemer' };

describe('HTTP answers → problems', () => {
  it.each([
    [0, { error: 'unreachable' }, 'couch.unreachable', { server: 'https://couch.example.de' }],
    [401, { error: 'unauthorized' }, 'couch.unauthorized', { user: 'jkraemer' }],
    [403, { error: 'forbidden' }, 'couch.forbidden', { user: 'jkraemer', database: 'rapport-team' }],
    [404, { error: 'not_found', reason: 'Database does not exist.' }, 'couch.notFound', { database: 'rapport-team' }],
    [404, { text: '<html>Not Found</html>' }, 'couch.notCouch', { url: 'https://couch.example.de' }],
    [500, { error: 'unknown_error' }, 'couch.serverError', { status: 500 }],
    [503, null, 'couch.serverError', { status: 503 }],
  ])('status %i', (status, body, code, params) => {
    const e = faultOf({ status, body }, labels);
    expect([e.code, e.params]).toEqual([code, params]);
  });

  it('a transport that throws (IPC gone) counts as unreachable', async () => {
    const transport = { request: () => Promise.reject(new Error('ipc closed')) };
    await expect(couchCall(transport, labels, 'GET', '', undefined)).rejects.toMatchObject({ code: 'couch.unreachable' });
  });
});
