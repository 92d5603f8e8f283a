import { defineJob } from '../workers/protocol';
import type { CustomerExportJob, CustomerExportProgress, CustomerExportResult } from './customer-export';

/** Thrown when the user cancels an export: the worker is gone, nothing was saved. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled');
    this.name = 'ExportCancelled';
  }
}

/** The customer export as a worker job (db/workers protocol); the file's bytes are handed to the page, not copied. */
export const customerExportJob = defineJob<CustomerExportJob, CustomerExportProgress, CustomerExportResult>('customer-export', {
  cancelled: () => new ExportCancelled(),
});
