import Papa from 'papaparse';
import { restoreNeutralised } from '../export/formula';
import { splitRecords } from './csv-split';
import { decodeText, type TextEncodingName } from './decode';
import type { ImportIssue, SheetData } from './types';

export const CSV_DELIMITERS = [';', '\t', ','] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export type CsvOptions = {
  /** Separator chosen by the user; detected when absent. */
  delimiter?: CsvDelimiter;
  /** Remove the formula guard apostrophe our own exports add (default true). */
  restoreFormulaGuard?: boolean;
};

export type CsvResult = SheetData & {
  /** Separator used. */
  delimiter: CsvDelimiter;
  /** Structural problems (a quote never closed, too few or too many cells), with Excel row numbers. */
  errors: ImportIssue[];
};

/** Excel's own separator hint, e.g. `sep=;` as the first line; Excel hides that line. */
const SEP_LINE = /^sep=(.)\r?\n/i;

/** Decodes (see `decodeText`) and parses a CSV file. */
export function parseCsvBytes(
  bytes: Uint8Array,
  options: CsvOptions & { encoding?: TextEncodingName } = {},
): CsvResult & { encoding: TextEncodingName } {
  const decoded = decodeText(bytes, options.encoding);
  return { ...parseCsvText(decoded.text, options), encoding: decoded.encoding };
}

/**
 * Parses CSV text as Excel and LibreOffice split it (`splitRecords`). The first record is the header.
 * Row numbers are the rows Excel shows (a quoted field with line breaks stays one row), header = row 1.
 * Blank rows are dropped but keep their numbers, so errors point at the row the user sees. A row with
 * fewer cells than the header names (cut short), with more cells than the header (a separator inside
 * an unquoted cell) or with a quote never closed is kept in `rows` for the preview and reported
 * in `errors`; callers leave rows with errors out of the import.
 */
export function parseCsvText(input: string, options: CsvOptions = {}): CsvResult {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let delimiter = options.delimiter;
  const sep = SEP_LINE.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    delimiter ??= asDelimiter(sep[1]);
  }
  const used = delimiter ?? guessDelimiter(text);
  const { records, unclosed } = splitRecords(text, used);
  const restore = options.restoreFormulaGuard ?? true;
  const clean = (cell: string) => (restore ? restoreNeutralised(cell) : cell);
  const errors: ImportIssue[] = unclosed.map((row) => ({ row, code: 'csv.quote_not_closed' }));
  const broken = new Set(unclosed);

  const headers = (records[0]?.cells ?? []).map((h) => clean(h).trim());
  // Trailing unnamed header cells (a separator at the end of the line) do not make a short row.
  const named = headers.reduce((last, h, i) => (h === '' ? last : i + 1), 0);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const { row, cells: raw } of records.slice(1)) {
    const cells = raw.map(clean);
    if (cells.every((c) => c.trim() === '')) continue;
    if (broken.has(row)) {
      // Already reported: the quote, not the cell count, is what the user has to fix.
    } else if (cells.length < named) {
      errors.push({ row, code: 'csv.too_few_cells', params: { expected: named, found: cells.length } });
    } else if (cells.length > headers.length) {
      // Even when the surplus is empty: a separator typed into an unquoted cell shifts the cells after it.
      errors.push({ row, code: 'csv.too_many_cells', params: { expected: headers.length, found: cells.length } });
    }
    while (cells.length < headers.length) cells.push('');
    rows.push(cells.slice(0, headers.length));
    rowNumbers.push(row);
  }
  errors.sort((a, b) => a.row - b.row);
  return { headers, rows, rowNumbers, delimiter: used, errors };
}

/**
 * Picks the separator whose parse (by papaparse, first 50 records) gives the most rows with exactly the
 * header's cell count, the header having at least two cells; ties go to `;`, then tab, then `,`.
 * Papaparse's own guess is not used: it prefers `,` in German files with decimal commas.
 */
export function guessDelimiter(text: string): CsvDelimiter {
  let best: CsvDelimiter = ';';
  let bestScore = -1;
  for (const d of CSV_DELIMITERS) {
    const records = Papa.parse<string[]>(text, { delimiter: d, preview: 50, skipEmptyLines: 'greedy' }).data;
    const width = records[0]?.length ?? 0;
    if (width < 2) continue;
    const score = records.filter((r) => r.length === width).length / records.length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function asDelimiter(value: string | undefined): CsvDelimiter | undefined {
  return (CSV_DELIMITERS as readonly string[]).includes(value ?? '') ? (value as CsvDelimiter) : undefined;
}
