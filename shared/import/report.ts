import type { ImportPlan } from './duplicates';
import { rowOutcomes, type NameOf, type RowOutcome } from './outcomes';
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
  /** Exactly one outcome per data row, in row order: as many as `rowsRead`. */
  outcomes: RowOutcome[];
};

/**
 * Collects the counts, problems and row outcomes of a run; nothing is translated here. `dataRows` are the
 * row numbers of every data row of the file, read into the table or not (a row with a broken quote);
 * `nameOf` names the stored records the outcomes point at.
 */
export function buildImportReport(fileName: string, dataRows: readonly number[], plan: ImportPlan, earlier: readonly ImportIssue[], nameOf?: NameOf): ImportReport {
  const count = (list: { table: string }[], table: string) => list.filter((x) => x.table === table).length;
  const outcomes = rowOutcomes(dataRows, plan, earlier, nameOf);
  return {
    fileName,
    rowsRead: outcomes.length,
    created: { accounts: count(plan.toCreate, 'accounts'), contacts: count(plan.toCreate, 'contacts') },
    updated: { accounts: count(plan.toUpdate, 'accounts'), contacts: count(plan.toUpdate, 'contacts') },
    skipped: plan.skipped.map(({ row, table, reason }) => ({ row, table, reason })),
    // A row the plan missed (never expected) is listed like any other error, not only counted.
    errors: [...earlier, ...plan.errors, ...outcomes.flatMap((o) => (o.kind === 'error' ? o.issues.filter((i) => i.code === 'row.unaccounted') : []))].sort((a, b) => a.row - b.row),
    outcomes,
  };
}

/** A translation key with its params: how the report names an outcome; the UI translates it. */
export type OutcomeMessage = { table: 'accounts' | 'contacts'; key: string; params: Record<string, string | number> };

/**
 * What the report says about a row that was not simply new (`import.outcome.*`); undefined for a plain
 * new row, and for an error row, whose issues are listed one by one instead.
 */
export function outcomeMessage(o: RowOutcome): OutcomeMessage | undefined {
  switch (o.kind) {
    case 'error':
      return undefined;
    case 'new':
      if (!o.contact) return undefined;
      return { table: 'contacts', key: `import.outcome.new_contact_${o.contact.result}`, params: { account: o.account.name, name: o.contact.record?.name ?? '', ofRow: o.contact.ofRow ?? '' } };
    case 'updated':
      return { table: o.record.table, key: `import.outcome.updated_${o.record.table}`, params: { name: o.record.name } };
    case 'added':
      return { table: 'contacts', key: `import.outcome.added_${o.how}`, params: { name: o.account.name, ofRow: o.ofRow ?? '' } };
    case 'skipped':
      return { table: o.table, key: `import.outcome.skipped_${o.reason}`, params: { name: o.record?.name ?? '', ofRow: o.ofRow ?? '' } };
  }
}

/**
 * The report as table rows (header first) for `toCsv`/`exportXlsx`: one line per error, and one per row
 * that was not simply new (updated, added to an account, skipped), in row order. `t` translates a key with
 * its params into the user's language (i18next's `t` fits).
 */
export function reportRows(report: ImportReport, t: (key: string, params?: Record<string, string | number>) => string): string[][] {
  const lines: { row: number; cells: string[] }[] = [];
  for (const e of report.errors) lines.push({ row: e.row, cells: [String(e.row), e.field ? t(`import.field.${e.field}`) : '', t(`import.error.${e.code}`, e.params)] });
  for (const o of report.outcomes) {
    const m = outcomeMessage(o);
    if (m) lines.push({ row: o.row, cells: [String(o.row), t(`import.table.${m.table}`), t(m.key, m.params)] });
  }
  // Stable: a row's errors keep their order.
  lines.sort((a, b) => a.row - b.row);
  return [[t('import.report.row'), t('import.report.field'), t('import.report.message')], ...lines.map((l) => l.cells)];
}
