import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';
import { appRequestPath, contentTypeFor, resolveAppPath } from './protocol-path';

const root = resolve('/srv/rapport/dist/renderer');

describe('resolveAppPath', () => {
  it('maps paths inside the build output', () => {
    expect(resolveAppPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, '/assets/index-abc123.js')).toBe(join(root, 'assets', 'index-abc123.js'));
    expect(resolveAppPath(root, '/assets/Schrift%20Kl%C3%A4rung.woff2')).toBe(join(root, 'assets', 'Schrift Klärung.woff2'));
  });

  it('serves index.html for client-side routes', () => {
    expect(resolveAppPath(root, '/kunden/42')).toBe(join(root, 'index.html'));
  });

  it('refuses every way out of the root', () => {
    const attacks = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\secret.txt',
      '/%5c%5cserver%5cshare%5cx.js',
      '//etc/passwd',
      'etc/passwd',
      '/C:/Windows/win.ini',
      '/C%3A%5CWindows%5Cwin.ini',
      '/%2fetc%2fpasswd',
      '/index.html%00.png',
      '/assets/%E0%A4%A.js',
      '/./index.html',
      '/CON',
      '/nul.js',
    ];
    for (const attack of attacks) expect(resolveAppPath(root, attack), attack).toBeNull();
  });
});

describe('appRequestPath', () => {
  it('keeps the raw path of app://rapport URLs and drops query and hash', () => {
    expect(appRequestPath('app://rapport/assets/a.js?v=1#x')).toBe('/assets/a.js');
    expect(appRequestPath('app://rapport')).toBe('');
    expect(appRequestPath('app://rapport/%2e%2e/x')).toBe('/%2e%2e/x');
  });

  it('refuses other hosts and schemes', () => {
    expect(appRequestPath('app://rapport.evil/index.html')).toBeNull();
    expect(appRequestPath('app://other/index.html')).toBeNull();
    expect(appRequestPath('https://rapport/index.html')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows the Vite output types', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-proto-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Rapport</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'geheim');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const handler = () => createAppProtocolHandler({ root: join(dir, 'renderer') });

  it('serves files with type and the CSP header', async () => {
    const response = await handler()(new Request('app://rapport/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves a module worker chunk as JavaScript (a worker with another type is refused under nosniff)', async () => {
    writeFileSync(join(dir, 'renderer', 'assets', 'report.worker-Ab12.js'), 'postMessage(1)');
    const response = await handler()(new Request('app://rapport/assets/report.worker-Ab12.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves index.html at the root', async () => {
    const response = await handler()(new Request('app://rapport/'));
    expect(await response.text()).toContain('<title>Rapport</title>');
  });

  it('answers 404 for missing files and traversal, without leaking content', async () => {
    // Request objects normalise "..", so hand the handler the raw URL like Electron could.
    const raw = { method: 'GET', url: 'app://rapport/%2e%2e/secret.txt' } as Request;
    for (const request of [raw, new Request('app://rapport/missing.js'), new Request('app://other/index.html')]) {
      const response = await handler()(request);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('geheim');
    }
  });

  it('serves no source maps unless told to (a packaged build ships none to the window)', async () => {
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js.map'), '{"sources":["renderer/app.tsx"]}');
    for (const url of ['app://rapport/assets/app.js.map', 'app://rapport/assets/APP.JS.MAP']) {
      expect((await handler()(new Request(url))).status).toBe(404);
    }
    const dev = createAppProtocolHandler({ root: join(dir, 'renderer'), sourceMaps: true });
    const response = await dev(new Request('app://rapport/assets/app.js.map'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('renderer/app.tsx');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request('app://rapport/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
