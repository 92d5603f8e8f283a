import { checkHeader, type Backup, type BackupIssue } from './backup';
import type { BackupHeader } from './backup-writer';

// Reads a backup a few rows at a time, never as one string of the whole file (V8 strings end at
// ~512 MB; a 100k-account backup is ~1.35 GB). Backups from backup-writer.ts hold one row per line,
// so the bytes are cut at line breaks (0x0A is never part of a multi-byte UTF-8 character), decoded
// about a megabyte at a time and each row is given to JSON.parse on its own: the JSON parsing is the
// engine's, only the line structure (written by our own writer) is checked here. Any other file
// (older one-line backups, foreign or pretty-printed JSON) is parsed whole, up to WHOLE_FILE_LIMIT.

/** Files not laid out one row per line are parsed as one string up to this size (well below V8's limit). */
export const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

/** A backup the reader refuses; `issue` says what and where (table, row, line). */
export class BackupReadError extends Error {
  constructor(readonly issue: BackupIssue) {
    super([issue.code, issue.table, issue.index, issue.line && `line ${issue.line}`].filter((x) => x !== undefined && x !== '').join(' '));
    this.name = 'BackupReadError';
  }
}

/** Rows of one table, in file order; `first` is the 0-based index of `rows[0]` in its table. */
export type BackupBatch = { table: string; rows: Array<Record<string, unknown>>; first: number };

export type BackupReader = {
  header: BackupHeader;
  /** The next rows (at most `max`, all of one table), checked; undefined after the last. Throws BackupReadError. */
  next(max: number): BackupBatch | undefined;
  /** Share of the file read so far, 0 to 1. */
  progress(): number;
};

/** What every row of a table must have: its primary key (inline key path, compound or not) and, for domain rows, `updatedAt`. */
export type TableRule = { key: string | readonly string[] | null; updatedAt: boolean };

export type BackupReadOptions = {
  /** This install's tables and their rules; a table not named here is refused. Absent = any table, any object row. */
  tables?: Readonly<Record<string, TableRule>>;
  /** Highest schema version this install can read. */
  maxSchemaVersion?: number;
  /** Bytes decoded at a time (default 1 MB); a longer line is decoded whole. */
  chunkBytes?: number;
  /** See WHOLE_FILE_LIMIT. */
  wholeFileLimit?: number;
};

const HEADER_END = '"tables":{';
const TABLE_OPEN = /^("(?:[^"\\]|\\.)*"):\[$/;

/** Opens a reader on a backup's bytes; throws BackupReadError when the header is already wrong. */
export function openBackupReader(bytes: Uint8Array, options: BackupReadOptions = {}): BackupReader {
  const firstBreak = bytes.subarray(0, 64 * 1024).indexOf(0x0a);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const first = firstBreak > 0 ? decode(decoder, bytes.subarray(0, firstBreak), 1).trimEnd() : '';
  if (!first.endsWith(HEADER_END)) return wholeFileReader(bytes, options);
  let data: unknown;
  try {
    data = JSON.parse(`${first}}}`);
  } catch {
    throw new BackupReadError({ code: 'backup.invalid_header', line: 1 });
  }
  const checked = checkHeader(data, options);
  if ('issue' in checked) throw new BackupReadError({ ...checked.issue, line: 1 });
  return lineReader(bytes, firstBreak + 1, checked.header, options);
}

/** Strict UTF-8 (a damaged byte is reported, never replaced); `cutOff`: the bytes end the file without a line break. */
function decode(decoder: TextDecoder, bytes: Uint8Array, line: number, cutOff = false): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BackupReadError({ code: cutOff ? 'backup.truncated' : 'backup.not_json', line });
  }
}

function headerOf({ format, version, exportedAt, schemaVersion }: Backup): BackupHeader {
  return { format, version, exportedAt, schemaVersion };
}

/** Whether IndexedDB can key by the value (the kinds Rapport uses: strings, numbers, dates, arrays of them). */
function isKey(value: unknown): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return Array.isArray(value) && value.every(isKey);
}

function knownTable(table: string, options: BackupReadOptions, line?: number): void {
  if (options.tables && !Object.hasOwn(options.tables, table)) throw new BackupReadError({ code: 'backup.unknown_table', table, ...(line ? { line } : {}) });
}

/** Checks one row against its table's rule; the issue names table, row, field and (when known) line. */
function checkRow(row: unknown, table: string, index: number, rule: TableRule | undefined, line?: number): Record<string, unknown> {
  const bad = (path: string) => new BackupReadError({ code: 'backup.invalid_row', table, index, ...(line ? { line } : {}), path });
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw bad('');
  const r = row as Record<string, unknown>;
  const keys = rule?.key == null ? [] : typeof rule.key === 'string' ? [rule.key] : rule.key;
  for (const path of keys) if (!isKey(path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r))) throw bad(path);
  if (rule?.updatedAt && !Number.isFinite(r.updatedAt)) throw bad('updatedAt');
  return r;
}

function lineReader(bytes: Uint8Array, start: number, header: Backup, options: BackupReadOptions): BackupReader {
  const chunk = Math.max(1, options.chunkBytes ?? 1024 * 1024);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pos = start;
  let lines: string[] = [];
  let at = 0;
  /** 1-based number of the line last handed out. */
  let lineNo = 1;
  /** Whether the file's last line has no line break (a cut-off file, unless it is the closing `}}`). */
  let unterminated = false;

  const nextLine = (): string | undefined => {
    while (at >= lines.length) {
      if (pos >= bytes.length) return undefined;
      const end = Math.min(pos + chunk, bytes.length);
      let cut = pos + bytes.subarray(pos, end).lastIndexOf(0x0a);
      if (cut < pos) cut = bytes.indexOf(0x0a, end);
      if (cut < 0) {
        cut = bytes.length;
        unterminated = true;
      }
      lines = decode(decoder, bytes.subarray(pos, cut), lineNo + 1, unterminated).split('\n');
      at = 0;
      pos = cut + 1;
    }
    lineNo++;
    return lines[at++]!.trimEnd();
  };
  const atLastLine = () => unterminated && at >= lines.length && pos >= bytes.length;

  let table: string | undefined;
  let index = 0;
  let tablesSeen = 0;
  /** The previous table's `],` or row's `,` promises another one. */
  let more = false;
  let ended = false;
  // Whatever is wrong with the file's last line, when it has no line break, is a cut-off file.
  const layout = () => new BackupReadError({ code: atLastLine() ? 'backup.truncated' : 'backup.invalid_layout', ...(table !== undefined ? { table, index } : {}), line: lineNo });

  const next = (max: number): BackupBatch | undefined => {
    const rows: Array<Record<string, unknown>> = [];
    let first = index;
    for (;;) {
      if (table !== undefined && rows.length >= max) return { table, rows, first };
      const line = nextLine();
      if (line === undefined) {
        if (ended) return undefined;
        throw new BackupReadError({ code: 'backup.truncated', ...(table !== undefined ? { table, index } : {}), line: lineNo });
      }
      if (ended) {
        if (line !== '') throw layout();
      } else if (table === undefined) {
        const open = TABLE_OPEN.exec(line);
        if (line === '}}' && !more) ended = true;
        else if (open && more === tablesSeen > 0) {
          table = JSON.parse(open[1]!) as string;
          knownTable(table, options, lineNo);
          index = 0;
          more = false;
          tablesSeen++;
        } else throw layout();
      } else if (line === ']' || line === '],') {
        if (more && index > 0) throw layout();
        const done = table;
        table = undefined;
        more = line === '],';
        if (rows.length > 0) return { table: done, rows, first };
      } else {
        if (index > 0 && !more) throw layout();
        more = line.endsWith(',');
        let row: unknown;
        try {
          row = JSON.parse(more ? line.slice(0, -1) : line);
        } catch {
          throw new BackupReadError({ code: atLastLine() ? 'backup.truncated' : 'backup.not_json', table, index, line: lineNo });
        }
        if (rows.length === 0) first = index;
        rows.push(checkRow(row, table, index, options.tables?.[table], lineNo));
        index++;
      }
    }
  };
  return { header: headerOf(header), next, progress: () => (bytes.length === 0 ? 1 : Math.min(1, pos / bytes.length)) };
}

/** Older and foreign backups: one JSON document parsed whole (bounded by WHOLE_FILE_LIMIT), rows checked batch by batch. */
function wholeFileReader(bytes: Uint8Array, options: BackupReadOptions): BackupReader {
  const limit = options.wholeFileLimit ?? WHOLE_FILE_LIMIT;
  if (bytes.length > limit) throw new BackupReadError({ code: 'backup.too_large', params: { size: bytes.length, limit } });
  const text = decode(new TextDecoder('utf-8', { fatal: true }), bytes, 1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupReadError({ code: 'backup.not_json' });
  }
  const checked = checkHeader(data, options);
  if ('issue' in checked) throw new BackupReadError(checked.issue);
  for (const table of Object.keys(checked.header.tables)) knownTable(table, options);
  const tables = Object.entries(checked.header.tables).filter(([, rows]) => rows.length > 0);
  let t = 0;
  let offset = 0;
  let read = 0;
  const total = tables.reduce((n, [, rows]) => n + rows.length, 0);
  return {
    header: headerOf(checked.header),
    next(max) {
      const entry = tables[t];
      if (!entry) return undefined;
      const [table, all] = entry;
      const first = offset;
      const rows = all.slice(offset, offset + max).map((row, i) => checkRow(row, table, first + i, options.tables?.[table]));
      offset += rows.length;
      read += rows.length;
      if (offset >= all.length) {
        t++;
        offset = 0;
      }
      return { table, rows, first };
    },
    progress: () => (total === 0 ? 1 : read / total),
  };
}
