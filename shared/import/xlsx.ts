import type { CellValue, Worksheet } from 'exceljs';
import { ExcelJS, type ExcelLoadInput } from '../export/exceljs';
import { restoreNeutralised } from '../export/formula';
import type { SheetData } from './types';

/** Files above this size are refused before unpacking (an XLSX expands 5–20× in memory). */
export const XLSX_MAX_BYTES = 50 * 1024 * 1024;

export const XLSX_ERROR_CODES = ['xlsx.too_large', 'xlsx.not_xlsx', 'xlsx.encrypted_or_xls', 'xlsx.malformed', 'xlsx.no_sheet'] as const;
export type XlsxErrorCode = (typeof XLSX_ERROR_CODES)[number];

/** A file the reader refuses; `code` is translated by the UI. */
export class XlsxImportError extends Error {
  constructor(
    readonly code: XlsxErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'XlsxImportError';
  }
}

export type XlsxResult = SheetData & {
  /** All worksheet names, in workbook order, for the sheet picker. */
  sheetNames: string[];
  /** Name of the sheet that was read. */
  sheet: string;
};

export type XlsxOptions = {
  /** Sheet name or 0-based index; the first sheet when absent. */
  sheet?: string | number;
  /** Size limit in bytes (default `XLSX_MAX_BYTES`). */
  maxBytes?: number;
  /** Remove the CSV formula guard (`'=…`, see export/formula.ts) if a guarded CSV went through Excel (default true). */
  restoreFormulaGuard?: boolean;
};

/**
 * Reads one worksheet of an XLSX file: row 1 is the header, every cell becomes text.
 * Dates become `YYYY-MM-DD` (with `THH:MM:SS` when there is a time), numbers locale-neutral (`1234.5`).
 */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<XlsxResult> {
  const max = options.maxBytes ?? XLSX_MAX_BYTES;
  if (bytes.byteLength > max) throw new XlsxImportError('xlsx.too_large', { size: bytes.byteLength, max });
  // OLE compound file: legacy .xls or a password-protected .xlsx; exceljs reads neither.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new XlsxImportError('xlsx.encrypted_or_xls');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxImportError('xlsx.not_xlsx');

  const workbook = new ExcelJS.Workbook();
  try {
    const copy = bytes.slice().buffer;
    await workbook.xlsx.load(copy as unknown as ExcelLoadInput);
  } catch (e) {
    throw new XlsxImportError('xlsx.malformed', { detail: e instanceof Error ? e.message : String(e) });
  }
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  const wanted = options.sheet;
  const ws = typeof wanted === 'number' ? sheets[wanted] : wanted === undefined ? sheets[0] : sheets.find((s) => s.name === wanted);
  if (!ws) throw new XlsxImportError('xlsx.no_sheet', { sheet: String(wanted ?? '') });
  return { ...readSheet(ws, options.restoreFormulaGuard ?? true), sheetNames, sheet: ws.name };
}

function readSheet(ws: Worksheet, restore: boolean): SheetData {
  const text = (v: CellValue) => (restore ? restoreNeutralised(cellText(v)) : cellText(v));
  const header = ws.getRow(1);
  const width = Math.max(header.cellCount, 0);
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) headers.push(text(header.getCell(c).value).trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= headers.length; c++) cells.push(text(row.getCell(c).value));
    if (cells.every((x) => x.trim() === '')) return;
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  return { headers, rows, rowNumbers };
}

/** One cell as text, whatever exceljs made of it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
    if ('error' in value) return '';
  }
  return String(value);
}

/** 15 significant digits, as Excel stores them, so 0.1+0.2 reads "0.3". */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : '';
}

/** exceljs turns date serials into Dates at UTC wall-clock time, so the UTC fields are the cell's. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
