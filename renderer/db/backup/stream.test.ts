import { beforeEach, describe, expect, it } from 'vitest';
import { encryptBackupBytes } from '../../../shared/backup/encryption';
import { backupFileName, createManifest } from '../../../shared/backup';
import { generateDemoData } from '../../../shared/demo';
import { concatBytes } from '../../../shared/bytes';
import { setBackupPassphrase, snapshotTables, takeBackup } from './backup';
import { backupToBytes } from './client';
import { loadBackup, restoreBackup } from './restore';
import { memoryBridge } from './backup.test-support';
import { openDb, useDatabase, type RapportDb } from '../core/db';
import { asIsoDate } from '../../../shared/time';

// Backups cross the bridge in chunks; here with chunk sizes of a few hundred bytes, so a small
// database makes many chunks (a real one uses BACKUP_CHUNK_BYTES, 8 MiB).

let db: RapportDb;
beforeEach(async () => {
  db = openDb(`backup-stream-${crypto.randomUUID()}`);
  useDatabase(db);
  const data = generateDemoData({ seed: 9, accounts: 12, today: asIsoDate('2026-11-23'), selfName: 'Anna Schröder' });
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await db.table(table).bulkAdd(rows as object[]);
  });
});

/** An encrypted v2 file cut into its header line and sealed chunks. */
function records(file: Uint8Array): { header: Uint8Array; chunks: Uint8Array[] } {
  const end = file.indexOf(0x0a) + 1;
  const chunks: Uint8Array[] = [];
  for (let at = end; at < file.length; ) {
    const length = new DataView(file.buffer, file.byteOffset + at, 4).getUint32(0);
    chunks.push(file.slice(at, at + 4 + length));
    at += 4 + length;
  }
  return { header: file.slice(0, end), chunks };
}

describe('backups in chunks through the bridge', () => {
  it('writes in chunks, restores from chunks read one by one with IPC-like delays, in one transaction', async () => {
    const before = await snapshotTables(db);
    const bridge = memoryBridge({ delayMs: 2 });
    const shares: number[] = [];
    const { entry } = await takeBackup('manual', db, bridge, (share) => shares.push(share), 1000);
    expect(bridge.calls.appended.length).toBeGreaterThan(10);
    expect(bridge.calls.appended.every((n) => n <= 1000)).toBe(true);
    expect(bridge.calls.appended.slice(0, -1).every((n) => n === 1000)).toBe(true);
    expect(entry.size).toBe(bridge.calls.appended.reduce((a, b) => a + b, 0));
    expect(shares.at(-1)).toBe(1);
    // The same document as in one piece.
    const whole = await backupToBytes({ dbName: db.name, schema: 'current', createdAt: entry.manifest.createdAt }, db);
    expect(bridge.files.get(entry.name)!.data).toEqual(whole.data);

    await db.accounts.clear();
    await db.contacts.limit(3).delete();
    const loaded = await loadBackup(entry.name, db, bridge, undefined, { chunkBytes: 777 });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    expect(loaded.counts.accounts).toBe(12);
    const reads = bridge.calls.read.length;
    expect(reads).toBeGreaterThan(10);
    await restoreBackup(loaded, { backupFirst: false }, db, bridge);
    // Read again for the restore, chunk by chunk, each read answered after a timer (which would
    // let a transaction commit under a plain await).
    expect(bridge.calls.read.slice(reads)).toEqual(Array.from({ length: Math.ceil(entry.size / 777) }, () => 777));
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('aborts the upload when a chunk cannot be stored (full disk) and says which backup', async () => {
    const bridge = memoryBridge({ failAppendAt: 3 });
    const error = (await takeBackup('daily', db, bridge, undefined, 500).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^ERR_DISK_FULL: .*"rapport-backup-.*-daily\.json"/);
    expect(bridge.calls.aborted).toHaveLength(1);
    expect(bridge.uploads.size).toBe(0);
    expect(bridge.files.size).toBe(0);
  });

  it('a stored backup gone before the restore fails with its name, nothing changed', async () => {
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge, undefined, 2000);
    const loaded = await loadBackup(entry.name, db, bridge, undefined, { chunkBytes: 2000 });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    const before = await snapshotTables(db);
    bridge.files.delete(entry.name);
    await expect(restoreBackup(loaded, { backupFirst: false }, db, bridge)).rejects.toThrow(`ERR_BACKUP_MISSING: The backup "${entry.name}"`);
    expect(await snapshotTables(db)).toEqual(before);
  });
});

describe('encrypted backups in chunks', () => {
  it('round-trip sealed chunk by chunk; a chunk swapped after the check stops the restore, nothing changed', async () => {
    const before = await snapshotTables(db);
    const bridge = memoryBridge();
    setBackupPassphrase('Team 2026');
    try {
      const { entry } = await takeBackup('manual', db, bridge, undefined, 2048);
      const file = bridge.files.get(entry.name)!;
      const { header, chunks } = records(file.data);
      expect(new TextDecoder().decode(header)).toContain('"version":2');
      expect(chunks.length).toBeGreaterThan(4);
      expect(new TextDecoder().decode(file.data)).not.toContain('Anna Schröder');

      await db.accounts.clear();
      const emptied = await snapshotTables(db);
      const loaded = await loadBackup(entry.name, db, bridge, 'Team 2026', { chunkBytes: 999 });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded));
      // The file changes between check and restore: chunks 3 and 4 swapped.
      file.data = concatBytes([header, chunks[0]!, chunks[1]!, chunks[3]!, chunks[2]!, ...chunks.slice(4)]);
      await expect(restoreBackup(loaded, { backupFirst: false }, db, bridge)).rejects.toMatchObject({ code: 'backup.crypto.chunkDamaged', params: { chunk: 3 } });
      expect(await snapshotTables(db)).toEqual(emptied);
      expect(await loadBackup(entry.name, db, bridge, 'Team 2026')).toEqual({ ok: false, crypto: 'backup.crypto.chunkDamaged', params: { chunk: 3 } });

      file.data = concatBytes([header, ...chunks]);
      const again = await loadBackup(entry.name, db, bridge, 'Team 2026', { chunkBytes: 999 });
      if (!again.ok) throw new Error(JSON.stringify(again));
      await restoreBackup(again, { backupFirst: false }, db, bridge);
      expect(await snapshotTables(db)).toEqual(before);
    } finally {
      setBackupPassphrase(undefined);
    }
  });

  it('still reads a backup encrypted in the old whole-file format (version 1)', async () => {
    const before = await snapshotTables(db);
    const plain = await backupToBytes({ dbName: db.name, schema: 'current', createdAt: '2026-11-01T09:00:00.000Z' }, db);
    const manifest = createManifest({ createdAt: '2026-11-01T09:00:00.000Z', reason: 'daily', schemaVersion: plain.schemaVersion, counts: plain.counts, encrypted: true });
    const bridge = memoryBridge();
    const name = backupFileName(manifest);
    const data = await encryptBackupBytes(plain.data, 'alt', 1000);
    bridge.files.set(name, { data, entry: { name, size: data.length, manifest } });
    await db.accounts.clear();
    const loaded = await loadBackup(name, db, bridge, 'alt', { chunkBytes: 500 });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    await restoreBackup(loaded, { backupFirst: false }, db, bridge);
    expect(await snapshotTables(db)).toEqual(before);
  });
});
