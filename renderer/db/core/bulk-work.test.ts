import { describe, expect, it } from 'vitest';
import { asBulkWork, bulkWorkRunning, holdBulkWork, whenBulkWorkSettled } from './bulk-work';

describe('bulk work gate', () => {
  it('resolves at once when nothing runs, and only after the last running write otherwise', async () => {
    await whenBulkWorkSettled();
    const a = holdBulkWork();
    const b = holdBulkWork();
    let settled = false;
    const waiting = whenBulkWorkSettled().then(() => (settled = true));
    a();
    a(); // releasing twice counts once
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(bulkWorkRunning()).toBe(true);
    b();
    await waiting;
    expect(settled).toBe(true);
    expect(bulkWorkRunning()).toBe(false);
  });

  it('releases when the work fails', async () => {
    await expect(asBulkWork(() => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    expect(bulkWorkRunning()).toBe(false);
  });
});
