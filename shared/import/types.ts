/**
 * A problem found while reading or checking imported data. `code` is a stable key the UI translates
 * (e.g. `email.invalid`); `params` fill its placeholders. No English sentences leave the parser.
 */
export type ImportIssue = {
  /** Row as the user sees it in Excel (header = row 1), or the card number (1-based) for vCards. */
  row: number;
  /** Target field or column header concerned, when there is one. */
  field?: string;
  /** Stable error code, translated by the UI. */
  code: string;
  /** Values for the message, e.g. the offending cell. */
  params?: Record<string, string | number>;
};

/** A table read from CSV or XLSX: every cell is text, rows without content are left out. */
export type SheetData = {
  /** Header cells of the first row, trimmed. */
  headers: string[];
  /** Data rows, each padded to the header length. */
  rows: string[][];
  /** For each entry of `rows`, its row number as Excel shows it (header = 1). */
  rowNumbers: number[];
};
