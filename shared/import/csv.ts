import Papa from 'papaparse';
import { restoreNeutralised } from '../export/formula';
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
  /** Structural problems (bad quotes, surplus cells), with Excel row numbers. */
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
 * Parses CSV text with papaparse. The first record is the header. Row numbers count records the way
 * Excel numbers rows (a quoted field with line breaks stays one row), header = row 1. Empty rows are
 * dropped but keep their numbers, so errors point at the row the user sees.
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
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter: used, skipEmptyLines: false });
  const restore = options.restoreFormulaGuard ?? true;
  const clean = (cell: string) => (restore ? restoreNeutralised(cell) : cell);
  const errors: ImportIssue[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, code: `csv.${e.code}`, params: { index: e.index ?? 0 } }));

  const records = parsed.data;
  const headers = (records[0] ?? []).map((h) => clean(h).trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = (records[i] ?? []).map(clean);
    if (cells.every((c) => c.trim() === '')) continue;
    const rowNumber = i + 1;
    const surplus = cells.slice(headers.length).filter((c) => c.trim() !== '');
    if (surplus.length > 0) {
      errors.push({ row: rowNumber, code: 'csv.too_many_cells', params: { expected: headers.length, found: cells.length } });
    }
    while (cells.length < headers.length) cells.push('');
    rows.push(cells.slice(0, headers.length));
    rowNumbers.push(rowNumber);
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
