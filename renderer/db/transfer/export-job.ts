import { runJob, type RunOptions } from '../workers/run';
import type { CustomerExportJob, CustomerExportProgress, CustomerExportResult, ExportSink } from './customer-export';
import { customerExportJob } from './export-protocol';

export { ExportCancelled } from './export-protocol';

export type CustomerExportOptions = Pick<RunOptions<CustomerExportProgress>, 'signal' | 'onProgress'> & {
  /** Stores the file's next bytes (e.g. the chunked save's `write`); the export waits for it, and fails with it. */
  onChunk: ExportSink;
};

/**
 * Runs the customer export in a Web Worker (see transfer/export.worker.ts), handing the file's bytes to
 * `onChunk` in order as they are made. Cancelling terminates the worker at once, wherever it is, and
 * rejects with ExportCancelled.
 */
export function runCustomerExport(job: CustomerExportJob, { signal, onProgress, onChunk }: CustomerExportOptions): Promise<CustomerExportResult> {
  const start = () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'rapport-export' });
  return runJob(customerExportJob, start, job, {
    ...(signal ? { signal } : {}),
    onProgress: (message) => (message.kind === 'chunk' ? onChunk(message.data) : onProgress?.({ done: message.done, total: message.total })),
  });
}
