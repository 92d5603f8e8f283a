import type { Dexie } from 'dexie';
import type { Bridge } from '../../shared/bridge/contract';
import { assessLoss, createManifest, isDailyBackupDue, type BackupEntry, type BackupReason, type LossAssessment } from '../../shared/backup';
import { decryptBackup, isEncryptedBackup, BackupCryptoError } from '../../shared/backup/encryption';
import { parseBackup, type Backup, type BackupIssue } from '../../shared/export/backup';
import { getBridge } from '../bridge';
import { runBackup } from './backup-client';
import type { BackupJobRequest } from './backup-job';
import { DEFAULT_DB_NAME, getDb, type RapportDb } from './db';
import { SCHEMA_VERSION } from './migrations';

type BackupBridge = Pick<Bridge, 'backupStatus' | 'writeBackup' | 'readBackup'>;

/** Every table's rows, read in one transaction so the snapshot is consistent. */
export async function snapshotTables(db: Dexie): Promise<Record<string, unknown[]>> {
  return db.transaction('r', db.tables, async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of db.tables) tables[table.name] = await table.toArray();
    return tables;
  });
}

/** Rows per table. */
export async function countRows(db: Dexie = getDb()): Promise<Record<string, number>> {
  return db.transaction('r', db.tables, async () => {
    const counts: Record<string, number> = {};
    for (const table of db.tables) counts[table.name] = await table.count();
    return counts;
  });
}

const countsOf = (tables: Record<string, unknown[]>) => Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));

/** Passphrase for encrypted backups, held in memory for this session only (never stored). */
let sessionPassphrase: string | undefined;

/** Backups taken from now on are encrypted with `passphrase` (same scheme as sync); undefined turns it off. */
export function setBackupPassphrase(passphrase: string | undefined): void {
  sessionPassphrase = passphrase || undefined;
}

/**
 * Reads, serialises and (with a session passphrase) encrypts in the backup worker, then stores the
 * bytes through the shell bridge, which lives on the page.
 */
async function storeBackup(target: Pick<BackupJobRequest, 'dbName' | 'schema'>, reason: BackupReason, bridge: BackupBridge, open?: Dexie) {
  const passphrase = sessionPassphrase;
  const createdAt = new Date().toISOString();
  const { data, counts, schemaVersion } = await runBackup({ ...target, createdAt, passphrase }, open);
  const manifest = createManifest({ createdAt, reason, schemaVersion, counts, encrypted: !!passphrase });
  return bridge.writeBackup({ data, manifest });
}

/** Takes a full backup now and stores it through the shell (atomic, rotated, second location). */
export async function takeBackup(reason: BackupReason, db: RapportDb = getDb(), bridge: BackupBridge = getBridge()) {
  return storeBackup({ dbName: db.name, schema: 'current' }, reason, bridge, db);
}

/** For the import feature: a backup right before rows are written. */
export function backupBeforeImport(): ReturnType<typeof takeBackup> {
  return takeBackup('pre-import');
}

/** Backups stored by the shell, newest first. */
export async function listStoredBackups(bridge: BackupBridge = getBridge()): Promise<BackupEntry[]> {
  return (await bridge.backupStatus()).entries;
}

/** A daily backup when the newest backup is a day old; quiet about failures (they are logged by the caller). */
export async function runDailyBackupIfDue(db: RapportDb = getDb(), bridge: BackupBridge = getBridge()): Promise<boolean> {
  const entries = await listStoredBackups(bridge);
  if (!isDailyBackupDue(entries.map((e) => e.manifest), new Date())) return false;
  await takeBackup('daily', db, bridge);
  return true;
}

/**
 * Before Dexie upgrades the schema, a backup of the database as it is: opened (in the backup worker)
 * without a schema, so Dexie reads the stored one, snapshotted, closed. Does nothing for a new or
 * current database.
 */
export async function backupBeforeMigration(name: string = DEFAULT_DB_NAME, bridge: BackupBridge = getBridge()): Promise<boolean> {
  const known = await indexedDB.databases?.().catch(() => undefined);
  const stored = known?.find((d) => d.name === name)?.version;
  // Dexie stores version × 10.
  if (!stored || stored / 10 >= SCHEMA_VERSION) return false;
  await storeBackup({ dbName: name, schema: 'stored' }, 'pre-migration', bridge);
  return true;
}

/** A backup checked against this install: valid, or the issues found. */
export type CheckedBackup = { ok: true; backup: Backup; counts: Record<string, number> } | { ok: false; issues: BackupIssue[] };

export type LoadedBackup =
  | CheckedBackup
  /** Encrypted: no passphrase given, a wrong one, or the file was altered. */
  | { ok: false; crypto: BackupCryptoError['code'] | 'backup.crypto.passphraseRequired' };

/**
 * Reads, decrypts (when encrypted) and validates a stored backup; nothing is written. Still one
 * string of the whole file: a backup past V8's string limit (~512 MB) is written but cannot be
 * restored here yet (that needs a streaming parser).
 */
export async function loadBackup(
  name: string,
  db: RapportDb = getDb(),
  bridge: BackupBridge = getBridge(),
  passphrase: string | undefined = sessionPassphrase,
): Promise<LoadedBackup> {
  const bytes = await bridge.readBackup(name);
  if (!isEncryptedBackup(bytes)) return checkBackupText(new TextDecoder().decode(bytes), db);
  if (!passphrase) return { ok: false, crypto: 'backup.crypto.passphraseRequired' };
  try {
    return checkBackupText(await decryptBackup(bytes, passphrase), db);
  } catch (error) {
    if (error instanceof BackupCryptoError) return { ok: false, crypto: error.code };
    throw error;
  }
}

/** Validates backup text (a stored backup or an opened file) against this install's tables. */
export function checkBackupText(text: string, db: RapportDb = getDb()): CheckedBackup {
  const parsed = parseBackup(text, { knownTables: db.tables.map((t) => t.name), maxSchemaVersion: SCHEMA_VERSION });
  return parsed.ok ? { ok: true, backup: parsed.backup, counts: countsOf(parsed.backup.tables) } : parsed;
}

/**
 * Replaces every table with the backup's rows in one transaction: either all of it is restored or
 * nothing changed. A backup of the current state is taken first (unless the caller already has
 * one, e.g. the database is empty after a wipe and there is nothing worth keeping).
 */
export async function restoreBackup(
  backup: Backup,
  options: { backupFirst?: boolean; onProgress?: (share: number) => void } = {},
  db: RapportDb = getDb(),
  bridge: BackupBridge = getBridge(),
): Promise<void> {
  if (options.backupFirst ?? true) await takeBackup('pre-restore', db, bridge);
  options.onProgress?.(0.2);
  await db.transaction('rw', db.tables, async () => {
    const tables = db.tables;
    for (const [i, table] of tables.entries()) {
      await table.clear();
      const rows = backup.tables[table.name];
      if (rows?.length) await table.bulkPut(rows);
      options.onProgress?.(0.2 + (0.8 * (i + 1)) / tables.length);
    }
  });
}

export type LossCheck = { assessment: LossAssessment; newest?: BackupEntry };

/**
 * Compares the database with the newest backup's manifest (kept outside IndexedDB). A loss the
 * user already chose to continue with (same newest backup) is not reported again.
 */
export async function checkForLoss(db: RapportDb = getDb(), bridge: BackupBridge = getBridge()): Promise<LossCheck> {
  const [newest] = await listStoredBackups(bridge);
  if (!newest) return { assessment: { status: 'ok' } };
  const acknowledged = await db.settings.get('lossAcknowledged');
  if (acknowledged?.value === newest.name) return { assessment: { status: 'ok' }, newest };
  return { assessment: assessLoss(await countRows(db), newest.manifest), newest };
}

/** The user chose to go on with the database as it is; remembered until the next backup. */
export async function acknowledgeLoss(newestName: string, db: RapportDb = getDb()): Promise<void> {
  await db.settings.put({ id: 'lossAcknowledged', value: newestName, updatedAt: Date.now() });
}
