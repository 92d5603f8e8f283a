import { useSyncExternalStore } from 'react';
import { logError } from '../../core/error-log';
import { runDailyBackupIfDue, takeBackup } from '../../db/backup/backup';
import { whenBulkWorkSettled } from '../../db/core/bulk-work';
import { databaseLostCause, isStorageFull } from '../../db/core/write';

// The daily backup runs unattended after start; a failure used to be logged only, so the user
// believed they were backed up. It is kept here until a daily backup succeeds, and shown where the
// user looks: an alert at start (DailyBackupAlert) and a notice in Settings → Datensicherung.

/**
 * Why the last daily backup failed; `storageFull` when the disk or the browser's storage is full,
 * `lost` when the browser closed the database after a disk error (only a reload helps).
 */
export type DailyBackupFailure = { reason: string; storageFull: boolean; lost?: boolean };

let failure: DailyBackupFailure | undefined;
const listeners = new Set<() => void>();

function setFailure(next: DailyBackupFailure | undefined): void {
  failure = next;
  for (const listener of listeners) listener();
}

/** The failure as one value: disk full (the shell's ERR_DISK_FULL or a quota error), or its message. */
export function describeFailure(error: unknown): DailyBackupFailure {
  const message = error instanceof Error ? error.message : String(error);
  const storageFull = isStorageFull(error) || /\bERR_DISK_FULL\b/.test(message);
  return { reason: message.replace(/^ERR_[A-Z_]+: /, ''), storageFull, ...(databaseLostCause(error) && !storageFull ? { lost: true } : {}) };
}

/**
 * The daily backup if due; a failure is logged and kept for the user to see and retry. It waits
 * for a demo load or import in progress to finish: a backup taken halfway through one holds a
 * database the user never had (500 of 700 customers).
 */
export async function runDailyBackup(run: () => Promise<unknown> = () => runDailyBackupIfDue()): Promise<void> {
  try {
    await whenBulkWorkSettled();
    await run();
    setFailure(undefined);
  } catch (error) {
    logError('Daily backup failed', error);
    setFailure(describeFailure(error));
  }
}

/** The retry: a daily backup now, whether due or not. */
export function retryDailyBackup(): Promise<void> {
  return runDailyBackup(() => takeBackup('daily'));
}

/** The current failure (undefined after a daily backup succeeded). */
export function currentDailyBackupFailure(): DailyBackupFailure | undefined {
  return failure;
}

/** The current failure, re-rendering when it changes. */
export function useDailyBackupFailure(): DailyBackupFailure | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentDailyBackupFailure,
  );
}
