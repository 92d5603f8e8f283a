import type { Bridge, MenuCommand, OpenedFile, SaveFileResult } from '../../shared/bridge/contract';
import { isAllowedExternalUrl } from '../../shared/bridge/urls';
import { createBrowserCouch } from './browser-couch';
import { createBrowserFiles, type SavePicker } from './browser-files';
import { createFsaSyncBridge, defaultFsaDeps, type HandleStore } from './fsa-sync';
import { opfsAbortBackup, opfsAppendBackup, opfsBackupStatus, opfsBeginBackup, opfsFinishBackup, opfsReadBackup } from './opfs-backups';
import { menuCommandForKey } from './shortcuts';

declare const __APP_VERSION__: string;

/** Saves through a download: works in every Chromium, including headless test runs. */
function download(name: string, mimeType: string, data: string | Uint8Array): SaveFileResult {
  downloadBlob(name, new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mimeType }));
  return { saved: true };
}

function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      resolve(files);
    });
    document.body.append(input);
    input.click();
  });
}

/** The bridge for plain Chromium: downloads, file inputs, window.print and Web Notifications. */
export function createBrowserBridge(handles: HandleStore): Bridge {
  const listeners = new Set<(command: MenuCommand) => void>();
  window.addEventListener('keydown', (event) => {
    const command = menuCommandForKey(event);
    if (!command || listeners.size === 0) return;
    event.preventDefault();
    for (const listener of listeners) listener(command);
  });

  const picker = (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  const savePicker: SavePicker | undefined = typeof picker === 'function' ? (options) => picker.call(window, options) : undefined;

  return {
    async appInfo() {
      return {
        name: 'Rapport',
        version: __APP_VERSION__,
        shell: 'browser',
        platform: navigator.platform,
        systemLocale: navigator.language,
      };
    },
    async saveFile(req) {
      return download(req.suggestedName, req.mimeType, req.data);
    },
    async openFiles(req) {
      const accept = req.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      const files = await pickFiles(accept, req.multiple);
      return Promise.all(files.map(async (f): Promise<OpenedFile> => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
    },
    ...createBrowserFiles({
      ...(savePicker ? { showSaveFilePicker: savePicker } : {}),
      pickFile: async (accept) => (await pickFiles(accept, false))[0],
      download: downloadBlob,
    }),
    async printToPdf() {
      // The browser's print dialog offers "Save as PDF"; whether the user saved is not reported.
      window.print();
      return { saved: false };
    },
    async notify(req) {
      if (!('Notification' in window)) return false;
      let permission = Notification.permission;
      if (permission === 'default') permission = await Notification.requestPermission();
      if (permission !== 'granted') return false;
      // "Shown" means the browser displayed it: an error event (the OS blocks the browser's
      // notifications) says it was not. A browser that reports neither within a few seconds
      // had permission and raised no error, so it counts as shown.
      const shown = new Notification(req.title, { body: req.body, tag: req.tag });
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), 3000);
        shown.onshow = () => {
          clearTimeout(timer);
          resolve(true);
        };
        shown.onerror = () => {
          clearTimeout(timer);
          resolve(false);
        };
      });
    },
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) throw new Error(`Refused to open ${url}`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    async setLanguage(lang) {
      document.documentElement.lang = lang;
    },
    backupStatus: opfsBackupStatus,
    beginBackup: opfsBeginBackup,
    appendBackup: opfsAppendBackup,
    finishBackup: opfsFinishBackup,
    abortBackup: opfsAbortBackup,
    readBackup: opfsReadBackup,
    // A web page cannot write outside its own storage; the second location is a desktop feature.
    setSecondBackupFolder: opfsBackupStatus,
    async log({ level, message }) {
      console[level === 'info' ? 'info' : level](`[rapport] ${message}`);
    },
    ...createFsaSyncBridge(defaultFsaDeps(handles)),
    ...createBrowserCouch(handles),
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
