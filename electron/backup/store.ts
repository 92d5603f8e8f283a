import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupStatus, BackupWriteResult, WriteBackupRequest } from '../../shared/bridge/contract';
import {
  backupFileName,
  isBackupFileName,
  manifestFileName,
  parseManifest,
  selectBackupsToKeep,
  sortNewestFirst,
  type BackupEntry,
  type RotationPolicy,
} from '../../shared/backup';
import { writeFileAtomic, type AtomicWriteOptions } from '../fs/atomic-write';

export type BackupStoreOptions = {
  /** Primary backup folder inside the user's data folder (created on first write). */
  dir: string;
  /** JSON file remembering the second location. */
  configFile: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** Rotation, for tests. */
  policy?: RotationPolicy;
  /** Passed to every atomic write (tests simulate locked files). */
  atomic?: AtomicWriteOptions;
};

export type BackupStore = {
  status(): Promise<BackupStatus>;
  write(request: WriteBackupRequest): Promise<BackupWriteResult>;
  read(name: string): Promise<Uint8Array>;
  setSecondFolder(folder: string | undefined): Promise<void>;
};

/** Backups as plain files: `<name>` plus `<name>.manifest.json`; the manifest is written last. */
export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const now = options.now ?? (() => new Date());

  const readConfig = async (): Promise<{ secondFolder?: string }> => {
    try {
      const parsed = JSON.parse(await readFile(options.configFile, 'utf8')) as { secondFolder?: unknown };
      return typeof parsed.secondFolder === 'string' ? { secondFolder: parsed.secondFolder } : {};
    } catch {
      return {};
    }
  };

  const writeInto = async (dir: string, request: WriteBackupRequest): Promise<BackupEntry> => {
    const name = backupFileName(request.manifest);
    await mkdir(dir, { recursive: true });
    // Data first, manifest after: a manifest never points at a missing or half-written backup.
    await writeFileAtomic(join(dir, name), request.data, options.atomic);
    await writeFileAtomic(join(dir, manifestFileName(name)), JSON.stringify(request.manifest), options.atomic);
    await rotate(dir, now(), options.policy);
    return { name, size: request.data.byteLength, manifest: request.manifest };
  };

  return {
    async status() {
      const config = await readConfig();
      return {
        entries: await listBackups(options.dir),
        folder: options.dir,
        ...(config.secondFolder ? { secondFolder: config.secondFolder } : {}),
        canChooseSecondFolder: true,
      };
    },

    async write(request) {
      const entry = await writeInto(options.dir, request);
      const { secondFolder } = await readConfig();
      if (!secondFolder) return { entry };
      try {
        await writeInto(secondFolder, request);
        return { entry };
      } catch (error) {
        // A pulled USB stick must not fail the backup that did succeed.
        return { entry, secondCopyError: (error as Error).message };
      }
    },

    async read(name) {
      if (!isBackupFileName(name)) throw new Error(`Not a backup: ${name}`);
      const bytes = await readFile(join(options.dir, name));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },

    async setSecondFolder(folder) {
      await mkdir(join(options.configFile, '..'), { recursive: true });
      await writeFileAtomic(options.configFile, JSON.stringify(folder ? { secondFolder: folder } : {}), options.atomic);
    },
  };
}

/** Backups in `dir` with a readable manifest, newest first; a missing folder is no backups. */
export async function listBackups(dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const present = new Set(names);
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!isBackupFileName(name) || !present.has(manifestFileName(name))) continue;
    const manifest = parseManifest(await readFile(join(dir, manifestFileName(name)), 'utf8').catch(() => ''));
    if (!manifest) continue;
    const size = await stat(join(dir, name)).then((s) => s.size, () => -1);
    if (size < 0) continue;
    entries.push({ name, size, manifest });
  }
  return sortNewestFirst(entries);
}

/** Deletes what the rotation does not keep (backup and manifest; manifest first, so no orphan manifest remains). */
export async function rotate(dir: string, now: Date, policy?: RotationPolicy): Promise<string[]> {
  const entries = await listBackups(dir);
  const keep = selectBackupsToKeep(
    entries.map((e) => ({ name: e.name, createdAt: e.manifest.createdAt, reason: e.manifest.reason })),
    now,
    policy,
  );
  const removed: string[] = [];
  for (const entry of entries) {
    if (keep.has(entry.name)) continue;
    await rm(join(dir, manifestFileName(entry.name)), { force: true });
    await rm(join(dir, entry.name), { force: true });
    removed.push(entry.name);
  }
  return removed;
}
