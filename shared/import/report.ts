import type { ImportPlan } from './duplicates';
import type { ImportIssue } from './types';

/** Outcome of one import run, for the summary screen and the downloadable report. */
export type ImportReport = {
  fileName: string;
  /** Data rows in the file (cards for vCard). */
  rowsRead: number;
  created: { accounts: number; contacts: number };
  updated: { accounts: number; contacts: number };
  /** Rows or records left alone, with the reason (duplicate, unchanged, duplicate_in_file). */
  skipped: { row: number; table: string; reason: string }[];
  /** Every problem, sorted by row: parse errors, validation errors, plan errors. */
  errors: ImportIssue[];
};

/** Collects the counts and problems of a run; nothing is translated here. */
export function buildImportReport(fileName: string, rowsRead: number, plan: ImportPlan, earlier: readonly ImportIssue[]): ImportReport {
  const count = (list: { table: string }[], table: string) => list.filter((x) => x.table === table).length;
  return {
    fileName,
    rowsRead,
    created: { accounts: count(plan.toCreate, 'accounts'), contacts: count(plan.toCreate, 'contacts') },
    updated: { accounts: count(plan.toUpdate, 'accounts'), contacts: count(plan.toUpdate, 'contacts') },
    skipped: plan.skipped.map(({ row, table, reason }) => ({ row, table, reason })),
    errors: [...earlier, ...plan.errors].sort((a, b) => a.row - b.row),
  };
}

/**
 * The report as table rows (header first) for `toCsv`/`exportXlsx`: one line per error and per skipped
 * row. `t` translates a code with its params into the user's language (i18next's `t` fits).
 */
export function reportRows(report: ImportReport, t: (key: string, params?: Record<string, string | number>) => string): string[][] {
  const rows: string[][] = [[t('import.report.row'), t('import.report.field'), t('import.report.message')]];
  for (const e of report.errors) rows.push([String(e.row), e.field ? t(`import.field.${e.field}`) : '', t(`import.error.${e.code}`, e.params)]);
  for (const s of report.skipped) rows.push([String(s.row), t(`import.table.${s.table}`), t(`import.skipped.${s.reason}`)]);
  return rows;
}
