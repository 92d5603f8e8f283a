import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AppendBackupRequest,
  BackupChunk,
  BackupStatus,
  BackupUpload,
  BackupWriteResult,
  BeginBackupRequest,
  FinishBackupRequest,
  ReadBackupRequest,
} from '../../shared/bridge/contract';
import {
  backupFileName,
  isBackupFileName,
  manifestFileName,
  parseManifest,
  selectBackupsToKeep,
  sortNewestFirst,
  type BackupEntry,
  type BackupManifest,
  type RotationPolicy,
} from '../../shared/backup';
import { moveIntoPlace, writeFileAtomic, type AtomicWriteOptions } from '../fs/atomic-write';
import { BackupFileError, createUploads, type UploadOptions } from './upload';

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
  /** Idle timeout and size limit of uploads. */
  uploads?: Omit<UploadOptions, 'atomic'>;
};

export type BackupStore = {
  status(): Promise<BackupStatus>;
  /** Chunked write (see upload.ts): begin → append… → finish, or abort. */
  begin(request: BeginBackupRequest): Promise<BackupUpload>;
  append(request: AppendBackupRequest): Promise<void>;
  finish(request: FinishBackupRequest): Promise<BackupWriteResult>;
  abort(id: string): Promise<void>;
  /** A piece of a stored backup. */
  read(request: ReadBackupRequest): Promise<BackupChunk>;
  setSecondFolder(folder: string | undefined): Promise<void>;
  /** Removes temp files a crash left in the backup folder (also done at every begin). */
  cleanLeftovers(): Promise<string[]>;
};

/** Backups as plain files: `<name>` plus `<name>.manifest.json`; the manifest is written last. */
export function createBackupStore(options: BackupStoreOptions): BackupStore {
  const now = options.now ?? (() => new Date());
  const uploads = createUploads(options.dir, { ...options.uploads, ...(options.atomic ? { atomic: options.atomic } : {}) });

  const readConfig = async (): Promise<{ secondFolder?: string }> => {
    try {
      const parsed = JSON.parse(await readFile(options.configFile, 'utf8')) as { secondFolder?: unknown };
      return typeof parsed.secondFolder === 'string' ? { secondFolder: parsed.secondFolder } : {};
    } catch {
      return {};
    }
  };

  /** Data is in place: the manifest after it (a manifest never points at a missing or half-written backup), then rotation. */
  const completeIn = async (dir: string, name: string, manifest: BackupManifest) => {
    try {
      await writeFileAtomic(join(dir, manifestFileName(name)), JSON.stringify(manifest), options.atomic);
    } catch (error) {
      // Without its manifest the file is no backup; do not leave a gigabyte of it behind.
      await rm(join(dir, name), { force: true });
      throw error;
    }
    await rotate(dir, now(), options.policy);
  };

  /** The finished backup copied to the second location the same way: temp, fsync, rename, manifest, rotation. */
  let copying = 0;
  const copyInto = async (dir: string, source: string, name: string, manifest: BackupManifest) => {
    await mkdir(dir, { recursive: true });
    // A copy a crash cut off left its temp file on the stick; no other copy may be running to tell.
    const alone = copying++ === 0;
    try {
      if (alone) await removeTempFiles(dir);
      await copyAtomic(dir, source, name);
    } finally {
      copying--;
    }
    await completeIn(dir, name, manifest);
  };
  const copyAtomic = async (dir: string, source: string, name: string) => {
    const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await copyFile(source, temp);
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await moveIntoPlace(temp, join(dir, name), options.atomic);
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

    async begin(request) {
      const name = backupFileName(request);
      return { id: await uploads.begin(name), name };
    },

    append: ({ id, offset, data }) => uploads.append(id, offset, data),

    async finish({ id, size, manifest }) {
      const name = uploads.nameOf(id);
      if (name !== undefined && backupFileName(manifest) !== name) {
        await uploads.abort(id);
        throw new BackupFileError(name, 'ERR_MANIFEST_MISMATCH', `The manifest does not belong to the backup "${name}"; it was dropped.`);
      }
      const path = await uploads.commit(id, size);
      const entryName = name ?? backupFileName(manifest);
      await completeIn(options.dir, entryName, manifest);
      const entry = { name: entryName, size, manifest };
      const { secondFolder } = await readConfig();
      if (!secondFolder) return { entry };
      try {
        await copyInto(secondFolder, path, entryName, manifest);
        return { entry };
      } catch (error) {
        // A pulled USB stick must not fail the backup that did succeed.
        return { entry, secondCopyError: (error as Error).message };
      }
    },

    abort: (id) => uploads.abort(id),

    async read({ name, offset, length }) {
      if (!isBackupFileName(name)) throw new Error(`Not a backup: ${name}`);
      let handle;
      try {
        handle = await open(join(options.dir, name), 'r');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') throw error;
        throw new BackupFileError(name, code, `The backup "${name}" is no longer in "${options.dir}" (deleted or moved).`, { cause: error });
      }
      try {
        const { size } = await handle.stat();
        const want = Math.max(0, Math.min(length, size - offset));
        const data = new Uint8Array(want);
        let done = 0;
        while (done < want) {
          const { bytesRead } = await handle.read(data, done, want - done, offset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return { data: done === want ? data : data.slice(0, done), size };
      } finally {
        await handle.close();
      }
    },

    async setSecondFolder(folder) {
      await mkdir(join(options.configFile, '..'), { recursive: true });
      await writeFileAtomic(options.configFile, JSON.stringify(folder ? { secondFolder: folder } : {}), options.atomic);
    },

    cleanLeftovers: () => uploads.cleanLeftovers(),
  };
}

/** Deletes the temp files of backups (`.rapport-backup-….tmp`) in `dir`. */
async function removeTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (/^\.rapport-backup-.*\.tmp$/.test(name)) await rm(join(dir, name), { force: true });
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
