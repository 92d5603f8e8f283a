import { neutraliseFormula } from './formula';

/** A cell to export; numbers are formatted for the locale, everything else is text. */
export type CsvCell = string | number | boolean | null | undefined;
export type CsvLocale = 'de' | 'en';

export type CsvOptions = {
  /** `de`: `;` separator and decimal comma, so German Excel opens the file directly; `en`: `,` and dot. */
  locale: CsvLocale;
  /** Start with a UTF-8 byte-order mark (default true): Excel needs it to read UTF-8. */
  bom?: boolean;
};

/** Separator Excel expects in each locale. */
export function csvSeparator(locale: CsvLocale): ';' | ',' {
  return locale === 'de' ? ';' : ',';
}

/**
 * Writes rows (the first is usually the header) as CSV: CRLF line ends, fields quoted when they hold
 * the separator, a quote or a line break, and text cells guarded against formula execution (see
 * formula.ts: `=1+1` is written `'=1+1`, and our CSV import strips the guard again).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions): string {
  const sep = csvSeparator(options.locale);
  const lines = rows.map((row) => row.map((cell) => field(cell, sep, options.locale)).join(sep));
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

/** `toCsv` as UTF-8 bytes, ready to save. */
export function toCsvBytes(rows: readonly (readonly CsvCell[])[], options: CsvOptions): Uint8Array {
  return new TextEncoder().encode(toCsv(rows, options));
}

function field(cell: CsvCell, sep: string, locale: CsvLocale): string {
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (typeof cell === 'number') text = Number.isFinite(cell) ? formatNumber(cell, locale) : '';
  else if (typeof cell === 'boolean') text = cell ? 'TRUE' : 'FALSE';
  else text = neutraliseFormula(cell);
  return /["\r\n]/.test(text) || text.includes(sep) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Plain digits without grouping (Excel re-reads them as numbers); decimal comma for German. */
function formatNumber(n: number, locale: CsvLocale): string {
  const plain = String(n);
  return locale === 'de' ? plain.replace('.', ',') : plain;
}
