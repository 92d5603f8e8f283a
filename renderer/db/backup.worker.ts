import { runBackupJob, type BackupJobRequest, type BackupWorkerReply } from './backup-job';

// The backup worker: reads, serialises and encrypts a full backup off the page's thread, so the
// daily backup at start does not stall scrolling. The bytes go back transferred (not copied); the
// page stores them through the shell bridge, which only the page has.

type WorkerScope = {
  onmessage: ((event: MessageEvent<BackupJobRequest>) => void) | null;
  postMessage: (reply: BackupWorkerReply, transfer?: Transferable[]) => void;
};
const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  try {
    const result = await runBackupJob(event.data);
    scope.postMessage({ kind: 'done', ...result }, [result.data.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
