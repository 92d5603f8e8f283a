import type { BackupManifest } from './manifest';

/** Tables whose rows are the user's own work; settings, drafts and reminder states do not count. */
export const CORE_TABLES = ['accounts', 'contacts', 'interactions', 'deals', 'sales'] as const;

/**
 * Thresholds of the loss rule. Deleting in Rapport moves rows to the trash (they still count), GDPR
 * erasure keeps a stub, and merges keep the merged account in the trash; so the row count of the
 * core tables only falls through emptying the trash. A fall below half of what the last backup held,
 * by at least `minRowsLost` rows, is therefore far more likely a reset profile or a wiped IndexedDB.
 */
export const LOSS_THRESHOLDS = {
  /** Current core rows below this share of the manifest's count is "much smaller". */
  ratio: 0.5,
  /** …and at least this many rows fewer, so a tiny database does not alarm over a few deletions. */
  minRowsLost: 20,
} as const;

export type LossAssessment =
  | { status: 'ok' }
  /** The database holds no core rows but the last backup did. */
  | { status: 'empty'; expected: number }
  /** The database holds much fewer core rows than the last backup did. */
  | { status: 'much_smaller'; expected: number; actual: number };

const coreTotal = (counts: Record<string, number>) => CORE_TABLES.reduce((sum, t) => sum + (counts[t] ?? 0), 0);

/** Compares the database's row counts with the newest backup's manifest (see LOSS_THRESHOLDS). */
export function assessLoss(current: Record<string, number>, last: Pick<BackupManifest, 'counts'> | undefined): LossAssessment {
  if (!last) return { status: 'ok' };
  const expected = coreTotal(last.counts);
  const actual = coreTotal(current);
  if (expected === 0) return { status: 'ok' };
  if (actual === 0) return { status: 'empty', expected };
  if (actual < expected * LOSS_THRESHOLDS.ratio && expected - actual >= LOSS_THRESHOLDS.minRowsLost) {
    return { status: 'much_smaller', expected, actual };
  }
  return { status: 'ok' };
}
