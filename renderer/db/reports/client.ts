import { getDb } from '../core/db';
import { connectJobWorker, type JobPort } from '../workers/run';

/** Starts a reports worker (one per open reports page; close it when the page closes). A cancelled request tells the worker to drop it. */
export function startReportWorker(): JobPort {
  return connectJobWorker(new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'reports' }), { stop: 'message' });
}

/** The name of the database the page uses, for the worker to open the same one. */
export function reportDbName(): string {
  return getDb().name;
}
