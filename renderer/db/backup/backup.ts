import type { Dexie } from 'dexie';
import type { Bridge } from '../../../shared/bridge/contract';
import { assessLoss, createManifest, isDailyBackupDue, type BackupEntry, type BackupReason, type LossAssessment } from '../../../shared/backup';
import { getBridge } from '../../bridge';
import { runBackup } from './client';
import { backedUpTables, type BackupJobRequest, type OnBackupProgress } from './job';
import { DEFAULT_DB_NAME, getDb, type RapportDb } from '../core/db';
import { runWrite } from '../core/write';
import { SCHEMA_VERSION } from '../core/migrations';

/** What backups need of the shell: listing, the chunked write, the chunked read. */
export type BackupBridge = Pick<Bridge, 'backupStatus' | 'beginBackup' | 'appendBackup' | 'finishBackup' | 'abortBackup' | 'readBackup'>;

/** Every table's rows (derived tables left out, as in backups), read in one transaction so the snapshot is consistent. */
export async function snapshotTables(db: Dexie): Promise<Record<string, unknown[]>> {
  return db.transaction('r', db.tables, async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of backedUpTables(db)) tables[table.name] = await table.toArray();
    return tables;
  });
}

/** Rows per table. */
export async function countRows(db: Dexie = getDb()): Promise<Record<string, number>> {
  return db.transaction('r', db.tables, async () => {
    const counts: Record<string, number> = {};
    for (const table of backedUpTables(db)) counts[table.name] = await table.count();
    return counts;
  });
}

/** Passphrase for encrypted backups, held in memory for this session only (never stored). */
let sessionPassphrase: string | undefined;

/** Backups taken from now on are encrypted with `passphrase` (same scheme as sync); undefined turns it off. */
export function setBackupPassphrase(passphrase: string | undefined): void {
  sessionPassphrase = passphrase || undefined;
}

/** Whether backups are encrypted in this session (Settings shows it again whenever it is opened). */
export function isBackupEncryptionOn(): boolean {
  return sessionPassphrase !== undefined;
}

/** The session passphrase, for opening encrypted backups (backup/restore.ts). */
export function backupPassphrase(): string | undefined {
  return sessionPassphrase;
}

/**
 * Reads, serialises and (with a session passphrase) encrypts in the backup worker, and stores the
 * file through the shell bridge, which lives on the page, chunk by chunk as the worker makes them:
 * a large backup never exists whole in memory nor crosses the bridge as one message. The shell
 * writes into a temp file and only `finishBackup` makes it a backup; any failure aborts the upload,
 * so no half file ever counts as one.
 */
async function storeBackup(target: Pick<BackupJobRequest, 'dbName' | 'schema' | 'chunkBytes'>, reason: BackupReason, bridge: BackupBridge, open?: Dexie, onProgress?: OnBackupProgress) {
  const passphrase = sessionPassphrase;
  const createdAt = new Date().toISOString();
  const encrypted = !!passphrase;
  const upload = await bridge.beginBackup({ createdAt, reason, encrypted });
  let offset = 0;
  try {
    const onChunk = async (data: Uint8Array) => {
      await bridge.appendBackup({ id: upload.id, offset, data });
      offset += data.length;
    };
    const { counts, schemaVersion } = await runBackup({ ...target, createdAt, passphrase }, { ...(open ? { open } : {}), ...(onProgress ? { onProgress } : {}), onChunk });
    const manifest = createManifest({ createdAt, reason, schemaVersion, counts, encrypted });
    return await bridge.finishBackup({ id: upload.id, size: offset, manifest });
  } catch (error) {
    await bridge.abortBackup(upload.id).catch(() => undefined);
    throw error;
  }
}

/** Takes a full backup now and stores it through the shell (atomic, rotated, second location); `chunkBytes` for tests. */
export async function takeBackup(reason: BackupReason, db: RapportDb = getDb(), bridge: BackupBridge = getBridge(), onProgress?: OnBackupProgress, chunkBytes?: number) {
  return storeBackup({ dbName: db.name, schema: 'current', ...(chunkBytes ? { chunkBytes } : {}) }, reason, bridge, db, onProgress);
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
  await runWrite([db.settings], () => db.settings.put({ id: 'lossAcknowledged', value: newestName, updatedAt: Date.now() }), { label: 'settings' });
}
