import type { IsoDate } from '../../../shared/domain';
import type { Report, ReportFilter } from '../../../shared/kpi';
import type { LoadStep } from '../pipeline/admin';
import { defineJob } from '../workers/protocol';

// The reports job (db/workers protocol) between the reports page and its worker (reports/report.worker.ts).
// Plain data only: everything crosses the thread boundary by structured clone.

/** Compute the report for a filter. A newer request supersedes every older one. */
export type ReportRequest = {
  /** The database the page uses (tests and benchmarks open others). */
  dbName: string;
  /** Bumped by "Reload": the worker reads the database again instead of using its copy. */
  reload: number;
  filter: ReportFilter;
  today: IsoDate;
};

/** Where a request stands. */
export type ReportProgress =
  /** Reading the tables, one after another. */
  | { phase: 'loading'; step: LoadStep; done: number; total: number }
  /** Computing; `share` of the rows done (0–1). */
  | { phase: 'computing'; share: number };

/** The finished report with what the page shows around it. */
export type ReportResult = {
  report: Report;
  /** Milliseconds from the request to the result (reading included when the worker had to read). */
  ms: number;
  /** Accounts in the database (trashed ones included, as read). */
  accountCount: number;
  /** Countries of all accounts, sorted, for the country filter. */
  countries: string[];
};

/** One worker per open reports page serves every request; a superseded one rejects as cancelled. */
export const reportJob = defineJob<ReportRequest, ReportProgress, ReportResult>('report');
