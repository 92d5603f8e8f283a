/**
 * Bundles the preload the way build/build-electron.mjs does and runs it in a bare VM context whose
 * require() knows only `electron`, as in a sandboxed renderer.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, IPC, type Bridge } from '../shared/bridge/contract';

let code = '';
beforeAll(async () => {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'preload.cts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    target: 'chrome140',
    logLevel: 'silent',
  });
  code = result.outputFiles[0]!.text;
});

function load() {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return 'answer';
    },
  });
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`module not available in a sandboxed preload: ${id}`);
    return electron;
  };
  runInNewContext(code, { require: sandboxRequire, module: { exports: {} }, exports: {} });
  return { bridge: exposed[BRIDGE_GLOBAL] as Bridge, invoked, required, ipcRenderer };
}

describe('preload bundle', () => {
  it('requires nothing but electron', () => {
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(load().required).toEqual(['electron']);
  });

  it('exposes every bridge method and forwards each on its own channel', async () => {
    const { bridge, invoked } = load();
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'abortBackup', 'abortSaveFile', 'appInfo', 'appendBackup', 'appendSaveFile', 'backupStatus', 'beginBackup', 'beginOpenFile', 'beginSaveFile',
        'chooseSyncFolder', 'closeOpenFile', 'couchProbe', 'couchRequest', 'couchTargetInfo', 'finishBackup', 'finishSaveFile', 'log', 'notify', 'onMenuCommand', 'openExternal', 'openFiles', 'printToPdf',
        'readBackup', 'readOpenFile', 'saveFile', 'setCouchTarget', 'setLanguage', 'setSecondBackupFolder', 'syncFolderInfo', 'syncList', 'syncRead', 'syncRemove', 'syncWrite',
      ],
    );
    await bridge.appInfo();
    await bridge.saveFile({ suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x', filters: [] });
    await bridge.openFiles({ filters: [], multiple: true });
    await bridge.printToPdf({ suggestedName: 'plan.pdf', landscape: false });
    await bridge.notify({ title: 't', body: 'b' });
    await bridge.openExternal('https://example.de/');
    await expect(bridge.setLanguage('de')).resolves.toBe('answer');
    await bridge.beginSaveFile({ suggestedName: 'a.json', mimeType: 'application/json', filters: [] });
    await bridge.readOpenFile({ id: 'f'.repeat(32), offset: 0, length: 10 });
    expect(invoked.map(([channel]) => channel)).toEqual([
      IPC.appInfo,
      IPC.saveFile,
      IPC.openFiles,
      IPC.printToPdf,
      IPC.notify,
      IPC.openExternal,
      IPC.setLanguage,
      IPC.beginSaveFile,
      IPC.readOpenFile,
    ]);
    expect(invoked[0]).toEqual([IPC.appInfo]);
    expect(invoked[6]).toEqual([IPC.setLanguage, 'de']);
  });

  it('delivers known menu commands only, without the IPC event, until unsubscribed', () => {
    const { bridge, ipcRenderer } = load();
    const received: unknown[][] = [];
    const off = bridge.onMenuCommand((...args) => received.push(args));
    ipcRenderer.emit(IPC.menuCommand, { sender: 'secret' }, 'go-plan');
    ipcRenderer.emit(IPC.menuCommand, {}, 'format-disk');
    off();
    ipcRenderer.emit(IPC.menuCommand, {}, 'find');
    expect(received).toEqual([['go-plan']]);
    expect(ipcRenderer.listenerCount(IPC.menuCommand)).toBe(0);
  });
});
