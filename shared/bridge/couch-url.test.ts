import { describe, expect, it } from 'vitest';
import { isCouchRequestPath, parseCouchUrl, resolveCouchPath } from './couch-url';

describe('CouchDB database URL', () => {
  it('accepts http(s) URLs naming a database, also behind a path prefix', () => {
    expect(parseCouchUrl(' https://couch.example.com/rapport-nord/ ')).toEqual({ url: 'https://couch.example.com/rapport-nord', database: 'rapport-nord' });
    expect(parseCouchUrl('https://intranet.example.de/couchdb/team_sued')).toEqual({ url: 'https://intranet.example.de/couchdb/team_sued', database: 'team_sued' });
    expect(parseCouchUrl('http://127.0.0.1:5984/rapport')).toMatchObject({ database: 'rapport' });
  });

  it('refuses what is not one database of one server', () => {
    expect(parseCouchUrl('couch.example.com/team')).toEqual({ problem: 'invalid' });
    expect(parseCouchUrl('ftp://couch.example.com/team')).toEqual({ problem: 'scheme' });
    expect(parseCouchUrl('https://anna:geheim@couch.example.com/team')).toEqual({ problem: 'credentials' });
    expect(parseCouchUrl('https://couch.example.com/')).toEqual({ problem: 'noDatabase' });
    expect(parseCouchUrl('https://couch.example.com/Team')).toEqual({ problem: 'noDatabase' });
    expect(parseCouchUrl('https://couch.example.com/team?x=1')).toEqual({ problem: 'queryOrHash' });
  });
});

describe('request paths', () => {
  const db = 'https://couch.example.com/couchdb/team';
  it('resolve below the database', () => {
    expect(resolveCouchPath(db, '').href).toBe(db);
    expect(resolveCouchPath(db, '_changes?since=12-g1AAAA&limit=500').href).toBe(`${db}/_changes?since=12-g1AAAA&limit=500`);
    expect(resolveCouchPath(db, '_local/d12ab').href).toBe(`${db}/_local/d12ab`);
    expect(resolveCouchPath(db, 'accounts%3Aa1?revs=true').href).toBe(`${db}/accounts%3Aa1?revs=true`);
  });

  it('never leave it', () => {
    for (const bad of ['..', '../other', '_local/../../other', '%2e%2e/other', '.%2E/x', '/team2', '//evil.example/', 'https://evil.example/x', 'a\\b', 'a//b', 'x#frag', 'a%2Fb', 'a\u0000b']) {
      expect(isCouchRequestPath(bad), bad).toBe(false);
      expect(() => resolveCouchPath(db, bad), bad).toThrow(/ERR_COUCH_PATH/);
    }
  });
});
