import { describe, expect, it } from 'vitest';
import { createBackup, serializeBackup } from '../../shared/export/backup';
import { generateDemoData } from '../../shared/demo';
import { withoutDerived } from '../../shared/export/backup-writer';
import { snapshotTables } from './backup';
import { backupBytes, runBackupJob } from './backup-job';
import { openDb } from './db';
import { SCHEMA_VERSION } from './migrations';

const createdAt = '2026-11-23T08:15:00.000Z';

describe('backup job (paged reads, chunked bytes)', () => {
  it('gives the document serializeBackup gives for the same snapshot (derived fields left out), across page boundaries', async () => {
    const db = openDb(`backup-job-${crypto.randomUUID()}`);
    const data = generateDemoData({ seed: 3, accounts: 10, today: '2026-11-23', selfName: 'Anna Schröder' });
    // 4,100 drafts: more than two read pages, with the last page partly full.
    const drafts = Array.from({ length: 4100 }, (_, i) => ({ id: `d-${String(i).padStart(5, '0')}`, updatedAt: i, text: `Notiz ${i} ü 🚀` }));
    await db.transaction('rw', db.tables, async () => {
      for (const [table, rows] of Object.entries(data)) await db.table(table).bulkAdd(rows as object[]);
      await db.drafts.bulkAdd(drafts as never[]);
      // Auto-incremented numeric keys page too.
      await db.table('syncPending').bulkAdd(Array.from({ length: 2001 }, (_, i) => ({ key: `k${i}`, table: 'accounts', rowId: `r${i}` })));
    });
    try {
      const snapshot = await snapshotTables(db);
      const stripped = Object.fromEntries(Object.entries(snapshot).map(([t, rows]) => [t, rows.map(withoutDerived)]));
      const expected = JSON.parse(serializeBackup(createBackup(stripped, SCHEMA_VERSION, new Date(createdAt)))) as unknown;
      expect(JSON.stringify(stripped.accounts)).not.toContain('sortKey');
      const shares: number[] = [];
      const result = await backupBytes(db, { createdAt }, SCHEMA_VERSION, (share) => shares.push(share));
      expect(JSON.parse(new TextDecoder().decode(result.data))).toEqual(expected);
      // Progress climbs page by page and ends at exactly every row.
      expect(shares.length).toBeGreaterThan(3);
      expect(shares.every((share, i) => share > 0 && share >= (shares[i - 1] ?? 0))).toBe(true);
      expect(shares.at(-1)).toBe(1);
      expect(result.counts).toMatchObject({ drafts: 4100, syncPending: 2001, accounts: 10 });

      // Opened by name, as the worker does, the result is the same.
      db.close();
      const byName = await runBackupJob({ dbName: db.name, schema: 'current', createdAt });
      expect(byName.data).toEqual(result.data);
      expect(byName.schemaVersion).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  }, 60_000);
});
