// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { holdBulkWork } from '../../db/core/bulk-work';
import { currentDailyBackupFailure, describeFailure, runDailyBackup } from './daily-backup';

describe('the daily backup waits for a demo load or import in progress', () => {
  it('starts only once the long write has finished', async () => {
    const release = holdBulkWork();
    let started = false;
    const done = runDailyBackup(async () => {
      started = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(false);
    release();
    await done;
    expect(started).toBe(true);
  });
});

describe('a failed daily backup is kept for the user, not only logged', () => {
  it('keeps the reason (saying when the storage is full) until a daily backup succeeds', async () => {
    await runDailyBackup(() => Promise.reject(new Error('ERR_DISK_FULL: The browser\'s storage is full; the backup "x" was not written.')));
    expect(currentDailyBackupFailure()).toMatchObject({ storageFull: true, reason: expect.stringContaining('storage is full') });
    await runDailyBackup(() => Promise.reject(new Error('ERR_BACKUP_FAILED: no folder')));
    expect(currentDailyBackupFailure()).toEqual({ reason: 'no folder', storageFull: false });
    await runDailyBackup(() => Promise.resolve(true));
    expect(currentDailyBackupFailure()).toBeUndefined();
  });

  it('tells a quota error from other failures', () => {
    expect(describeFailure(new DOMException('quota', 'QuotaExceededError')).storageFull).toBe(true);
    expect(describeFailure(new Error('ERR_DISK_FULL: The disk is full.'))).toEqual({ reason: 'The disk is full.', storageFull: true });
    // After a real full disk Chromium may close the database; the backup then says that, not its raw message.
    const closed = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    expect(describeFailure(closed)).toMatchObject({ storageFull: false, lost: true });
  });
});
