import { Dexie, type IndexableType, type Table } from 'dexie';
import { encryptBackupBytes } from '../../shared/backup/encryption';
import { BACKUP_DERIVED_TABLES, BACKUP_FORMAT, BACKUP_VERSION } from '../../shared/export/backup';
import { createBackupWriter, type BackupWriter } from '../../shared/export/backup-writer';
import { openDb } from './db';
import { SCHEMA_VERSION } from './migrations';

// A full backup's bytes: every table read in one read transaction (a consistent snapshot), page by
// page, each page serialised and encoded at once (no string of the whole database, no copy of all
// rows), then encrypted when a passphrase is given. Runs in the backup worker (backup.worker.ts);
// the page calls it directly only where there are no Workers (unit tests under Node).

/** One backup to take. Plain data: it crosses to the worker by structured clone. */
export type BackupJobRequest = {
  /** The database to read (the page's, or a test's). */
  dbName: string;
  /** `current`: opened with this app's schema. `stored`: opened as it lies on disk, before a migration. */
  schema: 'current' | 'stored';
  /** ISO instant written as the backup's exportedAt (the manifest uses the same). */
  createdAt: string;
  /** Encrypts with this passphrase; sent per request and never kept by the worker. */
  passphrase?: string;
};

export type BackupJobResult = {
  /** The file's bytes (the backup JSON as UTF-8, or its encrypted form). */
  data: Uint8Array;
  /** Rows per table, for the manifest. */
  counts: Record<string, number>;
  /** Schema version of the database read. */
  schemaVersion: number;
};

/** `progress`: share of rows written so far (0 to 1), a few times a second at most. */
export type BackupWorkerReply = ({ kind: 'done' } & BackupJobResult) | { kind: 'progress'; share: number } | { kind: 'error'; message: string };

/** Told the share of rows written (0 to 1) as the backup goes on. */
export type OnBackupProgress = (share: number) => void;

/** Rows per read and per encoded piece: big enough for few IndexedDB round trips, small enough to stay a few MB. */
const PAGE = 2000;

/** The tables a backup holds: all but those derived from others (rebuilt by the middlewares on restore). */
export function backedUpTables(db: Dexie): Table[] {
  return db.tables.filter((t) => !BACKUP_DERIVED_TABLES.includes(t.name));
}

/** Writes one table's rows in primary-key order (the order toArray gives), one page at a time. */
async function writeTable(table: Table, writer: BackupWriter, onPage: (rows: number) => void): Promise<number> {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string' || keyPath === '' || keyPath.includes('.')) {
    // No simple inline key to continue from (none of Rapport's tables): read it in one go.
    const rows = await table.toArray();
    writer.rows(rows);
    onPage(rows.length);
    return rows.length;
  }
  let count = 0;
  let last: IndexableType | undefined;
  for (;;) {
    const range = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const page = (await range.limit(PAGE).toArray()) as Record<string, IndexableType>[];
    writer.rows(page);
    onPage(page.length);
    count += page.length;
    if (page.length < PAGE) return count;
    last = page[page.length - 1]![keyPath];
  }
}

/** The backup bytes of an open database. */
export async function backupBytes(
  db: Dexie,
  request: Pick<BackupJobRequest, 'createdAt' | 'passphrase'>,
  schemaVersion: number,
  onProgress?: OnBackupProgress,
): Promise<BackupJobResult> {
  const writer = createBackupWriter({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: request.createdAt, schemaVersion });
  const counts: Record<string, number> = {};
  // Only IndexedDB reads are awaited inside: serialising is synchronous, so the transaction stays open.
  const tables = backedUpTables(db);
  await db.transaction('r', db.tables, async () => {
    // Counted in the same snapshot, so the share ends at exactly 1; encryption after it is short.
    const total = onProgress ? (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0) : 0;
    let written = 0;
    const onPage = (rows: number) => {
      written += rows;
      if (total > 0) onProgress?.(written / total);
    };
    for (const table of tables) {
      writer.table(table.name);
      counts[table.name] = await writeTable(table, writer, onPage);
    }
  });
  const plain = writer.finish();
  const data = request.passphrase ? await encryptBackupBytes(plain, request.passphrase) : plain;
  return { data, counts, schemaVersion };
}

/** Opens the database the request names, takes the backup, closes it again. */
export async function runBackupJob(request: BackupJobRequest, onProgress?: OnBackupProgress): Promise<BackupJobResult> {
  // `stored`: without a schema Dexie reads the one on disk and upgrades nothing.
  const db = request.schema === 'stored' ? new Dexie(request.dbName) : openDb(request.dbName);
  try {
    await db.open();
    return await backupBytes(db, request, request.schema === 'stored' ? Math.round(db.verno) : SCHEMA_VERSION, onProgress);
  } finally {
    // Closed at once: an open connection would hold up a restore or a schema upgrade in the page.
    db.close();
  }
}
