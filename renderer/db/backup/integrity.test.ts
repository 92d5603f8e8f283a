import { asIsoDate } from '../../../shared/time';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../shared/demo';
import { withoutIntegrity } from '../../../shared/backup/integrity.test-support';
import { setBackupPassphrase, snapshotTables, takeBackup } from './backup';
import { loadBackup, restoreBackup } from './restore';
import { memoryBridge } from './backup.test-support';
import { openDb, useDatabase, type RapportDb } from '../core/db';

// A plain backup ends with the hash of its bytes (shared/backup/integrity.ts): a changed byte, a cut
// file or a file that changed between preview and restore is refused before anything is written.

let db: RapportDb;
beforeEach(async () => {
  db = openDb(`backup-integrity-${crypto.randomUUID()}`);
  useDatabase(db);
  setBackupPassphrase(undefined);
  const data = generateDemoData({ seed: 3, accounts: 12, today: asIsoDate('2026-11-23'), selfName: 'Anna Schröder' });
  for (const account of data.accounts) account.city = 'Bonn';
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await db.table(table).bulkAdd(rows as object[]);
  });
});

const CHUNK = 512;

/** Byte offsets of each "B" in `"city":"Bonn"` (bytes, not characters: the file has umlauts). */
function bonnAt(bytes: Uint8Array): number[] {
  const needle = new TextEncoder().encode('"city":"Bonn"');
  const found: number[] = [];
  for (let at = bytes.indexOf(needle[0]!); at >= 0; at = bytes.indexOf(needle[0]!, at + 1)) {
    if (needle.every((b, i) => bytes[at + i] === b)) found.push(at + '"city":"'.length);
  }
  return found;
}

/** A stored plain backup in small chunks, and a way to change its bytes. */
async function storedBackup() {
  const bridge = memoryBridge();
  const { entry } = await takeBackup('manual', db, bridge, undefined, CHUNK);
  const file = bridge.files.get(entry.name)!;
  return { bridge, name: entry.name, file, text: () => new TextDecoder().decode(file.data) };
}

describe('plain backups carry a content hash', () => {
  it('a fresh backup passes its check and says so', async () => {
    const { bridge, name } = await storedBackup();
    const loaded = await loadBackup(name, db, bridge, undefined, { chunkBytes: CHUNK });
    expect(loaded).toMatchObject({ ok: true, verified: true });
  });

  it('refuses "Bonn" changed to "Donn" in a middle chunk, before the preview; nothing is written', async () => {
    const { bridge, name, file } = await storedBackup();
    const cities = bonnAt(file.data);
    expect(cities).toHaveLength(12);
    const at = cities[6]!;
    // Neither the first nor the last chunk: the hash, not the layout, must find it.
    expect(Math.floor(at / CHUNK)).toBeGreaterThan(0);
    expect(Math.floor(at / CHUNK)).toBeLessThan(Math.floor(file.data.length / CHUNK) - 1);
    const changed = file.data.slice();
    changed[at] = 'D'.charCodeAt(0);
    file.data = changed;
    const loaded = await loadBackup(name, db, bridge, undefined, { chunkBytes: CHUNK });
    expect(loaded).toEqual({ ok: false, issues: [{ code: 'backup.altered' }] });
  });

  it('refuses a file that changed between the preview and the restore; the database is as before', async () => {
    const { bridge, name, file } = await storedBackup();
    const loaded = await loadBackup(name, db, bridge, undefined, { chunkBytes: CHUNK });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    const before = await snapshotTables(db);
    const changed = file.data.slice();
    const at = bonnAt(changed)[0]!;
    changed[at] = 'D'.charCodeAt(0);
    file.data = changed;
    await expect(restoreBackup(loaded, { backupFirst: false }, db, bridge)).rejects.toMatchObject({ issue: { code: 'backup.altered' } });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('refuses a cut file, cut mid-line or right before its integrity line', async () => {
    const { bridge, name, file, text } = await storedBackup();
    const whole = file.data;
    file.data = whole.slice(0, Math.floor(whole.length / 2));
    expect(await loadBackup(name, db, bridge, undefined, { chunkBytes: CHUNK })).toMatchObject({ ok: false, issues: [{ code: 'backup.truncated' }] });
    file.data = whole;
    const lastLine = text().trimEnd().lastIndexOf('\n') + 1;
    file.data = whole.slice(0, lastLine);
    expect(await loadBackup(name, db, bridge, undefined, { chunkBytes: CHUNK })).toMatchObject({ ok: false, issues: [{ code: 'backup.truncated' }] });
  });

  it('still restores an older backup without a hash, marked as not verified', async () => {
    const { bridge, name, file, text } = await storedBackup();
    file.data = new TextEncoder().encode(withoutIntegrity(text()));
    const loaded = await loadBackup(name, db, bridge, undefined, { chunkBytes: CHUNK });
    expect(loaded).toMatchObject({ ok: true, verified: false });
  });

  it('encrypted backups stay as they were (their GCM tags are the check): no hash line, verified', async () => {
    setBackupPassphrase('geheim genug');
    try {
      const { bridge, name, file } = await storedBackup();
      expect(new TextDecoder().decode(file.data.subarray(0, 40))).toContain('rapport-backup-encrypted');
      expect(await loadBackup(name, db, bridge, 'geheim genug', { chunkBytes: CHUNK })).toMatchObject({ ok: true, verified: true });
    } finally {
      setBackupPassphrase(undefined);
    }
  });
});
