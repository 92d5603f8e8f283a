import type {
  AppendBackupRequest,
  BackupChunk,
  BackupStatus,
  BackupUpload,
  BackupWriteResult,
  BeginBackupRequest,
  FinishBackupRequest,
  ReadBackupRequest,
} from '../../../shared/bridge/contract';
import { backupFileName, type BackupEntry } from '../../../shared/backup';
import { concatBytes } from '../../../shared/bytes';

/**
 * The shell's backup folder, in memory, with the chunked write and read; `delayMs` answers every
 * chunk a little later, as IPC does (a plain await inside the restore transaction would let it commit).
 */
export type MemoryBridgeOptions = {
  /** Answers every chunk this much later, as IPC does. */
  delayMs?: number;
  /** Fails the append with this 0-based number as a full disk would. */
  failAppendAt?: number;
};

export function memoryBridge(options: MemoryBridgeOptions = {}) {
  const files = new Map<string, { data: Uint8Array; entry: BackupEntry }>();
  const uploads = new Map<string, { name: string; parts: Uint8Array[]; size: number }>();
  const calls = { appended: [] as number[], read: [] as number[], aborted: [] as string[] };
  const later = () => (options.delayMs ? new Promise((resolve) => setTimeout(resolve, options.delayMs)) : Promise.resolve());
  return {
    files,
    uploads,
    calls,
    async backupStatus(): Promise<BackupStatus> {
      const entries = [...files.values()].map((f) => f.entry).sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt));
      return { entries, canChooseSecondFolder: false };
    },
    async beginBackup(req: BeginBackupRequest): Promise<BackupUpload> {
      const upload = { id: crypto.randomUUID().replaceAll('-', ''), name: backupFileName(req) };
      uploads.set(upload.id, { name: upload.name, parts: [], size: 0 });
      return upload;
    },
    async appendBackup({ id, offset, data }: AppendBackupRequest): Promise<void> {
      await later();
      const upload = uploads.get(id);
      if (!upload || offset !== upload.size) throw new Error(`chunk out of order at ${offset}`);
      if (calls.appended.length === options.failAppendAt) throw new Error(`ERR_DISK_FULL: The disk is full; the backup "${upload.name}" was not written.`);
      upload.parts.push(data.slice());
      upload.size += data.length;
      calls.appended.push(data.length);
    },
    async finishBackup({ id, size, manifest }: FinishBackupRequest): Promise<BackupWriteResult> {
      const upload = uploads.get(id)!;
      uploads.delete(id);
      if (size !== upload.size || backupFileName(manifest) !== upload.name) throw new Error('size or name mismatch');
      const entry = { name: upload.name, size, manifest };
      files.set(upload.name, { data: concatBytes(upload.parts), entry });
      return { entry };
    },
    async abortBackup(id: string): Promise<void> {
      calls.aborted.push(id);
      uploads.delete(id);
    },
    async readBackup({ name, offset, length }: ReadBackupRequest): Promise<BackupChunk> {
      await later();
      const file = files.get(name);
      if (!file) throw new Error(`ERR_BACKUP_MISSING: The backup "${name}" is no longer there.`);
      calls.read.push(length);
      return { data: file.data.slice(offset, offset + length), size: file.data.length };
    },
  };
}

