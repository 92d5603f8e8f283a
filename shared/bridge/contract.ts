/**
 * Everything the renderer may ask of the shell. The Electron preload implements it over IPC
 * (electron/preload.cts); renderer/bridge/browser.ts implements it with web APIs so the same
 * renderer runs in plain Chromium. Keep this file free of runtime imports: the sandboxed
 * preload bundles it.
 */
import type { BackupEntry, BackupManifest } from '../backup/manifest';

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

/**
 * Bytes per backup chunk on the bridge. Chromium refuses any IPC message above
 * IPC::mojom::kChannelMaximumMessageSize = 134217728 bytes (128 MiB, chromium ipc/constants.mojom;
 * content/app/mojo/mojo_init.cc makes it Mojo's max_message_num_bytes), Electron apps crash on
 * bigger ones ("Invalid message size", electron/electron#12470) and Electron's serialiser gives up
 * near 2 GiB (electron/electron#53961). A 100k-account backup is ~1.3 GB, so it crosses in chunks;
 * 16 MiB stays far below the cap and keeps only a chunk or two in memory on either side.
 */
export const MAX_BACKUP_CHUNK_BYTES = 16 * 1024 * 1024;

/** Chunk size the renderer sends and asks for (half the cap: room for framing, few round trips). */
export const BACKUP_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * A backup crosses the bridge in chunks (begin → append… → finish, or abort), never as one message:
 * a large customer base makes a file of over a gigabyte, far above what one IPC message may carry
 * (see MAX_BACKUP_CHUNK_BYTES). What the backup will be called is fixed at begin.
 */
export type BeginBackupRequest = Pick<BackupManifest, 'createdAt' | 'reason' | 'encrypted'>;

/** A backup being written: the id names it in append/finish/abort; `name` is the file it becomes. */
export type BackupUpload = {
  /** Opaque id of this upload (32 hex digits). */
  id: string;
  /** File name the backup gets on finish. */
  name: string;
};

export type AppendBackupRequest = {
  /** The upload. */
  id: string;
  /** Where the chunk goes: the bytes appended so far (a lost or repeated chunk is refused). */
  offset: number;
  /** The next bytes of the file (at most MAX_BACKUP_CHUNK_BYTES). */
  data: Uint8Array;
};

export type FinishBackupRequest = {
  /** The upload. */
  id: string;
  /** Total bytes appended; the shell checks it against what it wrote. */
  size: number;
  /** What the backup holds; stored beside it so a wiped database is detectable. */
  manifest: BackupManifest;
};

/** A piece of a stored backup, read at `offset`. */
export type ReadBackupRequest = {
  /** The backup's file name. */
  name: string;
  /** First byte to read. */
  offset: number;
  /** Bytes wanted (at most MAX_BACKUP_CHUNK_BYTES); fewer come back at the end of the file. */
  length: number;
};

export type BackupChunk = {
  /** The bytes read (empty at or past the end). */
  data: Uint8Array;
  /** The whole file's size, so the reader knows where it ends. */
  size: number;
};

export type BackupWriteResult = {
  /** The stored backup. */
  entry: BackupEntry;
  /** Set when the copy to the second location failed; the backup in the data folder is safe. */
  secondCopyError?: string;
};

/**
 * A file the user chooses to save that may be big (the full JSON export, a backup saved elsewhere)
 * crosses in chunks like a stored backup: beginSaveFile asks where (dialog) and opens a temp file
 * beside the chosen one; appendSaveFile… ; finishSaveFile fsyncs and renames it over the chosen
 * name, so that file is never left half-written; abortSaveFile drops the temp file. The renderer
 * never names a path: it only holds the id the shell handed out for the place the user chose.
 */
export type BeginSaveFileRequest = Omit<SaveFileRequest, 'data'>;

/** A save in progress: `id` names it in append/finish/abort; `name` is the file the user chose. */
export type SaveFileUpload = {
  /** Opaque id of this save (32 hex digits). */
  id: string;
  /** File name without folder, for messages. */
  name: string;
};

export type AppendSaveFileRequest = {
  /** The save. */
  id: string;
  /** Bytes appended so far (a lost or repeated chunk is refused). */
  offset: number;
  /** The next bytes (1 to MAX_BACKUP_CHUNK_BYTES). */
  data: Uint8Array;
};

export type FinishSaveFileRequest = {
  /** The save. */
  id: string;
  /** Total bytes appended; the shell checks it against what it wrote. */
  size: number;
};

/** A file the user chose to read in pieces (a backup to restore); expires when not read for a while. */
export type OpenFileHandle = {
  /** Opaque id of the open file (32 hex digits). */
  id: string;
  /** File name without folder. */
  name: string;
  /** Bytes when it was opened. */
  size: number;
};

/** A piece of a chosen file. */
export type ReadOpenFileRequest = {
  /** The open file. */
  id: string;
  /** First byte to read. */
  offset: number;
  /** Bytes wanted (at most MAX_BACKUP_CHUNK_BYTES); fewer come back at the end. */
  length: number;
};

export type BackupStatus = {
  /** Backups in the primary location, newest first. */
  entries: BackupEntry[];
  /** Folder of the backups, when the shell has one (Electron). */
  folder?: string;
  /** Optional second location (e.g. a USB stick), Electron only. */
  secondFolder?: string;
  /** Whether a second location can be chosen here. */
  canChooseSecondFolder: boolean;
};

/** A line for the shell's log file. */
export type LogRequest = {
  level: 'info' | 'warn' | 'error';
  /** The message, without personal data where possible. */
  message: string;
};

/** The team's sync folder as the shell knows it (Electron: a path; browser: a granted directory). */
export type SyncFolderInfo = {
  /** Folder path (Electron) or folder name (browser); absent while none is chosen. */
  path?: string;
  /** Browser only: the folder is remembered but access must be granted again (needs a click). */
  needsPermission?: boolean;
  /** A folder can be chosen here (false in a browser without the File System Access API). */
  canChoose: boolean;
};

/** A file in the sync folder; `path` is relative with `/`. */
export type SyncFileEntry = { path: string; size: number };

/** Writes one whole file into the sync folder, atomically. */
export type SyncWriteRequest = { path: string; data: Uint8Array };

/** Error code prefix when the sync folder is missing (unmounted share, pulled stick) or not chosen. */
export const SYNC_FOLDER_UNAVAILABLE = 'ERR_SYNC_FOLDER_UNAVAILABLE';

/** Where the team's CouchDB database is, as the shell keeps it (never the password). */
export type CouchTargetInfo = {
  /** Database URL without credentials, e.g. `https://couch.example.com/rapport-team`; absent while none is set. */
  url?: string;
  /** CouchDB user name. */
  user?: string;
  /** How the password is kept: the OS keychain via Electron safeStorage, only for this session (browser), or not at all. */
  kept: 'safeStorage' | 'session' | 'none';
};

/** Sets (or with `null` forgets) the server; the password is kept by the shell, never in the app database. */
export type CouchTargetRequest = {
  /** Database URL (http or https), without credentials. */
  url: string;
  /** CouchDB user name; empty for a server without login (tests only). */
  user: string;
  /** Password; empty keeps the one already kept for the same URL and user. */
  password: string;
} | null;

/**
 * One read from a server the form names but nothing keeps yet: "Speichern" checks the team passphrase
 * against it first, and a refusal must leave the kept target (and its password) exactly as it was.
 */
export type CouchProbeRequest = {
  /** The typed server; an empty password means the one kept for the same URL and user. */
  target: NonNullable<CouchTargetRequest>;
  /** A read below that database; a probe never writes to a server that is not the kept one. */
  request: import('../sync/couch/types').CouchRequest & { method: 'GET' };
};

/**
 * The shell's part of CouchDB sync (issue #21), part of `Bridge`. The shell does the HTTP (Electron:
 * the main process) so the renderer's CSP stays `connect-src 'self'`; only the configured server is reached.
 */
export type CouchBridge = {
  /** The configured server. */
  couchTargetInfo(): Promise<CouchTargetInfo>;
  /** Sets or forgets the server and its credentials. */
  setCouchTarget(req: CouchTargetRequest): Promise<CouchTargetInfo>;
  /** One request to the configured database (see shared/sync/couch/types.ts); status 0 when unreachable. */
  couchRequest(req: import('../sync/couch/types').CouchRequest): Promise<import('../sync/couch/types').CouchResponse>;
  /** One GET to a server that is not kept (nothing of it is written or remembered); status 0 when unreachable. */
  couchProbe(req: CouchProbeRequest): Promise<import('../sync/couch/types').CouchResponse>;
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
  /** Ask where to save a file that comes in chunks; null when cancelled. */
  beginSaveFile(req: BeginSaveFileRequest): Promise<SaveFileUpload | null>;
  /** Appends the next chunk of a save. */
  appendSaveFile(req: AppendSaveFileRequest): Promise<void>;
  /** Makes the chosen file: fsync, atomic rename over it. */
  finishSaveFile(req: FinishSaveFileRequest): Promise<SaveFileResult>;
  /** Drops a save and its temp file (the chosen file stays as it was); no error when already gone. */
  abortSaveFile(id: string): Promise<void>;
  /** Ask for one file to read in pieces; null when cancelled. */
  beginOpenFile(req: Omit<OpenFilesRequest, 'multiple'>): Promise<OpenFileHandle | null>;
  /** A piece of the chosen file and its current size. */
  readOpenFile(req: ReadOpenFileRequest): Promise<BackupChunk>;
  /** Lets go of the chosen file; no error when already closed or expired. */
  closeOpenFile(id: string): Promise<void>;
  /** Render the current page to an A4 PDF and save it (Electron), or open the print dialog (browser). */
  printToPdf(req: PrintToPdfRequest): Promise<SaveFileResult>;
  /** Show an OS notification; resolves false when notifications are not allowed. */
  notify(req: NotifyRequest): Promise<boolean>;
  /** Open an https: or mailto: link in the system's browser or mail program. */
  openExternal(url: string): Promise<void>;
  /** Switch the application menu's language. */
  setLanguage(lang: UiLanguage): Promise<void>;
  /** Stored local backups and where they live. */
  backupStatus(): Promise<BackupStatus>;
  /** Starts writing a backup into a temp file of the backup folder; leftovers of a crashed one are removed. */
  beginBackup(req: BeginBackupRequest): Promise<BackupUpload>;
  /** Appends the next chunk of an upload. */
  appendBackup(req: AppendBackupRequest): Promise<void>;
  /** Makes the upload a backup: fsync, atomic rename, manifest, copy to the second location, rotation. */
  finishBackup(req: FinishBackupRequest): Promise<BackupWriteResult>;
  /** Drops an upload and its temp file; no error when it is already gone. */
  abortBackup(id: string): Promise<void>;
  /** A piece of a stored backup by its name. */
  readBackup(req: ReadBackupRequest): Promise<BackupChunk>;
  /** Chooses (dialog) or clears the second backup location; resolves to the new status. */
  setSecondBackupFolder(action: 'choose' | 'clear'): Promise<BackupStatus>;
  /** Writes a line to the shell's log (Electron: the rotated log file; browser: the console). */
  log(req: LogRequest): Promise<void>;
  /** The chosen sync folder. */
  syncFolderInfo(): Promise<SyncFolderInfo>;
  /** Chooses (dialog), re-grants access to (browser) or forgets the sync folder. */
  chooseSyncFolder(action: 'choose' | 'grant' | 'clear'): Promise<SyncFolderInfo>;
  /** Files below a prefix of the sync folder (recursive, temp files skipped). */
  syncList(prefix: string): Promise<SyncFileEntry[]>;
  /** A file of the sync folder, or null when it does not exist. */
  syncRead(path: string): Promise<Uint8Array | null>;
  /** Writes a file into the sync folder atomically (temp, flush, rename). */
  syncWrite(req: SyncWriteRequest): Promise<void>;
  /** Deletes a file of the sync folder; no error when already gone. */
  syncRemove(path: string): Promise<void>;
  /** Listen for application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
} & CouchBridge;

/** IPC channel per invoke-style bridge method; the preload and main share these names. */
export const IPC = {
  appInfo: 'rapport:app-info',
  saveFile: 'rapport:save-file',
  openFiles: 'rapport:open-files',
  beginSaveFile: 'rapport:begin-save-file',
  appendSaveFile: 'rapport:append-save-file',
  finishSaveFile: 'rapport:finish-save-file',
  abortSaveFile: 'rapport:abort-save-file',
  beginOpenFile: 'rapport:begin-open-file',
  readOpenFile: 'rapport:read-open-file',
  closeOpenFile: 'rapport:close-open-file',
  printToPdf: 'rapport:print-to-pdf',
  notify: 'rapport:notify',
  openExternal: 'rapport:open-external',
  setLanguage: 'rapport:set-language',
  backupStatus: 'rapport:backup-status',
  beginBackup: 'rapport:begin-backup',
  appendBackup: 'rapport:append-backup',
  finishBackup: 'rapport:finish-backup',
  abortBackup: 'rapport:abort-backup',
  readBackup: 'rapport:read-backup',
  setSecondBackupFolder: 'rapport:set-second-backup-folder',
  log: 'rapport:log',
  syncFolderInfo: 'rapport:sync-folder-info',
  chooseSyncFolder: 'rapport:choose-sync-folder',
  syncList: 'rapport:sync-list',
  syncRead: 'rapport:sync-read',
  syncWrite: 'rapport:sync-write',
  syncRemove: 'rapport:sync-remove',
  couchTargetInfo: 'rapport:couch-target-info',
  setCouchTarget: 'rapport:set-couch-target',
  couchRequest: 'rapport:couch-request',
  couchProbe: 'rapport:couch-probe',
  menuCommand: 'rapport:menu-command',
} as const;

/** Name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'rapport';
