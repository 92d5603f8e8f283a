import { describe, expect, it } from 'vitest';
import { createBackup, serializeBackup } from '../../../shared/export/backup';
import { generateDemoData } from '../../../shared/demo';
import { withoutDerived } from '../../../shared/export/backup-writer';
import { snapshotTables } from './backup';
import { backedUpTables, runBackupJob, writeBackupChunks } from './job';
import { concatBytes } from '../../../shared/bytes';
import { openDb } from '../core/db';
import { SCHEMA_VERSION } from '../core/migrations';
import { asIsoDate } from '../../../shared/time';

const createdAt = '2026-11-23T08:15:00.000Z';

describe('backup job (paged reads, chunked bytes)', () => {
  it('gives the document serializeBackup gives for the same snapshot (derived fields left out), across page boundaries', async () => {
    const db = openDb(`backup-job-${crypto.randomUUID()}`);
    const data = generateDemoData({ seed: 3, accounts: 10, today: asIsoDate('2026-11-23'), selfName: 'Anna Schröder' });
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
      // Small chunks: the file leaves in many pieces while the read transaction is still open.
      const chunks: Uint8Array[] = [];
      const result = await writeBackupChunks(db, { createdAt, chunkBytes: 64 * 1024 }, SCHEMA_VERSION, async (chunk) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        chunks.push(chunk);
      }, (share) => shares.push(share));
      const data = concatBytes(chunks);
      expect(chunks.length).toBeGreaterThan(5);
      expect(chunks.slice(0, -1).every((c) => c.length === 64 * 1024)).toBe(true);
      expect(result.size).toBe(data.length);
      // The same document, closed with the hash of every byte before it (shared/backup/integrity.ts).
      const { integrity, ...document } = JSON.parse(new TextDecoder().decode(data)) as Record<string, unknown>;
      expect(document).toEqual(expected);
      expect(integrity).toMatchObject({ algorithm: 'sha256-1mib-blocks', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      // Progress climbs page by page and ends at exactly every row.
      expect(shares.length).toBeGreaterThan(3);
      expect(shares.every((share, i) => share > 0 && share >= (shares[i - 1] ?? 0))).toBe(true);
      expect(shares.at(-1)).toBe(1);
      expect(result.counts).toMatchObject({ drafts: 4100, syncPending: 2001, accounts: 10 });

      // Opened by name, as the worker does, the result is the same.
      db.close();
      const whole: Uint8Array[] = [];
      const byName = await runBackupJob({ dbName: db.name, schema: 'current', createdAt }, (chunk) => void whole.push(chunk));
      expect(whole).toHaveLength(1);
      expect(whole[0]).toEqual(data);
      expect(byName.schemaVersion).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  }, 60_000);

  it('keeps one snapshot while chunks wait to be stored: a write meanwhile is not in the backup', async () => {
    const db = openDb(`backup-job-${crypto.randomUUID()}`);
    const data = generateDemoData({ seed: 5, accounts: 5, today: asIsoDate('2026-11-23'), selfName: 'Anna Schröder' });
    await db.transaction('rw', db.tables, async () => {
      for (const [table, rows] of Object.entries(data)) await db.table(table).bulkAdd(rows as object[]);
    });
    // Drafts are read after the first chunk left (the tables before them hold rows).
    expect(backedUpTables(db).findIndex((t) => t.name === 'drafts')).toBeGreaterThan(backedUpTables(db).findIndex((t) => t.name === 'accounts'));
    try {
      const chunks: Uint8Array[] = [];
      let write: Promise<unknown> | undefined;
      await writeBackupChunks(db, { createdAt, chunkBytes: 512 }, SCHEMA_VERSION, async (chunk) => {
        // Queued behind the backup's read transaction, which must still be open.
        write ??= db.drafts.put({ id: 'late', updatedAt: 1, payload: {} } as never);
        await new Promise((resolve) => setTimeout(resolve, 2));
        chunks.push(chunk);
      });
      await write;
      expect(await db.drafts.get('late')).toBeDefined();
      const backup = JSON.parse(new TextDecoder().decode(concatBytes(chunks))) as { tables: Record<string, Array<{ id: string }>> };
      expect(backup.tables.drafts!.map((d) => d.id)).not.toContain('late');
      expect(backup.tables.accounts).toHaveLength(5);
    } finally {
      db.close();
    }
  });
});
