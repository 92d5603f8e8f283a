// The customer export off the main thread: a 100k-account file takes a while to read and encode,
// which would freeze the window. The worker opens its own Dexie connection (IndexedDB works in
// workers), reads in chunks, and sends the file to the page chunk by chunk as it is made (the page
// stores each through the shell bridge and acknowledges it; at most MAX_IN_FLIGHT are on their way,
// so a slow disk never piles the file up here). The page cancels by terminating the worker.
import { giveBytes } from '../workers/protocol';
import { serveJob } from '../workers/serve';
import { writeCustomerExport } from './customer-export';
import { customerExportJob } from './export-protocol';
import { openDb } from '../core/db';

const MAX_IN_FLIGHT = 2;

serveJob(customerExportJob, async (job, context) => {
  const db = openDb(job.dbName);
  try {
    const inFlight: Promise<void>[] = [];
    const sink = (chunk: Uint8Array) => {
      // The chunk was made for the page and is not read here again: given, not copied.
      const { bytes, give } = giveBytes(chunk);
      const stored = context.deliver({ kind: 'chunk', data: bytes }, { give });
      // Only the oldest is awaited; a cancel rejects the others too, which is no news then.
      stored.catch(() => undefined);
      inFlight.push(stored);
      return inFlight.length < MAX_IN_FLIGHT ? undefined : inFlight.shift();
    };
    const result = await writeCustomerExport(db, job, sink, (p) => context.progress({ kind: 'progress', ...p }));
    // The page settles the run only after every chunk message was handled (the protocol orders them).
    await Promise.all(inFlight);
    return result;
  } finally {
    db.close();
  }
});
