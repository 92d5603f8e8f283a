import { z } from 'zod';
import type { IsoInstant } from '../domain';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

/** A full backup: every table's rows as stored, restorable on a fresh install. */
export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When it was written. */
  exportedAt: IsoInstant;
  /** Dexie schema version of the install that wrote it. */
  schemaVersion: number;
  /** Table name → rows. */
  tables: Record<string, unknown[]>;
};

/**
 * Row fields the database derives from the row on every write (the collation key `sortKey`, the
 * visit index entries `visitKeys`, the
 * import's match keys `matchKeys`, the open-items entries `openKeys` of interactions, the history search words `words` and their `wordsStale` mark):
 * not written to backups, derived again by the Dexie middlewares when a backup is restored.
 * `syncDirty` stays: it is not derivable from the row (it records an edit sync has not sent yet)
 * and dropping it would lose that edit.
 */
export const BACKUP_DERIVED_FIELDS: readonly string[] = ['sortKey', 'visitKeys', 'matchKeys', 'openKeys', 'words', 'wordsStale'];

/** Tables the database derives from others (the history search postings): not in backups, rebuilt on restore. */
export const BACKUP_DERIVED_TABLES: readonly string[] = ['postings', 'postDocs'];

/** What is wrong with a backup file; `code` is translated by the UI. */
export type BackupIssue = {
  code:
    | 'backup.not_json'
    | 'backup.wrong_format'
    | 'backup.newer_version'
    | 'backup.newer_schema'
    | 'backup.invalid_header'
    | 'backup.unknown_table'
    | 'backup.invalid_row'
    | 'backup.duplicate_id'
    | 'backup.truncated'
    | 'backup.invalid_layout'
    | 'backup.too_large'
    /** Its integrity line's hash does not match its bytes: changed or damaged after it was written. */
    | 'backup.altered';
  table?: string;
  /** 0-based index of the row in its table. */
  index?: number;
  /** 1-based line of the file (line-per-row backups). */
  line?: number;
  /** Where in the row, e.g. `updatedAt`. */
  path?: string;
  params?: Record<string, string | number>;
};

export type BackupParseResult = { ok: true; backup: Backup } | { ok: false; issues: BackupIssue[] };

/** Builds a backup from the tables' rows (the caller reads them inside one read transaction). */
export function createBackup(tables: Record<string, unknown[]>, schemaVersion: number, now: Date = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), schemaVersion, tables };
}

/** JSON text of a backup; pretty enough to inspect, compact enough for 100k rows (no indentation). */
export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup);
}

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  exportedAt: z.iso.datetime(),
  schemaVersion: z.number().int().nonnegative(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

/** Every stored row has an id and an updatedAt (RowMeta); the rest is checked by the table's own code. */
export const rowSchema = z.looseObject({ id: z.string().min(1), updatedAt: z.number().finite() });

export type BackupParseOptions = {
  /** Tables this install has; others are reported. Absent = accept any. */
  knownTables?: readonly string[];
  /** Highest schema version this install can read. */
  maxSchemaVersion?: number;
  /** Stop after this many issues (default 50), so a wrong file does not flood the screen. */
  maxIssues?: number;
};

/** The header's fields checked (format, version, schema), or the first issue. */
export function checkHeader(data: unknown, options: Pick<BackupParseOptions, 'maxSchemaVersion'> = {}): { header: Backup } | { issue: BackupIssue } {
  if ((data as { format?: unknown } | null)?.format !== BACKUP_FORMAT) return { issue: { code: 'backup.wrong_format' } };
  const header = headerSchema.safeParse(data);
  if (!header.success) return { issue: { code: 'backup.invalid_header', path: header.error.issues[0]?.path.join('.') ?? '' } };
  const backup = header.data as Backup;
  if (backup.version > BACKUP_VERSION) return { issue: { code: 'backup.newer_version', params: { version: backup.version } } };
  if (options.maxSchemaVersion !== undefined && backup.schemaVersion > options.maxSchemaVersion) {
    return { issue: { code: 'backup.newer_schema', params: { schemaVersion: backup.schemaVersion, max: options.maxSchemaVersion } } };
  }
  return { header: backup };
}

/** Checks a backup before restore; each issue names the table and row index. Nothing is half-accepted. */
export function parseBackup(text: string, options: BackupParseOptions = {}): BackupParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ code: 'backup.not_json' }] };
  }
  const checked = checkHeader(data, options);
  if ('issue' in checked) return { ok: false, issues: [checked.issue] };
  const backup = checked.header as Backup;
  const max = options.maxIssues ?? 50;
  const issues: BackupIssue[] = [];
  for (const [table, rows] of Object.entries(backup.tables)) {
    if (options.knownTables && !options.knownTables.includes(table)) {
      issues.push({ code: 'backup.unknown_table', table });
      continue;
    }
    const ids = new Set<string>();
    for (let index = 0; index < rows.length && issues.length < max; index++) {
      const r = rowSchema.safeParse(rows[index]);
      if (!r.success) {
        issues.push({ code: 'backup.invalid_row', table, index, path: r.error.issues[0]?.path.join('.') ?? '' });
      } else if (ids.has(r.data.id)) {
        issues.push({ code: 'backup.duplicate_id', table, index, params: { id: r.data.id } });
      } else ids.add(r.data.id);
    }
  }
  return issues.length > 0 ? { ok: false, issues: issues.slice(0, max) } : { ok: true, backup };
}
