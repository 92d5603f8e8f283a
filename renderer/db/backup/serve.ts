import type { Dexie } from 'dexie';
import { giveBytes, defineJob } from '../workers/protocol';
import { serveJob, type WorkerEnd } from '../workers/serve';
import { runBackupJob, writeBackupChunks, type BackupJobRequest, type BackupJobResult, type OnBackupChunk } from './job';
import { SCHEMA_VERSION } from '../core/migrations';

// The backup job on the worker protocol (db/workers): the file goes to the page chunk by chunk, each
// chunk given (transferred, not copied: the job hands it over for good, see OnBackupChunk); the page
// stores each through the shell bridge, which only the page has, and acknowledges it. At most
// MAX_IN_FLIGHT chunks are on their way: the job waits for an acknowledgement before it makes
// another, so a slow disk never piles the file up in memory.

/** What the backup worker tells the page: the file's next bytes, in order, or the share of rows written (0 to 1). */
export type BackupProgress = { kind: 'chunk'; data: Uint8Array } | { kind: 'progress'; share: number };

export const backupJob = defineJob<BackupJobRequest, BackupProgress, BackupJobResult>('backup');

const MAX_IN_FLIGHT = 2;
/** A page of rows is written every few milliseconds: the page hears of it at most this often. */
const PROGRESS_MS = 100;

/**
 * Serves backups on `scope` (backup.worker.ts: the worker global). `open`: the page's open database,
 * used where there are no Workers and the job runs in this thread (backup/client.ts).
 */
export function serveBackup(scope?: WorkerEnd, open?: Dexie): () => void {
  return serveJob(
    backupJob,
    async (request, job) => {
      const inFlight: Promise<void>[] = [];
      const onChunk: OnBackupChunk = (chunk) => {
        const { bytes, give } = giveBytes(chunk);
        const stored = job.deliver({ kind: 'chunk', data: bytes }, { give });
        // Only the oldest is awaited; a cancel rejects the others too, which is no news then.
        stored.catch(() => undefined);
        inFlight.push(stored);
        return inFlight.length < MAX_IN_FLIGHT ? undefined : inFlight.shift();
      };
      let last = 0;
      const onProgress = (share: number) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS && share < 1) return;
        last = now;
        job.progress({ kind: 'progress', share });
      };
      // The page resolves with the result only once every chunk is stored (the protocol orders them).
      return open && request.schema === 'current' ? writeBackupChunks(open, request, SCHEMA_VERSION, onChunk, onProgress) : runBackupJob(request, onChunk, onProgress);
    },
    scope,
  );
}
