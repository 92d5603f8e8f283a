import type { Backup, BackupIssue } from './backup';
import type { BackupHeader } from './backup-writer';
import type { Integrity } from '../backup/integrity';

// What the backup readers share (backup-reader.ts opens a file and picks one): the refusal, the
// reader's shape, and the checks every row passes.

/** A backup the reader refuses; `issue` says what and where (table, row, line). */
export class BackupReadError extends Error {
  constructor(readonly issue: BackupIssue) {
    super([issue.code, issue.table, issue.index, issue.line && `line ${issue.line}`].filter((x) => x !== undefined && x !== '').join(' '));
    this.name = 'BackupReadError';
  }
}

/** Rows of one table, in file order; `first` is the 0-based index of `rows[0]` in its table. */
export type BackupBatch = { table: string; rows: Array<Record<string, unknown>>; first: number };

/** What `take` answers when the rows held are used up and the next chunk must be read (`more`) first. */
export const NEED_BYTES = Symbol('need bytes');

export type BackupReader = {
  header: BackupHeader;
  /**
   * The next rows held (at most `max`, all of one table), checked; undefined after the last;
   * NEED_BYTES when `more` must read the next chunk first. Synchronous, so a restore transaction
   * awaits nothing but its own writes and, explicitly, `more`. Throws BackupReadError.
   */
  take(max: number): BackupBatch | undefined | typeof NEED_BYTES;
  /** Reads the next chunk (call after take answered NEED_BYTES). */
  more(): Promise<void>;
  /** `take`, reading more chunks as needed. Rejects with BackupReadError. */
  next(max: number): Promise<BackupBatch | undefined>;
  /** Share of the file read so far, 0 to 1. */
  progress(): number;
  /** After the last row: whether the file's hash was checked (`none`: an older file without one). A mismatch is refused as `backup.altered`. */
  integrity(): Integrity | undefined;
};

/** What every row of a table must have: its primary key (inline key path, compound or not) and, for domain rows, `updatedAt`. */
export type TableRule = { key: string | readonly string[] | null; updatedAt: boolean };

export type BackupReadOptions = {
  /** This install's tables and their rules; a table not named here is refused. Absent = any table, any object row. */
  tables?: Readonly<Record<string, TableRule>>;
  /** Highest schema version this install can read. */
  maxSchemaVersion?: number;
  /** Bytes decoded at a time (default 1 MB; also the chunk size for bytes in memory); a longer line is decoded whole. */
  chunkBytes?: number;
  /** See WHOLE_FILE_LIMIT. */
  wholeFileLimit?: number;
};

/** Strict UTF-8 (a damaged byte is reported, never replaced); `cutOff`: the bytes end the file without a line break. */
export function decode(decoder: TextDecoder, bytes: Uint8Array, line: number, cutOff = false): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BackupReadError({ code: cutOff ? 'backup.truncated' : 'backup.not_json', line });
  }
}

export function headerOf({ format, version, exportedAt, schemaVersion }: Backup): BackupHeader {
  return { format, version, exportedAt, schemaVersion };
}

/** Whether IndexedDB can key by the value (the kinds Rapport uses: strings, numbers, dates, arrays of them). */
export function isKey(value: unknown): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return Array.isArray(value) && value.every(isKey);
}

export function knownTable(table: string, options: BackupReadOptions, line?: number): void {
  if (options.tables && !Object.hasOwn(options.tables, table)) throw new BackupReadError({ code: 'backup.unknown_table', table, ...(line ? { line } : {}) });
}

/** Checks one row against its table's rule; the issue names table, row, field and (when known) line. */
export function checkRow(row: unknown, table: string, index: number, rule: TableRule | undefined, line?: number): Record<string, unknown> {
  const bad = (path: string) => new BackupReadError({ code: 'backup.invalid_row', table, index, ...(line ? { line } : {}), path });
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw bad('');
  const r = row as Record<string, unknown>;
  const keys = rule?.key == null ? [] : typeof rule.key === 'string' ? [rule.key] : rule.key;
  for (const path of keys) if (!isKey(path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r))) throw bad(path);
  if (rule?.updatedAt && !Number.isFinite(r.updatedAt)) throw bad('updatedAt');
  return r;
}
