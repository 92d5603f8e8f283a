import type { ImportIssue } from '../../../shared/import/types';

/** What the preview's summary line says, counted the way its ✓ and ✗ marks are. */
export type PreviewCounts = {
  /** Data rows (or cards) in the file, including those that could not be read into the table. */
  rows: number;
  /** Rows without any issue: they carry a ✓. */
  valid: number;
  /** Rows with at least one issue. */
  invalid: number;
  /** Issues of rows that are not in the table (a damaged or cut-off card), to be listed below it. */
  unlisted: ImportIssue[];
};

/**
 * Counts rows, not issues: a row with three problems is one bad row, and a card that could not be
 * parsed (so it has no row in the table) is a bad row too. Before, the count of rows with issues
 * was subtracted from the table's rows, so a file with one good card and one damaged card said
 * "0 of 1 rows are valid" beside a ✓.
 */
export function previewCounts(rowNumbers: readonly number[], issues: readonly ImportIssue[]): PreviewCounts {
  const inTable = new Set(rowNumbers);
  const bad = new Set<number>();
  const unlisted: ImportIssue[] = [];
  for (const issue of issues) {
    bad.add(issue.row);
    if (!inTable.has(issue.row)) unlisted.push(issue);
  }
  let valid = 0;
  for (const row of inTable) if (!bad.has(row)) valid++;
  const rows = new Set([...inTable, ...bad]).size;
  return { rows, valid, invalid: rows - valid, unlisted };
}
