// The customer export off the main thread: a 100k-account XLSX takes minutes and hundreds of MB in
// exceljs, which would freeze the window. The worker opens its own Dexie connection (IndexedDB works
// in workers), reads in chunks and posts progress; the page cancels by terminating it.
import { giveBytes, handOver } from '../workers/protocol';
import { serveJob } from '../workers/serve';
import { writeCustomerExport } from './customer-export';
import { customerExportJob } from './export-protocol';
import { openDb } from '../core/db';

serveJob(customerExportJob, async (job, { progress }) => {
  const db = openDb(job.dbName);
  try {
    const { data, lines } = await writeCustomerExport(db, job, progress);
    // The file was made for the page and is not read here again: given, not copied.
    const { bytes, give } = giveBytes(data);
    return handOver({ data: bytes, lines }, give);
  } finally {
    db.close();
  }
});
