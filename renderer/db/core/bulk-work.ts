/**
 * Long writes in progress (a demo load, an import). Work that should see the database whole — the
 * unattended daily backup, the automation rules after start — waits until none is running, so a
 * backup never holds 500 of the 700 customers a demo load was writing.
 */
let running = 0;
let waiters: Array<() => void> = [];

/** Marks a long write as started; call the returned function (once) when it has finished or failed. */
export function holdBulkWork(): () => void {
  running += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running -= 1;
    if (running > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
}

/** Whether a demo load or an import is writing right now. */
export function bulkWorkRunning(): boolean {
  return running > 0;
}

/** Resolves at once when nothing is running, else when the last running long write has finished. */
export function whenBulkWorkSettled(): Promise<void> {
  if (running === 0) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

/** Runs `work` as a long write: held while it runs, released however it ends. */
export async function asBulkWork<T>(work: () => Promise<T>): Promise<T> {
  const release = holdBulkWork();
  try {
    return await work();
  } finally {
    release();
  }
}
