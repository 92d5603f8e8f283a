/**
 * Static checks on source and config that unit tests of behaviour cannot see: the window's
 * webPreferences, the CSP, the packaged binary's fuses and the renderer's CSP meta tag.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseCsp } from './csp';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const require = createRequire(import.meta.url);

/** All .ts/.cts sources under electron/, tests excluded. */
function shellSources(dir = join(root, 'electron')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return shellSources(path);
    return /\.c?ts$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

describe('main window webPreferences (electron/window.ts)', () => {
  const source = read('electron/window.ts');
  const prefs = /webPreferences:\s*\{([\s\S]*?)\n\s*\},/.exec(source)?.[1] ?? '';

  it('isolates and sandboxes the renderer', () => {
    expect(prefs).not.toBe('');
    expect(prefs).toMatch(/\bcontextIsolation:\s*true\b/);
    expect(prefs).toMatch(/\bsandbox:\s*true\b/);
    expect(prefs).toMatch(/\bnodeIntegration:\s*false\b/);
    expect(prefs).toMatch(/\bwebviewTag:\s*false\b/);
    expect(prefs).toMatch(/\bpreload:/);
  });

  it('never weakens web security anywhere in the shell', () => {
    for (const file of shellSources()) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/webSecurity:\s*false/);
      expect(text, file).not.toMatch(/nodeIntegration(InWorker|InSubFrames)?:\s*true/);
      expect(text, file).not.toMatch(/contextIsolation:\s*false/);
      expect(text, file).not.toMatch(/sandbox:\s*false/);
      expect(text, file).not.toMatch(/allowRunningInsecureContent:\s*true/);
      expect(text, file).not.toMatch(/experimentalFeatures:\s*true/);
      expect(text, file).not.toMatch(/bypassCSP:\s*true/);
    }
  });

  it('keeps electron out of the plain Node modules', () => {
    // Only these thin files may use electron at runtime; everything else is testable under Node.
    const allowed = new Set(['main.ts', 'window.ts', join('ipc', 'wire.ts'), 'preload.cts']);
    for (const file of shellSources()) {
      const text = readFileSync(file, 'utf8');
      const runtimeImport = /^import\s+(?!type\b)[^;]*from\s+'electron'/m.test(text) || /require\('electron'\)/.test(text);
      const relative = file.slice(join(root, 'electron').length + 1);
      if (runtimeImport) expect(allowed.has(relative), `${relative} imports electron`).toBe(true);
    }
  });

  it('keeps the preload to IPC forwarding: electron is its only module', () => {
    const preload = read('electron/preload.cts');
    const modules = [...preload.matchAll(/(?:from|require\()\s*'([^']+)'/g)].map((m) => m[1]);
    expect(new Set(modules)).toEqual(new Set(['electron', '../shared/bridge/contract']));
    expect(preload).toMatch(/satisfies Bridge/);
    expect(preload).toMatch(/exposeInMainWorld\(BRIDGE_GLOBAL, bridge\)/);
  });
});

describe('Content-Security-Policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it("defaults to 'self' and allows no inline or eval'd script", () => {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    // The reports worker: own chunks only, never blob: or data: workers.
    expect(csp.get('worker-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
  });

  it('loads nothing from the network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it("keeps connect-src 'self' with CouchDB sync: the main process does that HTTP (electron/couch)", () => {
    expect(csp.get('connect-src')).toBe("'self'");
    // The renderer reaches a CouchDB server only through the bridge's couchRequest, never with its own fetch.
    expect(read('electron/ipc/wire.ts')).toMatch(/createCouchHandlers/);
  });

  it('renderer/index.html carries the same policy in a meta tag', () => {
    const path = join(root, 'renderer', 'index.html');
    expect(existsSync(path), 'renderer/index.html is missing').toBe(true);
    const html = readFileSync(path, 'utf8');
    const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
    expect(content, 'no CSP meta tag in renderer/index.html').toBeDefined();
    // Browsers ignore frame-ancestors in a meta tag, so the tag may leave it out; the header has it.
    const expected = new Map(csp);
    const meta = parseCsp(content!);
    if (!meta.has('frame-ancestors')) expected.delete('frame-ancestors');
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries(expected));
  });
});

/**
 * js-yaml arrives with electron-builder; should it ever move, fall back to a structural reading
 * that covers what this file uses (top-level keys, one level of nested maps, lists of scalars).
 */
function loadYaml(text: string): Record<string, unknown> {
  try {
    return (require('js-yaml') as { load(text: string): Record<string, unknown> }).load(text);
  } catch {
    const scalar = (v: string): unknown => {
      const t = v.replace(/\s+#.*$/, '').trim().replace(/^'(.*)'$/, '$1');
      return t === 'true' ? true : t === 'false' ? false : t;
    };
    const out: Record<string, unknown> = {};
    let current: Record<string, unknown> | unknown[] | undefined;
    let key = '';
    for (const line of text.split('\n')) {
      if (/^\s*(#.*)?$/.test(line)) continue;
      const top = /^([\w-]+):\s*(.*)$/.exec(line);
      const item = /^\s+-\s+(.*)$/.exec(line);
      const nested = /^\s+([\w-]+):\s*(.*)$/.exec(line);
      if (top) {
        key = top[1]!;
        current = undefined;
        if (top[2]) out[key] = scalar(top[2]);
      } else if (item) {
        current = Array.isArray(current) ? current : (out[key] = []) as unknown[];
        current.push(scalar(item[1]!));
      } else if (nested) {
        current = current && !Array.isArray(current) ? current : (out[key] = {}) as Record<string, unknown>;
        current[nested[1]!] = scalar(nested[2]!);
      }
    }
    return out;
  }
}

describe('electron-builder.yml', () => {
  const config = loadYaml(read('electron-builder.yml'));

  it('flips every security fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('packs the bundles into an asar', () => {
    expect(config).toMatchObject({ appId: 'app.rapport.desktop', productName: 'Rapport', asar: true });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'dist-electron/**', 'package.json']));
  });
});
