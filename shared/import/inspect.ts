import type { ColumnMapping } from './fields';
import { detectDateOrder, detectNumberStyle, type NumberStyle } from './values';

/** Something the mapping step must show or ask before `buildRecords`. */
export type ColumnQuestion =
  /** Slashed dates that fit both d/m and m/d: ask the user for the order. */
  | { kind: 'slash_order'; column: number }
  /** Some dates need d/m and others m/d: the column is inconsistent; its rows will fail. */
  | { kind: 'date_conflict'; column: number }
  /** Number style the import will use for the column (shown so the user can spot a wrong guess). */
  | { kind: 'number_style'; column: number; style: NumberStyle };

/** Looks at the mapped date and number columns of the rows (all of them, not just the preview). */
export function inspectColumns(rows: readonly string[][], mapping: ColumnMapping, locale: 'de' | 'en' = 'de'): ColumnQuestion[] {
  const questions: ColumnQuestion[] = [];
  mapping.forEach((target, column) => {
    const values = rows.map((r) => r[column] ?? '');
    if (target === 'contact.birthday') {
      const info = detectDateOrder(values);
      if (info.ambiguous) questions.push({ kind: 'slash_order', column });
      if (info.conflicting) questions.push({ kind: 'date_conflict', column });
    }
    if (target === 'account.annualRevenue') {
      questions.push({ kind: 'number_style', column, style: detectNumberStyle(values, locale === 'en' ? 'dot' : 'comma') });
    }
  });
  return questions;
}
