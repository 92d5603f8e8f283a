import type { Dexie } from 'dexie';
import { concatBytes } from '../../../shared/bytes';
import { runBackupJob, writeBackupChunks, type BackupJobRequest, type BackupJobResult, type BackupWorkerCommand, type BackupWorkerReply, type OnBackupChunk, type OnBackupProgress } from './job';
import { SCHEMA_VERSION } from '../core/migrations';

export type RunBackupOptions = {
  /** The page's open database, used where there are no Workers. */
  open?: Dexie;
  onProgress?: OnBackupProgress;
  /** Stores the file's next chunk; the backup waits for it (and fails with it). */
  onChunk: OnBackupChunk;
};

/**
 * Takes a backup in a Web Worker (backup/backup.worker.ts), one worker per backup, and hands its chunks to
 * `onChunk` one after another, acknowledging each to the worker once stored. Where there are no
 * Workers (unit tests under Node) the same job runs here, on `open` when the caller has the
 * database open already.
 */
export function runBackup(request: BackupJobRequest, { open, onProgress, onChunk }: RunBackupOptions): Promise<BackupJobResult> {
  if (typeof Worker === 'undefined') {
    return open && request.schema === 'current' ? writeBackupChunks(open, request, SCHEMA_VERSION, onChunk, onProgress) : runBackupJob(request, onChunk, onProgress);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'rapport-backup' });
    const command = (message: BackupWorkerCommand) => worker.postMessage(message);
    let stored: Promise<void> = Promise.resolve();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    worker.onmessage = (event: MessageEvent<BackupWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return onProgress?.(reply.share);
      if (reply.kind === 'chunk') {
        stored = stored.then(() => onChunk(reply.data)).then(() => command({ kind: 'ack' }));
        stored.catch(fail);
        return;
      }
      if (reply.kind === 'error') return fail(new Error(reply.message));
      const { counts, schemaVersion, size } = reply;
      stored.then(() => {
        worker.terminate();
        resolve({ counts, schemaVersion, size });
      }, fail);
    };
    worker.onerror = (event) => fail(new Error(event.message || 'backup worker failed'));
    worker.onmessageerror = () => fail(new Error('backup worker reply could not be read'));
    command({ kind: 'start', request });
  });
}

/**
 * A backup's bytes in memory, for tests and the benchmarks. Backups the app keeps and the JSON backup
 * the user saves never come through here: they go to the shell chunk by chunk (export.ts saveFullBackup).
 */
export async function backupToBytes(request: BackupJobRequest, open?: Dexie): Promise<BackupJobResult & { data: Uint8Array }> {
  const parts: Uint8Array[] = [];
  const result = await runBackup(request, { ...(open ? { open } : {}), onChunk: (chunk) => void parts.push(chunk) });
  return { ...result, data: concatBytes(parts) };
}
