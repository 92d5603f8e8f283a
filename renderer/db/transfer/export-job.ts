import type { CustomerExportJob, CustomerExportProgress, CustomerExportResult } from './customer-export';
import type { ExportWorkerMessage } from './export.worker';

/** Thrown when the user cancels an export: the worker is gone, nothing was saved. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled');
    this.name = 'ExportCancelled';
  }
}

/**
 * Runs the customer export in a Web Worker (see transfer/export.worker.ts) and hands back the file's bytes.
 * Cancelling terminates the worker at once, wherever it is (exceljs offers no other way to stop).
 */
export function runCustomerExport(job: CustomerExportJob, options: { signal?: AbortSignal; onProgress?: (p: CustomerExportProgress) => void } = {}): Promise<CustomerExportResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ExportCancelled());
    const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'rapport-export' });
    const stop = () => {
      worker.terminate();
      reject(new ExportCancelled());
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    const end = () => {
      options.signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ExportWorkerMessage>) => {
      const m = event.data;
      if (m.type === 'progress') options.onProgress?.({ done: m.done, total: m.total });
      else if (m.type === 'done') {
        end();
        resolve({ data: m.data, lines: m.lines });
      } else {
        end();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || 'export worker failed'));
    };
    worker.postMessage(job);
  });
}
