import { runBackupJob, type BackupWorkerCommand, type BackupWorkerReply } from './job';

// The backup worker: reads, serialises and (with a passphrase) encrypts a full backup off the page's
// thread, so the daily backup at start does not stall scrolling. The file goes to the page chunk by
// chunk, transferred (not copied); the page stores each through the shell bridge, which only the
// page has, and acknowledges it. At most MAX_IN_FLIGHT chunks are on their way: the job waits for
// an acknowledgement before it makes another, so a slow disk never piles the file up in memory.

type WorkerScope = {
  onmessage: ((event: MessageEvent<BackupWorkerCommand>) => void) | null;
  postMessage: (reply: BackupWorkerReply, transfer?: Transferable[]) => void;
};
const scope = self as unknown as WorkerScope;

const MAX_IN_FLIGHT = 2;
let inFlight = 0;
let wake: (() => void) | undefined;

function sendChunk(chunk: Uint8Array): Promise<void> | undefined {
  // Transfer needs a buffer of its own; a view into a larger one is copied first.
  const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
  scope.postMessage({ kind: 'chunk', data: own }, [own.buffer as ArrayBuffer]);
  inFlight++;
  if (inFlight < MAX_IN_FLIGHT) return undefined;
  return new Promise((resolve) => {
    wake = resolve;
  });
}

scope.onmessage = async (event) => {
  const command = event.data;
  if (command.kind === 'ack') {
    inFlight--;
    const resume = wake;
    wake = undefined;
    resume?.();
    return;
  }
  try {
    // A page of rows is written every few milliseconds: tell the page at most every 100 ms.
    let last = 0;
    const result = await runBackupJob(command.request, sendChunk, (share) => {
      const now = performance.now();
      if (now - last < 100 && share < 1) return;
      last = now;
      scope.postMessage({ kind: 'progress', share });
    });
    scope.postMessage({ kind: 'done', ...result });
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
