import { installErrorLogging, logError } from '../../core/error-log';
import { backupBeforeMigration } from '../../db/backup/backup';
import { getDb } from '../../db/core/db';
import { watchDb } from '../../db/core/faults';

/**
 * Before the database opens: log unhandled errors, watch for other windows' upgrades, and back up
 * the database if this version is about to migrate it. A failed backup is logged, not fatal: the
 * upgrade itself runs in one transaction and leaves the old data as it was if it fails.
 */
export async function prepareDatabase(): Promise<void> {
  installErrorLogging();
  watchDb(getDb());
  await backupBeforeMigration().catch((error: unknown) => logError('Backup before schema migration failed', error));
}
