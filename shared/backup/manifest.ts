import type { IsoInstant } from '../domain';

/** Why a backup was written; the safety reasons are kept longer than the rotation would. */
export const BACKUP_REASONS = ['daily', 'manual', 'pre-migration', 'pre-import', 'pre-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Backups taken right before a risky operation; kept for a while whatever the rotation says. */
export const SAFETY_REASONS: ReadonlySet<BackupReason> = new Set(['pre-migration', 'pre-import', 'pre-restore']);

/**
 * What a backup holds, stored beside it (outside IndexedDB), so the app can tell a wiped database
 * from a new install and show a restore preview without reading the whole file.
 */
export type BackupManifest = {
  /** Always `rapport-backup-manifest`. */
  format: 'rapport-backup-manifest';
  /** When the snapshot was taken. */
  createdAt: IsoInstant;
  /** Why it was written. */
  reason: BackupReason;
  /** Dexie schema version of the database it was taken from. */
  schemaVersion: number;
  /** Rows per table at the time of the snapshot (trashed rows included). */
  counts: Record<string, number>;
  /** Whether the backup file is encrypted with a passphrase. */
  encrypted: boolean;
};

/** One stored backup as the shell lists it. */
export type BackupEntry = {
  /** File name inside the backup folder, e.g. `rapport-backup-2026-11-23T09-30-00-000Z-daily.json`. */
  name: string;
  /** Size of the backup file in bytes. */
  size: number;
  /** Its manifest. */
  manifest: BackupManifest;
};

const NAME_PATTERN = /^rapport-backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.(json|rbk)$/;

/** The file name for a backup: sortable by time, safe on every file system, reason visible. */
export function backupFileName(manifest: Pick<BackupManifest, 'createdAt' | 'reason' | 'encrypted'>): string {
  const stamp = new Date(manifest.createdAt).toISOString().replace(/[:.]/g, '-');
  return `rapport-backup-${stamp}-${manifest.reason}.${manifest.encrypted ? 'rbk' : 'json'}`;
}

/** Whether `name` is a backup file name written by backupFileName (and nothing else: no folders). */
export function isBackupFileName(name: string): boolean {
  const match = NAME_PATTERN.exec(name);
  return match !== null && (BACKUP_REASONS as readonly string[]).includes(match[2]!);
}

/** Name of the manifest sidecar of a backup file. */
export function manifestFileName(backupName: string): string {
  return `${backupName}.manifest.json`;
}

/** Builds a manifest from row counts. */
export function createManifest(input: Omit<BackupManifest, 'format'>): BackupManifest {
  return { format: 'rapport-backup-manifest', ...input };
}

/** Reads a manifest sidecar; undefined when it is missing fields or not JSON (a torn sidecar is ignored). */
export function parseManifest(text: string): BackupManifest | undefined {
  try {
    const m = JSON.parse(text) as Partial<BackupManifest>;
    if (m.format !== 'rapport-backup-manifest') return undefined;
    if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) return undefined;
    if (!(BACKUP_REASONS as readonly unknown[]).includes(m.reason)) return undefined;
    if (typeof m.schemaVersion !== 'number' || typeof m.encrypted !== 'boolean') return undefined;
    if (!m.counts || typeof m.counts !== 'object') return undefined;
    if (!Object.values(m.counts).every((n) => Number.isInteger(n) && n >= 0)) return undefined;
    return m as BackupManifest;
  } catch {
    return undefined;
  }
}

/** Newest first. */
export function sortNewestFirst<T extends { manifest: Pick<BackupManifest, 'createdAt'> }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Date.parse(b.manifest.createdAt) - Date.parse(a.manifest.createdAt));
}
