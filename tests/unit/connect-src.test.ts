import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectOrigins, widenConnectSrc } from '../../build/connect-src';
import { parseCsp } from '../../electron/csp';

const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
const metaCsp = (text: string) => parseCsp(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(text)![1]!);

describe('the browser build names its CouchDB server in connect-src', () => {
  it("leaves connect-src 'self' alone without RAPPORT_CONNECT_SRC", () => {
    expect(widenConnectSrc(html, connectOrigins(undefined))).toBe(html);
    expect(widenConnectSrc(html, connectOrigins(''))).toBe(html);
  });

  it('adds exactly the named origins and changes no other directive', () => {
    const widened = widenConnectSrc(html, connectOrigins('https://couch.example.com, http://127.0.0.1:5984'));
    const before = metaCsp(html);
    const after = metaCsp(widened);
    expect(after.get('connect-src')).toBe("'self' http://127.0.0.1:5984 https://couch.example.com");
    after.delete('connect-src');
    before.delete('connect-src');
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  });

  it('refuses anything but bare origins', () => {
    for (const bad of ['*', 'https:', 'https://couch.example.com/team', 'https://a:b@couch.example.com', "'unsafe-inline'", 'ftp://x.example']) {
      expect(() => connectOrigins(bad), bad).toThrow(/RAPPORT_CONNECT_SRC/);
    }
  });
});
