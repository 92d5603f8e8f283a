import type { Dexie } from 'dexie';
import { backupBytes, runBackupJob, type BackupJobRequest, type BackupJobResult, type BackupWorkerReply, type OnBackupProgress } from './backup-job';
import { SCHEMA_VERSION } from './migrations';

/**
 * Takes a backup's bytes in a Web Worker (backup.worker.ts), one worker per backup. Where there are
 * no Workers (unit tests under Node) the same job runs here, on `open` when the caller has the
 * database open already.
 */
export function runBackup(request: BackupJobRequest, open?: Dexie, onProgress?: OnBackupProgress): Promise<BackupJobResult> {
  if (typeof Worker === 'undefined') {
    return open && request.schema === 'current' ? backupBytes(open, request, SCHEMA_VERSION, onProgress) : runBackupJob(request, onProgress);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'rapport-backup' });
    worker.onmessage = (event: MessageEvent<BackupWorkerReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return onProgress?.(reply.share);
      worker.terminate();
      if (reply.kind === 'done') resolve({ data: reply.data, counts: reply.counts, schemaVersion: reply.schemaVersion });
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'backup worker failed'));
    };
    worker.onmessageerror = () => {
      worker.terminate();
      reject(new Error('backup worker reply could not be read'));
    };
    worker.postMessage(request);
  });
}
