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
    // A page of rows is written every few milliseconds: tell the page at most every 100 ms.
    let last = 0;
    const result = await runBackupJob(event.data, (share) => {
      const now = performance.now();
      if (now - last < 100 && share < 1) return;
      last = now;
      scope.postMessage({ kind: 'progress', share });
    });
    scope.postMessage({ kind: 'done', ...result }, [result.data.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
