/**
 * Starts electron/main.ts against a fake `electron` module: checks the start-up order (userData
 * pinned before the single-instance lock, scheme registered before ready), the protocol, the IPC
 * wiring and the menu, without an Electron binary.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../shared/bridge/contract';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type MenuItem = { label?: string; click?: () => void; submenu?: MenuItem[] };

const fake = vi.hoisted(() => {
  const calls: unknown[][] = [];
  const ipc = new Map<string, Listener>();
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  const menus: MenuItem[][] = [];
  const windows: { opts: { webPreferences: Record<string, unknown> }; webContents: { send: (...a: unknown[]) => void } }[] = [];
  const paths: Record<string, string> = {};
  return { calls, ipc, protocols, menus, windows, paths, appPath: '' };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setPath: (key: string, value: string) => {
      fake.paths[key] = value;
      fake.calls.push(['setPath', key, value]);
    },
    getPath: (key: string) => fake.paths[key],
    requestSingleInstanceLock: () => {
      fake.calls.push(['lock', fake.paths.userData]);
      return true;
    },
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.1.0',
    getName: () => 'Rapport',
    getLocale: () => 'de',
    getPreferredSystemLanguages: () => ['de-DE'],
    getAppPath: () => fake.appPath,
    quit: () => fake.calls.push(['quit']),
  });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => fake.windows;
    static fromWebContents = () => fake.windows[0];
    webContents = Object.assign(new Emitter(), { send: (...args: unknown[]) => fake.calls.push(['send', ...args]) });
    constructor(readonly opts: { webPreferences: Record<string, unknown> }) {
      super();
      fake.windows.push(this);
    }
    maximize() {}
    show() {}
    focus() {}
    isMinimized = () => false;
    loadURL(url: string) {
      fake.calls.push(['loadURL', url]);
      return Promise.resolve();
    }
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    isMaximized = () => false;
  }
  return {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: (t: MenuItem[]) => t, setApplicationMenu: (m: MenuItem[]) => fake.menus.push(m) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => fake.calls.push(['registerSchemes', schemes]),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocols.set(scheme, handler),
    },
    shell: { openExternal: async (url: string) => void fake.calls.push(['openExternal', url]) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    ipcMain: { handle: (channel: string, listener: Listener) => fake.ipc.set(channel, listener) },
    dialog: {},
    Notification: class {
      static isSupported = () => true;
      show() {}
      close() {}
    },
  };
});

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-main-'));
  fake.paths.appData = join(dir, 'appdata');
  fake.appPath = join(dir, 'app');
  mkdirSync(join(fake.appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(fake.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Rapport</title>');
  delete process.env.RAPPORT_DEV_URL;
  await import('./main');
  await new Promise((resolve) => setTimeout(resolve, 20));
});

const trusted = () => ({ sender: fake.windows[0]!.webContents, senderFrame: { url: 'app://rapport/index.html', parent: null } });

describe('main (with a fake electron)', () => {
  it('pins userData before the lock and registers the scheme, then loads the app', () => {
    const names = fake.calls.map((c) => c[0]);
    expect(fake.calls[0]).toEqual(['setPath', 'userData', join(fake.paths.appData!, 'Rapport')]);
    expect(names.indexOf('registerSchemes')).toBeLessThan(names.indexOf('loadURL'));
    expect(names.indexOf('setPath')).toBeLessThan(names.indexOf('lock'));
    expect(fake.calls).toContainEqual(['registerSchemes', [{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]]);
    expect(fake.calls).toContainEqual(['loadURL', 'app://rapport/index.html']);
  });

  it('creates the window with the secure webPreferences', () => {
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: join(fake.appPath, 'dist-electron', 'preload.cjs'),
    });
  });

  it('serves the renderer over app:// with the CSP', async () => {
    const response = await fake.protocols.get('app')!(new Request('app://rapport/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers the bridge over IPC and refuses strangers', async () => {
    expect([...fake.ipc.keys()]).toHaveLength(Object.keys(IPC).length - 1); // every invoke channel, not the menu push
    const info = await fake.ipc.get(IPC.appInfo)!(trusted());
    expect(info).toMatchObject({ shell: 'electron', systemLocale: 'de-DE', dataPath: join(fake.paths.appData!, 'Rapport') });
    expect((info as { logPath: string }).logPath).toBe(join(fake.paths.appData!, 'Rapport', 'logs', 'rapport.log'));
    await expect(fake.ipc.get(IPC.appInfo)!({ ...trusted(), senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow(/UNTRUSTED/);
  });

  it('starts with the German menu, switches language and sends menu commands', async () => {
    expect(fake.menus.at(-1)!.map((m) => m.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    await fake.ipc.get(IPC.setLanguage)!(trusted(), 'en');
    const menu = fake.menus.at(-1)!;
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    menu[0]!.submenu![0]!.click!();
    expect(fake.calls.at(-1)).toEqual(['send', IPC.menuCommand, 'new-account']);
  });

  it('remembers the window bounds in userData', () => {
    (fake.windows[0] as unknown as EventEmitter).emit('close');
    const state = JSON.parse(readFileSync(join(fake.paths.appData!, 'Rapport', 'window-state.json'), 'utf8'));
    expect(state).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});
