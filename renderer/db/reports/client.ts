import { getDb } from '../core/db';

/** Starts a reports worker (one per open reports page; terminate it when the page closes). */
export function startReportWorker(): Worker {
  return new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'reports' });
}

/** The name of the database the page uses, for the worker to open the same one. */
export function reportDbName(): string {
  return getDb().name;
}
