/**
 * Runtime schemas for what the renderer sends over the bridge. The shell's IPC handlers parse every
 * request with these before acting, because the renderer is treated as untrusted input. Types come
 * from contract.ts; `satisfies` below keeps the two in step.
 */
import { z } from 'zod';
import { BACKUP_REASONS, isBackupFileName } from '../backup/manifest';
import { MAX_BACKUP_CHUNK_BYTES, UI_LANGUAGES, type Bridge } from './contract';
import { isCouchRequestPath, normaliseCouchUrl } from './couch-url';

/** Bridge methods answered over `ipcRenderer.invoke` (all but the menu-command listener). */
export type InvokeMethod = Exclude<keyof Bridge, 'onMenuCommand'>;
/** The single argument of an invoke method (`undefined` for appInfo). */
export type InvokeRequest<K extends InvokeMethod> = Parameters<Bridge[K]>[0];
/** What an invoke method resolves to. */
export type InvokeResult<K extends InvokeMethod> = Awaited<ReturnType<Bridge[K]>>;

// Windows forbids these in file names (and control characters); "/" and "\\" would also smuggle in a folder.
const FORBIDDEN_NAME_CHARS = /[<>:"/\\|?*]/;
const hasControlChar = (name: string) => [...name].some((char) => char.charCodeAt(0) < 0x20);

/** A proposed file name: no folder part, no characters Windows refuses. */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !FORBIDDEN_NAME_CHARS.test(name) && !hasControlChar(name) && name !== '.' && name !== '..', {
    message: 'file name must not contain a folder or reserved characters',
  });

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9_-]{1,16})$/)).min(1).max(20),
});

const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  message: 'expected a Uint8Array',
});

export const saveFileRequestSchema = z.object({
  suggestedName: fileNameSchema,
  mimeType: z.string().max(200),
  data: z.union([z.string(), bytesSchema]),
  filters: z.array(fileFilterSchema).max(20),
});

export const openFilesRequestSchema = z.object({
  filters: z.array(fileFilterSchema).max(20),
  multiple: z.boolean(),
});

export const beginSaveFileRequestSchema = saveFileRequestSchema.omit({ data: true });

export const beginOpenFileRequestSchema = openFilesRequestSchema.omit({ multiple: true });

export const printToPdfRequestSchema = z.object({
  suggestedName: fileNameSchema,
  landscape: z.boolean(),
});

export const notifyRequestSchema = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
  tag: z.string().min(1).max(100).optional(),
});

/** A URL to hand to the OS; the scheme check happens in the handler. */
export const externalUrlSchema = z.string().min(1).max(2048);

export const uiLanguageSchema = z.enum(UI_LANGUAGES);

/** Backups are whole databases; far above any real one (~1.3 GB at 100k accounts), small enough to refuse a runaway. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024 * 1024;

export const backupManifestSchema = z.object({
  format: z.literal('rapport-backup-manifest'),
  createdAt: z.iso.datetime(),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().int().nonnegative(),
  counts: z.record(z.string().max(100), z.number().int().nonnegative()),
  encrypted: z.boolean(),
});

/** An upload's id as the shell hands it out. */
export const backupUploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { message: 'not a backup upload id' });

const byteOffsetSchema = z.number().int().nonnegative().max(MAX_BACKUP_BYTES);

export const beginBackupRequestSchema = backupManifestSchema.pick({ createdAt: true, reason: true, encrypted: true });

export const appendBackupRequestSchema = z.object({
  id: backupUploadIdSchema,
  offset: byteOffsetSchema,
  data: bytesSchema.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_BACKUP_CHUNK_BYTES, { message: 'backup chunk size out of range' }),
});

export const finishBackupRequestSchema = z.object({
  id: backupUploadIdSchema,
  size: byteOffsetSchema.min(1),
  manifest: backupManifestSchema,
});

/** A chunked save's or an open file's id as the shell hands it out; never a path. */
export const fileHandleIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { message: 'not a file handle id' });

export const appendSaveFileRequestSchema = z.object({
  id: fileHandleIdSchema,
  offset: byteOffsetSchema,
  data: bytesSchema.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_BACKUP_CHUNK_BYTES, { message: 'chunk size out of range' }),
});

export const finishSaveFileRequestSchema = z.object({
  id: fileHandleIdSchema,
  size: byteOffsetSchema,
});

export const readOpenFileRequestSchema = z.object({
  id: fileHandleIdSchema,
  offset: byteOffsetSchema,
  length: z.number().int().min(1).max(MAX_BACKUP_CHUNK_BYTES),
});

/** Only names the shell itself gives backups: no folder, no other file of the data folder. */
export const backupNameSchema = z.string().max(200).refine(isBackupFileName, { message: 'not a backup file name' });

export const readBackupRequestSchema = z.object({
  name: backupNameSchema,
  offset: byteOffsetSchema,
  length: z.number().int().min(1).max(MAX_BACKUP_CHUNK_BYTES),
});

export const logRequestSchema = z.object({
  level: z.enum(['info', 'warn', 'error']),
  message: z.string().max(8000),
});

/**
 * A path inside the sync folder: relative, `/`-separated, no empty, `.` or `..` segment, no `\\`,
 * no control characters. The shell resolves it inside the chosen folder and refuses anything else.
 */
export const syncPathSchema = z
  .string()
  .min(1)
  .max(1000)
  .refine((p) => !p.includes('\\') && !hasControlChar(p) && p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'), {
    message: 'not a path inside the sync folder',
  });

/** A listing prefix: empty (everything) or a path, optionally ending in `/`. */
export const syncPrefixSchema = z.union([z.literal(''), z.string().max(1000).transform((p) => p.replace(/\/$/, '')).pipe(syncPathSchema)]);

/** Segments and snapshots of a large team; far above any real one. */
export const MAX_SYNC_FILE_BYTES = 256 * 1024 * 1024;

export const syncWriteRequestSchema = z.object({
  path: syncPathSchema,
  data: bytesSchema.refine((b) => b.byteLength <= MAX_SYNC_FILE_BYTES, { message: 'sync file too large' }),
});

/** A team database URL: http(s), no credentials, no query, a database name; normalised (no trailing slash). */
export const couchUrlSchema = z
  .string()
  .max(2048)
  .transform((text, ctx) => {
    const url = normaliseCouchUrl(text);
    if (url === null) ctx.addIssue({ code: 'custom', message: 'not a CouchDB database URL (http or https, without credentials)' });
    return url ?? z.NEVER;
  });

const couchTargetSchema = z.object({
  url: couchUrlSchema,
  // CouchDB user names are free text but never contain a colon (it separates name and password in basic auth).
  user: z.string().max(256).refine((u) => !u.includes(':') && !hasControlChar(u), { message: 'not a CouchDB user name' }),
  password: z.string().max(1024),
});

export const couchTargetRequestSchema = z.union([z.null(), couchTargetSchema]);

/** A request to the configured database: a path below it, never an absolute URL (see couch-url.ts). */
export const couchRequestSchema = z.object({
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']),
  path: z.string().max(8000).refine(isCouchRequestPath, { message: 'not a path below the database' }),
  body: z.unknown().optional(),
});

/** A read from a typed, not yet kept server: GET only, so a probe can never write anywhere. */
export const couchProbeRequestSchema = z.object({
  target: couchTargetSchema,
  request: z.object({ method: z.literal('GET'), path: couchRequestSchema.shape.path }),
});

/** One schema per invoke method, for the single argument the preload forwards. */
export const bridgeRequestSchemas = {
  appInfo: z.undefined(),
  saveFile: saveFileRequestSchema,
  openFiles: openFilesRequestSchema,
  beginSaveFile: beginSaveFileRequestSchema,
  appendSaveFile: appendSaveFileRequestSchema,
  finishSaveFile: finishSaveFileRequestSchema,
  abortSaveFile: fileHandleIdSchema,
  beginOpenFile: beginOpenFileRequestSchema,
  readOpenFile: readOpenFileRequestSchema,
  closeOpenFile: fileHandleIdSchema,
  printToPdf: printToPdfRequestSchema,
  notify: notifyRequestSchema,
  openExternal: externalUrlSchema,
  setLanguage: uiLanguageSchema,
  backupStatus: z.undefined(),
  beginBackup: beginBackupRequestSchema,
  appendBackup: appendBackupRequestSchema,
  finishBackup: finishBackupRequestSchema,
  abortBackup: backupUploadIdSchema,
  readBackup: readBackupRequestSchema,
  setSecondBackupFolder: z.enum(['choose', 'clear']),
  log: logRequestSchema,
  syncFolderInfo: z.undefined(),
  chooseSyncFolder: z.enum(['choose', 'grant', 'clear']),
  syncList: syncPrefixSchema,
  syncRead: syncPathSchema,
  syncWrite: syncWriteRequestSchema,
  syncRemove: syncPathSchema,
  couchTargetInfo: z.undefined(),
  setCouchTarget: couchTargetRequestSchema,
  couchRequest: couchRequestSchema,
  couchProbe: couchProbeRequestSchema,
} satisfies { [K in InvokeMethod]: z.ZodType<InvokeRequest<K>> };
