import { app, BrowserWindow, dialog, ipcMain, Notification, safeStorage, shell, type WebContents } from 'electron';
import type { FileFilter, UiLanguage } from '../../shared/bridge/contract';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBackupStore } from '../backup/store';
import { createCouchTargetStore } from '../couch/target-store';
import { createChunkedWrites } from '../fs/chunked-file';
import type { Logger } from '../log';
import { createAppHandlers } from './app';
import { createBackupHandlers } from './backups';
import { createChunkedFileHandlers } from './chunked-files';
import { createCouchHandlers } from './couch';
import { createFileHandlers } from './files';
import { createNotifyHandlers } from './notify';
import { registerIpcHandlers } from './register';
import { createSyncHandlers, fileSyncFolderConfig } from './sync';
import type { HandlerMap } from './types';

export type WireOptions = {
  origins: readonly string[];
  log: Logger;
  setLanguage(lang: UiLanguage): void;
};

/** Connects the pure handlers to Electron's dialog, printing, notifications and shell. */
export function wireIpc(options: WireOptions): void {
  const windowOf = (sender: WebContents) => BrowserWindow.fromWebContents(sender);
  const backupStore = createBackupStore({
    dir: join(app.getPath('userData'), 'backups'),
    configFile: join(app.getPath('userData'), 'backup-settings.json'),
  });
  // Temp files of a backup the last run did not finish (crash, power loss) free their space at start.
  void backupStore.cleanLeftovers().catch((error: unknown) => options.log.warn('backup temp cleanup failed', error));

  // A save still running when the app quits leaves no temp file in the user's folder (a crash still
  // can; the temp is dot-named beside the chosen file and the chosen file is untouched).
  const fileSaves = createChunkedWrites({ noun: 'file' });
  app.on('will-quit', () => {
    for (const temp of fileSaves.temps()) {
      try {
        rmSync(temp, { force: true });
      } catch (error) {
        options.log.warn('could not remove an unfinished save', error);
      }
    }
  });

  // The only way a path reaches the file handlers: what the user picked in these dialogs.
  const dialogs = {
    showSaveDialog: async (sender: WebContents, dialogOptions: { defaultPath: string; filters: FileFilter[] }) => {
      const window = windowOf(sender);
      const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      return result.canceled ? undefined : result.filePath;
    },
    showOpenDialog: async (sender: WebContents, { filters, multiple }: { filters: FileFilter[]; multiple: boolean }) => {
      const dialogOptions = { filters, properties: multiple ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const] };
      const window = windowOf(sender);
      const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? [] : result.filePaths;
    },
    defaultFolder: () => app.getPath('documents'),
  };

  const handlers: HandlerMap<WebContents> = {
    ...createAppHandlers<WebContents>({
      info: () => ({
        name: app.getName(),
        version: app.getVersion(),
        shell: 'electron',
        platform: process.platform,
        systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
        dataPath: app.getPath('userData'),
        logPath: options.log.path,
      }),
      setLanguage: options.setLanguage,
      openExternal: (url) => shell.openExternal(url),
    }),
    ...createFileHandlers<WebContents>({
      ...dialogs,
      printToPdf: (sender, { landscape }) =>
        sender.printToPDF({ pageSize: 'A4', landscape, preferCSSPageSize: true, printBackground: true }),
    }),
    ...createChunkedFileHandlers<WebContents>({ ...dialogs, saves: fileSaves }),
    ...createNotifyHandlers<WebContents>({
      isSupported: () => Notification.isSupported(),
      // id maps to the OS tag on Windows/macOS, so the OS replaces it too.
      create: ({ title, body, tag }) => new Notification({ title, body, ...(tag ? { id: tag } : {}) }),
    }),
    ...createBackupHandlers<WebContents>({
      store: backupStore,
      chooseFolder: async (sender) => {
        const window = windowOf(sender);
        const dialogOptions = { properties: ['openDirectory' as const, 'createDirectory' as const] };
        const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
        return result.canceled ? undefined : result.filePaths[0];
      },
      log: ({ level, message }) => options.log[level](`[renderer] ${message}`),
    }),
    ...createSyncHandlers<WebContents>({
      config: fileSyncFolderConfig(join(app.getPath('userData'), 'sync-folder.json')),
      chooseFolder: async (sender) => {
        const window = windowOf(sender);
        const dialogOptions = { properties: ['openDirectory' as const, 'createDirectory' as const] };
        const result = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
        return result.canceled ? undefined : result.filePaths[0];
      },
    }),
    ...createCouchHandlers<WebContents>({
      store: createCouchTargetStore(join(app.getPath('userData'), 'couch-target.json'), {
        // On Linux without a keyring Chromium falls back to a fixed built-in key ('basic_text'): that is
        // plain text in disguise, so the password is then held for the session only.
        isEncryptionAvailable: () =>
          safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
        encryptString: (plain) => safeStorage.encryptString(plain),
        decryptString: (encrypted) => safeStorage.decryptString(encrypted),
      }),
    }),
  };

  registerIpcHandlers(ipcMain, handlers, { origins: options.origins, log: options.log });
}
