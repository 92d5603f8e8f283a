import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../shared/bridge/contract';
import { trustedOrigins } from '../url-policy';
import { createAppHandlers } from './app';
import { createBackupHandlers } from './backups';
import { createChunkedFileHandlers } from './chunked-files';
import { createCouchHandlers } from './couch';
import { createFileHandlers } from './files';
import { createNotifyHandlers } from './notify';
import { type IpcMainLike, registerIpcHandlers } from './register';
import { createSyncHandlers } from './sync';
import type { HandlerMap, InvokeEventLike } from './types';

type FakeSender = { id: number };
type FakeEvent = InvokeEventLike<FakeSender>;
type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

const trusted: FakeEvent = { sender: { id: 1 }, senderFrame: { url: 'app://rapport/index.html', parent: null } };

function setup() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcMainLike<FakeEvent> = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const setLanguage = vi.fn();
  const showSaveDialog = vi.fn(async () => undefined);
  const handlers: HandlerMap<FakeSender> = {
    ...createAppHandlers<FakeSender>({
      info: () => ({ name: 'Rapport', version: '0.1.0', shell: 'electron', platform: 'linux', systemLocale: 'de-DE' }),
      setLanguage,
      openExternal: async () => undefined,
    }),
    ...createFileHandlers<FakeSender>({
      showSaveDialog,
      showOpenDialog: async () => [],
      printToPdf: async () => new Uint8Array(),
      defaultFolder: () => '/home/anna/Dokumente',
    }),
    ...createChunkedFileHandlers<FakeSender>({ showSaveDialog, showOpenDialog: async () => [], defaultFolder: () => '/home/anna/Dokumente' }),
    ...createNotifyHandlers<FakeSender>({ isSupported: () => false, create: () => ({ show() {}, close() {} }) }),
    ...createBackupHandlers<FakeSender>({
      store: {
        status: async () => ({ entries: [], canChooseSecondFolder: false }),
        begin: vi.fn(),
        append: vi.fn(),
        finish: vi.fn(),
        abort: vi.fn(),
        read: vi.fn(),
        setSecondFolder: vi.fn(),
        cleanLeftovers: vi.fn(),
      },
      chooseFolder: async () => undefined,
      log: () => undefined,
    }),
    ...createSyncHandlers<FakeSender>({ config: { get: async () => undefined, set: async () => undefined }, chooseFolder: async () => undefined }),
    ...createCouchHandlers<FakeSender>({ store: { info: async () => ({ kept: 'none' }), target: async () => undefined, candidate: async (t) => t, set: async () => ({ kept: 'none' }) } }),
  };
  const log = { warn: vi.fn(), error: vi.fn() };
  registerIpcHandlers(ipc, handlers, { origins: trustedOrigins(), log });
  const call = (channel: string, event: FakeEvent, ...args: unknown[]) => listeners.get(channel)!(event, ...args);
  return { listeners, call, setLanguage, showSaveDialog, log };
}

describe('registerIpcHandlers', () => {
  it('registers one channel per invoke method', () => {
    const { listeners } = setup();
    const { menuCommand: _menu, ...invokeChannels } = IPC;
    expect([...listeners.keys()].sort()).toEqual(Object.values(invokeChannels).sort());
  });

  it('runs handlers for the trusted main frame', async () => {
    const { call, setLanguage } = setup();
    await expect(call(IPC.appInfo, trusted)).resolves.toMatchObject({ name: 'Rapport', shell: 'electron' });
    await call(IPC.setLanguage, trusted, 'en');
    expect(setLanguage).toHaveBeenCalledWith('en');
    await expect(call(IPC.notify, trusted, { title: 'Termin', body: 'Müller GmbH, 10:00' })).resolves.toBe(false);
  });

  it('refuses untrusted senders before touching anything', async () => {
    const { call, showSaveDialog, log } = setup();
    const request = { suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x', filters: [] };
    const foreign: FakeEvent = { sender: { id: 2 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    const iframe: FakeEvent = { sender: { id: 1 }, senderFrame: { url: 'app://rapport/index.html', parent: {} } };
    const gone: FakeEvent = { sender: { id: 1 }, senderFrame: null };
    for (const event of [foreign, iframe, gone]) {
      await expect(call(IPC.saveFile, event, request)).rejects.toThrow(/ERR_UNTRUSTED_SENDER/);
    }
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(3);
  });

  it('refuses malformed requests', async () => {
    const { call, setLanguage, showSaveDialog } = setup();
    await expect(call(IPC.setLanguage, trusted, 'fr')).rejects.toThrow(/ERR_INVALID_REQUEST/);
    await expect(call(IPC.setLanguage, trusted, 'de', 'extra')).rejects.toThrow(/too many arguments/);
    await expect(call(IPC.appInfo, trusted, { x: 1 })).rejects.toThrow(/ERR_INVALID_REQUEST/);
    const bad = [
      { suggestedName: '../../.bashrc', mimeType: 'text/plain', data: 'x', filters: [] },
      { suggestedName: 'a.csv', mimeType: 'text/csv', data: 42, filters: [] },
      { suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x', filters: [{ name: 'CSV', extensions: ['c/sv'] }] },
    ];
    for (const request of bad) await expect(call(IPC.saveFile, trusted, request)).rejects.toThrow(/ERR_INVALID_REQUEST/);
    expect(setLanguage).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('passes only the message of a failing handler to the renderer and logs it', async () => {
    const { call, log } = setup();
    const error = await call(IPC.openExternal, trusted, 'file:///etc/passwd').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^ERR_URL_NOT_ALLOWED: /);
    expect(log.error).toHaveBeenCalledOnce();
  });
});
