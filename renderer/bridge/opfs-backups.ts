import type { BackupStatus, BackupWriteResult, WriteBackupRequest } from '../../shared/bridge/contract';
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
 * site's IndexedDB (or a broken database) leaves them, and their manifests, in place. OPFS
 * writables replace the file on close, so a crash mid-write leaves the old file.
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

export async function opfsWriteBackup(request: WriteBackupRequest): Promise<BackupWriteResult> {
  const dir = await folder();
  const name = backupFileName(request.manifest);
  // Data first, manifest after: a manifest never points at a missing backup.
  await writeFile(dir, name, request.data);
  await writeFile(dir, manifestFileName(name), JSON.stringify(request.manifest));
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
  return { entry: { name, size: request.data.byteLength, manifest: request.manifest } };
}

export async function opfsReadBackup(name: string): Promise<Uint8Array> {
  if (!isBackupFileName(name)) throw new Error(`Not a backup: ${name}`);
  const file = await (await (await folder()).getFileHandle(name)).getFile();
  return new Uint8Array(await file.arrayBuffer());
}
