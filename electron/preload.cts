/**
 * The bridge between the sandboxed renderer and the shell. Sandboxed preloads may only import
 * `electron`; the contract is bundled in by esbuild. Nothing here but IPC forwarding.
 */
import type { IpcRendererEvent } from 'electron';
import type { Bridge, MenuCommand } from '../shared/bridge/contract';

// Plain require: under verbatimModuleSyntax a .cts file may not use ESM imports for values, and
// `import x = require()` is refused when the project targets ESM. esbuild bundles the contract in.
/* eslint-disable @typescript-eslint/no-require-imports */
const { contextBridge, ipcRenderer } = require('electron') as typeof import('electron');
const { BRIDGE_GLOBAL, IPC, MENU_COMMANDS } = require('../shared/bridge/contract') as typeof import('../shared/bridge/contract');
/* eslint-enable @typescript-eslint/no-require-imports */

type InvokeMethod = Exclude<keyof Bridge, 'onMenuCommand'>;

/** Invokes a bridge method on its channel; typed so each method maps to its own channel and result. */
function invoke<K extends InvokeMethod>(method: K, ...args: Parameters<Bridge[K]>): ReturnType<Bridge[K]> {
  return ipcRenderer.invoke(IPC[method], ...args) as ReturnType<Bridge[K]>;
}

const isMenuCommand = (value: unknown): value is MenuCommand => (MENU_COMMANDS as readonly unknown[]).includes(value);

const bridge = {
  appInfo: () => invoke('appInfo'),
  saveFile: (request) => invoke('saveFile', request),
  openFiles: (request) => invoke('openFiles', request),
  beginSaveFile: (request) => invoke('beginSaveFile', request),
  appendSaveFile: (request) => invoke('appendSaveFile', request),
  finishSaveFile: (request) => invoke('finishSaveFile', request),
  abortSaveFile: (id) => invoke('abortSaveFile', id),
  beginOpenFile: (request) => invoke('beginOpenFile', request),
  readOpenFile: (request) => invoke('readOpenFile', request),
  closeOpenFile: (id) => invoke('closeOpenFile', id),
  printToPdf: (request) => invoke('printToPdf', request),
  notify: (request) => invoke('notify', request),
  openExternal: (url) => invoke('openExternal', url),
  setLanguage: (lang) => invoke('setLanguage', lang),
  backupStatus: () => invoke('backupStatus'),
  beginBackup: (request) => invoke('beginBackup', request),
  appendBackup: (request) => invoke('appendBackup', request),
  finishBackup: (request) => invoke('finishBackup', request),
  abortBackup: (id) => invoke('abortBackup', id),
  readBackup: (request) => invoke('readBackup', request),
  setSecondBackupFolder: (action) => invoke('setSecondBackupFolder', action),
  log: (request) => invoke('log', request),
  syncFolderInfo: () => invoke('syncFolderInfo'),
  chooseSyncFolder: (action) => invoke('chooseSyncFolder', action),
  syncList: (prefix) => invoke('syncList', prefix),
  syncRead: (path) => invoke('syncRead', path),
  syncWrite: (request) => invoke('syncWrite', request),
  syncRemove: (path) => invoke('syncRemove', path),
  couchTargetInfo: () => invoke('couchTargetInfo'),
  setCouchTarget: (request) => invoke('setCouchTarget', request),
  couchRequest: (request) => invoke('couchRequest', request),
  couchProbe: (request) => invoke('couchProbe', request),
  onMenuCommand: (listener) => {
    // Wrap so the page never sees the IPC event object (it carries `sender`).
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC.menuCommand, forward);
    return () => void ipcRenderer.removeListener(IPC.menuCommand, forward);
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
