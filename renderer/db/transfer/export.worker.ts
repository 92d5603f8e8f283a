// The customer export off the main thread: a 100k-account XLSX takes minutes and hundreds of MB in
// exceljs, which would freeze the window. The worker opens its own Dexie connection (IndexedDB works
// in workers), reads in chunks and posts progress; the page cancels by terminating it.
import { writeCustomerExport, type CustomerExportJob } from './customer-export';
import { openDb } from '../core/db';

/** Messages the worker posts back. */
export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; data: Uint8Array; lines: number }
  | { type: 'error'; message: string };

// The project compiles against the DOM lib; these are the two members of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CustomerExportJob>) => void) | null;
  postMessage(message: ExportWorkerMessage, transfer?: Transferable[]): void;
};

scope.onmessage = async (event: MessageEvent<CustomerExportJob>) => {
  const db = openDb(event.data.dbName);
  try {
    const { data, lines } = await writeCustomerExport(db, event.data, ({ done, total }) => scope.postMessage({ type: 'progress', done, total }));
    scope.postMessage({ type: 'done', data, lines }, [data.buffer]);
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    db.close();
  }
};
