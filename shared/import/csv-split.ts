import { parse as parseTolerant } from 'csv-parse/browser/esm/sync';
import Papa from 'papaparse';

/** One record of a CSV file as Excel and LibreOffice show it. */
export type CsvRecord = {
  /** Row number as Excel shows it: header = 1, blank lines count, a quoted line break stays in its row. */
  row: number;
  /** The cells, as many as the line has (not padded). */
  cells: string[];
};

export type SplitResult = {
  records: CsvRecord[];
  /** Rows whose opening quote is never closed before the end of the file (their cells are the line read without quoting). */
  unclosed: number[];
};

/**
 * Splits CSV text into records the way Excel and LibreOffice do: a quote is special only at the start of
 * a cell, text after a closing quote stays in that cell, and a quote left open to the end of the file
 * breaks only its own row.
 *
 * Papaparse reads well-formed files fast, and with them it splits exactly like Excel. On a stray quote it
 * goes on searching for a closing quote and swallows the following lines (`"klick")` in an unquoted
 * `=HYPERLINK("http://x";"klick")` cell), so a file it reports a quote problem in is read again with
 * csv-parse's relaxed quotes, which keeps such text in its cell. csv-parse is not used for every file:
 * its browser build is about ten times slower than papaparse (10 s for 100k rows).
 */
export function splitRecords(text: string, delimiter: string): SplitResult {
  const fast = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  if (!fast.errors.some((e) => e.type === 'Quotes')) {
    // Papaparse adds an empty record for the final line break; a blank record is dropped later anyway.
    return { records: fast.data.map((cells, i) => ({ row: i + 1, cells })), unclosed: [] };
  }
  return splitTolerant(text, delimiter);
}

/**
 * csv-parse with relaxed quotes and column counts. A quote still open at the end of the file is what
 * LibreOffice reports at the row it opened in: that row is read once more as plain cells (no quoting),
 * flagged, and reading starts again at the next line, so the rows after it are kept.
 */
function splitTolerant(text: string, delimiter: string): SplitResult {
  const records: CsvRecord[] = [];
  const unclosed: number[] = [];
  let rest = text;
  let before = 0;
  for (;;) {
    let openTail: string | undefined;
    const got = parseTolerant(rest, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // `raw` makes csv-parse hand the skipped record's text to on_skip.
      raw: true,
      skip_records_with_error: true,
      on_skip: (err, raw) => {
        if (err?.code !== 'CSV_QUOTE_NOT_CLOSED') throw err ?? new Error('csv: record skipped without a reason');
        openTail = raw ?? '';
        return undefined;
      },
    }) as unknown as { record: string[] }[];
    got.forEach(({ record }, i) => records.push({ row: before + i + 1, cells: record }));
    if (openTail === undefined) break;
    const row = before + got.length + 1;
    unclosed.push(row);
    // The skipped record's raw text runs from its start to the end of the file.
    const start = rest.endsWith(openTail) ? rest.length - openTail.length : rest.length;
    const tail = rest.slice(start);
    const lineBreak = /\r\n|\n|\r/.exec(tail);
    const line = lineBreak ? tail.slice(0, lineBreak.index) : tail;
    const cells = (parseTolerant(line, { delimiter, quote: false, relax_column_count: true }) as string[][])[0];
    records.push({ row, cells: cells ?? [line] });
    if (!lineBreak) break;
    rest = tail.slice(lineBreak.index + lineBreak[0].length);
    before = row;
  }
  return { records, unclosed };
}
