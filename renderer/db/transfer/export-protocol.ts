import { defineJob } from '../workers/protocol';
import type { CustomerExportJob, CustomerExportProgress, CustomerExportResult } from './customer-export';

/** Thrown when the user cancels an export: the worker is gone, nothing was saved. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled');
    this.name = 'ExportCancelled';
  }
}

/** What the export worker tells the page: the file's next bytes (given, not copied), or how far the reading is. */
export type CustomerExportMessage = { kind: 'chunk'; data: Uint8Array } | ({ kind: 'progress' } & CustomerExportProgress);

/** The customer export as a worker job (db/workers protocol): the file goes to the page chunk by chunk. */
export const customerExportJob = defineJob<CustomerExportJob, CustomerExportMessage, CustomerExportResult>('customer-export', {
  cancelled: () => new ExportCancelled(),
});
