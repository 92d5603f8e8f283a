import { runJob, type RunOptions } from '../workers/run';
import type { CustomerExportJob, CustomerExportProgress, CustomerExportResult } from './customer-export';
import { customerExportJob } from './export-protocol';

export { ExportCancelled } from './export-protocol';

/**
 * Runs the customer export in a Web Worker (see transfer/export.worker.ts) and hands back the file's bytes.
 * Cancelling terminates the worker at once, wherever it is (exceljs offers no other way to stop), and
 * rejects with ExportCancelled.
 */
export function runCustomerExport(job: CustomerExportJob, options: Pick<RunOptions<CustomerExportProgress>, 'signal' | 'onProgress'> = {}): Promise<CustomerExportResult> {
  const start = () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'rapport-export' });
  return runJob(customerExportJob, start, job, options);
}
