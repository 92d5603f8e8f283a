import type { Dexie } from 'dexie';
import { concatBytes } from '../../../shared/bytes';
import { localWorker, runJob, type WorkerHandle } from '../workers/run';
import type { BackupJobRequest, BackupJobResult, OnBackupChunk, OnBackupProgress } from './job';
import { backupJob, serveBackup, type BackupProgress } from './serve';

export type RunBackupOptions = {
  /** The page's open database, used where there are no Workers. */
  open?: Dexie;
  onProgress?: OnBackupProgress;
  /** Stores the file's next chunk (handed over: it may be kept); the backup waits for it (and fails with it). */
  onChunk: OnBackupChunk;
};

/**
 * Takes a backup in a Web Worker (backup/backup.worker.ts), one worker per backup, and hands its chunks to
 * `onChunk` one after another, acknowledging each to the worker once stored (db/workers protocol).
 * Where there are no Workers (unit tests under Node) the same job runs in this thread behind a
 * MessageChannel, on `open` when the caller has the database open already: chunks are transferred
 * there too, so the tests see what a worker does to a buffer.
 */
export function runBackup(request: BackupJobRequest, { open, onProgress, onChunk }: RunBackupOptions): Promise<BackupJobResult> {
  const start = (): WorkerHandle =>
    typeof Worker === 'undefined' ? localWorker((scope) => serveBackup(scope, open)) : new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'rapport-backup' });
  return runJob(backupJob, start, request, {
    onProgress: (message: BackupProgress) => (message.kind === 'chunk' ? onChunk(message.data) : onProgress?.(message.share)),
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
