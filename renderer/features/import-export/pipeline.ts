import type { OpenedFile } from '../../../shared/bridge/contract';
import { parseCsvBytes, type CsvDelimiter } from '../../../shared/import/csv';
import type { TextEncodingName } from '../../../shared/import/decode';
import { splitLabelledPhones } from '../../../shared/import/labelled-columns';
import { dataRowNumbers } from '../../../shared/import/outcomes';
import type { ImportLookups } from '../../../shared/import/account-values';
import { buildRecords, suggestMapping, type BuildResult, type ColumnMapping } from '../../../shared/import/mapping';
import type { ImportIssue, SheetData } from '../../../shared/import/types';
import { detectDateOrder, detectNumberStyle, type SlashOrder } from '../../../shared/import/values';
import { parseVcardBytes, vcardsToSheet } from '../../../shared/import/vcard';

export type SourceKind = 'csv' | 'xlsx' | 'vcard';

/** Choices the user can override after detection. */
export type SourceOptions = { kind?: SourceKind; encoding?: TextEncodingName; delimiter?: CsvDelimiter; sheet?: string };

/** A file read into a table, with what was detected about it. */
export type Source = SheetData & {
  kind: SourceKind;
  encoding?: TextEncodingName;
  delimiter?: CsvDelimiter;
  sheetNames?: string[];
  sheet?: string;
  /** Problems found while reading, with row numbers; those rows are left out. */
  readErrors: ImportIssue[];
  /** The mapping to start from: the header suggestion, or the fixed vCard layout. */
  mapping: ColumnMapping;
};

/** A file the importer refuses as a whole; `code` is translated (`import.error.<code>`). */
export class SourceError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'SourceError';
  }
}

/** Text files above this are refused: a CSV of 100k customers is about 20 MB. */
export const TEXT_MAX_BYTES = 200 * 1024 * 1024;

/** File type from the content first (zip = XLSX, BEGIN:VCARD = vCard), then from the extension. */
export function detectKind(file: OpenedFile): SourceKind {
  const b = file.data;
  if (b[0] === 0x50 && b[1] === 0x4b) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf) return 'xlsx';
  const head = new TextDecoder('utf-8').decode(b.subarray(0, 200)).split('\u0000').join('').replace(/^\uFEFF/, '');
  if (/^\s*BEGIN:VCARD/i.test(head)) return 'vcard';
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx' || ext === 'xls') return 'xlsx';
  if (ext === 'vcf' || ext === 'vcard') return 'vcard';
  return 'csv';
}

/** Reads a file as detected or as the user chose; exceljs is loaded only when an XLSX is read. */
export async function readSource(file: OpenedFile, options: SourceOptions = {}): Promise<Source> {
  const kind = options.kind ?? detectKind(file);
  if (kind === 'xlsx') {
    const { readXlsx } = await import('../../../shared/import/xlsx');
    try {
      const x = await readXlsx(file.data, options.sheet ? { sheet: options.sheet } : {});
      const sheet = splitLabelledPhones(x);
      return { ...sheet, kind, sheetNames: x.sheetNames, sheet: x.sheet, readErrors: [], mapping: suggestMapping(sheet.headers) };
    } catch (e) {
      const err = e as { name?: string; code?: string; params?: Record<string, string | number> };
      if (err.name === 'XlsxImportError' && err.code) throw new SourceError(err.code, err.params);
      throw new SourceError('xlsx.malformed');
    }
  }
  if (file.data.byteLength > TEXT_MAX_BYTES) throw new SourceError('file.too_large', { size: mb(file.data.byteLength), max: mb(TEXT_MAX_BYTES) });
  if (kind === 'vcard') {
    const { cards, errors } = parseVcardBytes(file.data);
    if (cards.length === 0) throw new SourceError('vcard.empty');
    const sheet = vcardsToSheet(cards);
    return { ...sheet, kind, readErrors: errors, mapping: sheet.mapping };
  }
  const csv = parseCsvBytes(file.data, { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.delimiter ? { delimiter: options.delimiter } : {}) });
  if (csv.headers.filter(Boolean).length === 0) throw new SourceError('csv.empty');
  const sheet = splitLabelledPhones(csv);
  return { ...sheet, kind, encoding: csv.encoding, delimiter: csv.delimiter, readErrors: csv.errors, mapping: suggestMapping(sheet.headers) };
}

/**
 * Row numbers of every data row: those read into the table and those that could not be (a damaged
 * card); a table's header row (row 1 of a CSV or sheet) is none, even when it has a problem.
 */
export function dataRows(source: Pick<Source, 'kind' | 'rowNumbers' | 'readErrors'>): number[] {
  return dataRowNumbers(source.rowNumbers, source.readErrors, source.kind !== 'vcard');
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export type BuildChunkOptions = {
  locale: 'de' | 'en';
  /** Team and lead sources the owner and lead-source columns name. */
  lookups?: ImportLookups;
  slashOrder?: SlashOrder;
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
};

/** Lets the browser paint the progress bar and handle a click on Cancel. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `buildRecords` over all rows in chunks, yielding between chunks so a 100k-row file shows progress
 * and can be cancelled. Date order and decimal style are decided once over the whole column (or as the
 * user answered), so every chunk reads them the same way: a chunk holding only `03/04/2026` or `1.500`
 * must not be read differently from, or be rejected unlike, the rest of the file.
 */
export async function buildInChunks(source: Source, mapping: ColumnMapping, options: BuildChunkOptions): Promise<BuildResult> {
  const size = options.chunkSize ?? 10_000;
  const column = (target: string) => {
    const i = mapping.indexOf(target as ColumnMapping[number]);
    return i < 0 ? [] : source.rows.map((r) => r[i] ?? '');
  };
  const numberStyle = detectNumberStyle(column('account.annualRevenue'), options.locale === 'en' ? 'dot' : 'comma');
  const slashOrder = options.slashOrder ?? detectDateOrder(column('contact.birthday')).order;
  const result: BuildResult = { records: [], errors: [] };
  const total = source.rows.length;
  for (let i = 0; i < total || i === 0; i += size) {
    if (options.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    const part = buildRecords(source.rows.slice(i, i + size), mapping, {
      rowNumbers: source.rowNumbers.slice(i, i + size),
      locale: options.locale,
      readErrors: source.readErrors,
      numberStyle,
      ...options.lookups,
      ...(slashOrder ? { slashOrder } : {}),
    });
    for (const r of part.records) result.records.push(r);
    for (const e of part.errors) result.errors.push(e);
    options.onProgress?.(Math.min(i + size, total), total);
    if (total === 0) break;
    await breathe();
  }
  return result;
}
