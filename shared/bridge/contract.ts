/**
 * Everything the renderer may ask of the shell. The Electron preload implements it over IPC
 * (electron/preload.cts); renderer/bridge/browser.ts implements it with web APIs so the same
 * renderer runs in plain Chromium. Keep this file free of runtime imports: the sandboxed
 * preload bundles it.
 */

/** A file type offered in open/save dialogs. */
export type FileFilter = {
  /** Label, e.g. "CSV". */
  name: string;
  /** Extensions without dot, e.g. ["csv", "txt"]. */
  extensions: string[];
};

export type SaveFileRequest = {
  /** File name proposed in the dialog, e.g. "kunden-2026-11-23.csv". */
  suggestedName: string;
  /** MIME type, for the browser download. */
  mimeType: string;
  /** Content: text is written as UTF-8 exactly as given (a BOM must be part of the text). */
  data: string | Uint8Array;
  /** Types offered in the dialog. */
  filters: FileFilter[];
};

/** `saved: false` means the user cancelled; errors are thrown with a readable message. */
export type SaveFileResult = { saved: true; path?: string } | { saved: false };

export type OpenFilesRequest = {
  /** Types offered in the dialog. */
  filters: FileFilter[];
  /** Allow several files. */
  multiple: boolean;
};

export type OpenedFile = {
  /** File name without folder. */
  name: string;
  /** Raw bytes; decoding is the caller's job (CSV from Excel is often Windows-1252). */
  data: Uint8Array;
};

export type PrintToPdfRequest = {
  /** File name proposed in the save dialog. */
  suggestedName: string;
  /** Landscape instead of A4 portrait. */
  landscape: boolean;
};

export type NotifyRequest = {
  /** Notification title. */
  title: string;
  /** Body text. */
  body: string;
  /** Same tag replaces an earlier notification instead of stacking. */
  tag?: string;
};

export type AppInfo = {
  /** Product name. */
  name: string;
  /** Semantic version. */
  version: string;
  /** Which implementation answers. */
  shell: 'electron' | 'browser';
  /** Operating system, e.g. "linux", "win32", or the browser's platform. */
  platform: string;
  /** The system's preferred UI locale, e.g. "de-DE". */
  systemLocale: string;
  /** Folder holding the app's data, when the shell has one. */
  dataPath?: string;
  /** Log file, when the shell writes one. */
  logPath?: string;
};

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'new-account',
  'log-interaction',
  'find',
  'go-today',
  'go-customers',
  'go-plan',
  'go-reports',
  'go-settings',
  'print',
  'export-backup',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const UI_LANGUAGES = ['de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export type Bridge = {
  /** Who and where the app is. */
  appInfo(): Promise<AppInfo>;
  /** Ask where to save, then write the file. */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Ask for files to open and return their bytes; empty when cancelled. */
  openFiles(req: OpenFilesRequest): Promise<OpenedFile[]>;
  /** Render the current page to an A4 PDF and save it (Electron), or open the print dialog (browser). */
  printToPdf(req: PrintToPdfRequest): Promise<SaveFileResult>;
  /** Show an OS notification; resolves false when notifications are not allowed. */
  notify(req: NotifyRequest): Promise<boolean>;
  /** Open an https: or mailto: link in the system's browser or mail program. */
  openExternal(url: string): Promise<void>;
  /** Switch the application menu's language. */
  setLanguage(lang: UiLanguage): Promise<void>;
  /** Listen for application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** IPC channel per invoke-style bridge method; the preload and main share these names. */
export const IPC = {
  appInfo: 'rapport:app-info',
  saveFile: 'rapport:save-file',
  openFiles: 'rapport:open-files',
  printToPdf: 'rapport:print-to-pdf',
  notify: 'rapport:notify',
  openExternal: 'rapport:open-external',
  setLanguage: 'rapport:set-language',
  menuCommand: 'rapport:menu-command',
} as const;

/** Name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'rapport';
