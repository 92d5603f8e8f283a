import type { AppendBackupRequest, BackupChunk, BackupStatus, BackupUpload, BackupWriteResult, BeginBackupRequest, FinishBackupRequest, ReadBackupRequest } from '../../shared/bridge/contract';
import {
  backupFileName,
  isBackupFileName,
  manifestFileName,
  parseManifest,
  selectBackupsToKeep,
  sortNewestFirst,
  type BackupEntry,
} from '../../shared/backup';

/**
 * Backups in the browser live in the Origin Private File System, outside IndexedDB: wiping the
 * site's IndexedDB (or a broken database) leaves them, and their manifests, in place. They arrive
 * in chunks like in the desktop shell (begin → append… → finish, or abort): the chunks go into an
 * OPFS writable, which keeps them in a swap file and replaces the file only on close, so a crash,
 * an abort or a closed tab midway leaves no content (at most an empty file without a manifest,
 * which is no backup and is removed by a begin an hour later).
 */
async function folder(): Promise<FileSystemDirectoryHandle> {
  if (!navigator.storage?.getDirectory) throw new Error('ERR_NO_BACKUP_STORAGE: this browser has no private file system');
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('backups', { create: true });
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: Uint8Array | string): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  try {
    await writable.write(typeof data === 'string' ? data : new Uint8Array(data));
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

async function list(dir: FileSystemDirectoryHandle): Promise<BackupEntry[]> {
  const names = new Set<string>();
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.add(name);
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!isBackupFileName(name) || !names.has(manifestFileName(name))) continue;
    try {
      const manifest = parseManifest(await (await (await dir.getFileHandle(manifestFileName(name))).getFile()).text());
      const file = await (await dir.getFileHandle(name)).getFile();
      if (manifest) entries.push({ name, size: file.size, manifest });
    } catch {
      // A file removed between listing and reading is no backup.
    }
  }
  return sortNewestFirst(entries);
}

export async function opfsBackupStatus(): Promise<BackupStatus> {
  return { entries: await list(await folder()), canChooseSecondFolder: false };
}

type OpfsUpload = { name: string; writable: FileSystemWritableFileStream; written: number };
const uploads = new Map<string, OpfsUpload>();

/** Backup files without a manifest that no upload of this page is writing: what a crash left. */
async function removeLeftovers(dir: FileSystemDirectoryHandle): Promise<void> {
  const names = new Set<string>();
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.add(name);
  const writing = new Set([...uploads.values()].map((u) => u.name));
  for (const name of names) {
    if (!isBackupFileName(name) || names.has(manifestFileName(name)) || writing.has(name)) continue;
    // Another tab may be writing it right now (its content stays in the swap file until close): only an hour-old one is left over.
    const file = await (await dir.getFileHandle(name)).getFile().catch(() => undefined);
    if (file && Date.now() - file.lastModified > 3_600_000) await dir.removeEntry(name).catch(() => undefined);
  }
}

function uploadOf(id: string): OpfsUpload {
  const upload = uploads.get(id);
  if (!upload) throw new Error('ERR_BACKUP_FAILED: This backup was already finished or aborted; start it again.');
  return upload;
}

export async function opfsBeginBackup(request: BeginBackupRequest): Promise<BackupUpload> {
  const dir = await folder();
  await removeLeftovers(dir);
  const name = backupFileName(request);
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  const id = crypto.randomUUID().replaceAll('-', '');
  uploads.set(id, { name, writable, written: 0 });
  return { id, name };
}

export async function opfsAppendBackup({ id, offset, data }: AppendBackupRequest): Promise<void> {
  const upload = uploadOf(id);
  if (offset !== upload.written) {
    await opfsAbortBackup(id);
    throw new Error(`ERR_BACKUP_FAILED: Chunk of the backup "${upload.name}" at byte ${offset}, expected byte ${upload.written}; the backup was dropped.`);
  }
  try {
    await upload.writable.write(new Uint8Array(data));
    upload.written += data.byteLength;
  } catch (error) {
    await opfsAbortBackup(id);
    const full = (error as DOMException).name === 'QuotaExceededError';
    throw new Error(
      full ? `ERR_DISK_FULL: The browser's storage is full; the backup "${upload.name}" was not written.` : `ERR_BACKUP_FAILED: The backup "${upload.name}" could not be written: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

export async function opfsFinishBackup({ id, size, manifest }: FinishBackupRequest): Promise<BackupWriteResult> {
  const upload = uploadOf(id);
  if (size !== upload.written || backupFileName(manifest) !== upload.name) {
    await opfsAbortBackup(id);
    throw new Error(`ERR_BACKUP_FAILED: The backup "${upload.name}" arrived incomplete (${upload.written} of ${size} bytes) and was dropped.`);
  }
  uploads.delete(id);
  const dir = await folder();
  // Data first (the swap file replaces the file now), manifest after: a manifest never points at a missing backup.
  await upload.writable.close();
  await writeFile(dir, manifestFileName(upload.name), JSON.stringify(manifest));
  const entries = await list(dir);
  const keep = selectBackupsToKeep(
    entries.map((e) => ({ name: e.name, createdAt: e.manifest.createdAt, reason: e.manifest.reason })),
    new Date(),
  );
  for (const e of entries) {
    if (keep.has(e.name)) continue;
    await dir.removeEntry(manifestFileName(e.name)).catch(() => undefined);
    await dir.removeEntry(e.name).catch(() => undefined);
  }
  return { entry: { name: upload.name, size, manifest } };
}

export async function opfsAbortBackup(id: string): Promise<void> {
  const upload = uploads.get(id);
  if (!upload) return;
  uploads.delete(id);
  await upload.writable.abort().catch(() => undefined);
  // The handle created an empty file; without content and manifest it goes again.
  await (await folder()).removeEntry(upload.name).catch(() => undefined);
}

export async function opfsReadBackup({ name, offset, length }: ReadBackupRequest): Promise<BackupChunk> {
  if (!isBackupFileName(name)) throw new Error(`Not a backup: ${name}`);
  let file: File;
  try {
    file = await (await (await folder()).getFileHandle(name)).getFile();
  } catch (error) {
    if ((error as DOMException).name !== 'NotFoundError') throw error;
    throw new Error(`ERR_BACKUP_MISSING: The backup "${name}" is no longer in this browser's backup storage.`, { cause: error });
  }
  // Only the slice is read: a Blob slice does not load the rest of the file.
  return { data: new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()), size: file.size };
}
