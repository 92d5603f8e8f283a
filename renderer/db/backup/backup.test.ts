import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../shared/demo';
import { backupBeforeMigration, checkForLoss, acknowledgeLoss, countRows, runDailyBackupIfDue, snapshotTables, takeBackup } from './backup';
import { loadBackup, restoreBackup } from './restore';
import { eraseContact } from '../accounts/gdpr';
import { memoryBridge } from './backup.test-support';
import { withoutIntegrity } from '../../../shared/backup/integrity.test-support';
import { openDb, useDatabase, type RapportDb } from '../core/db';
import { SCHEMA_VERSION } from '../core/migrations';
import { V1_STORES } from '../core/migrations/v1';
import { asIsoDate } from '../../../shared/time';
import { expectExact } from '../history/postings.test-support';
import { postingsBuilt } from '../history/postings-build';

let db: RapportDb;
beforeEach(() => {
  db = openDb(`backup-${crypto.randomUUID()}`);
  useDatabase(db);
});

async function fillDemo(accounts = 40) {
  const data = generateDemoData({ seed: 7, accounts, today: asIsoDate('2026-11-23'), selfName: 'Anna Schröder' });
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(data)) await db.table(table).bulkAdd(rows as object[]);
    await db.settings.put({ id: 'selfMemberId', value: data.teamMembers[0]!.id, updatedAt: 1 });
  });
}

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('backup and restore', () => {
  it('round-trips every table exactly', { timeout: 120_000 }, async () => {
    await fillDemo();
    const before = await snapshotTables(db);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge);
    expect(entry.manifest.counts.accounts).toBe(40);
    expect(entry.manifest.schemaVersion).toBe(SCHEMA_VERSION);

    // Change things after the backup: edit, add, delete.
    const [first] = await db.accounts.toArray();
    await db.accounts.update(first!.id, { name: 'Geändert GmbH' });
    await db.contacts.clear();
    await db.drafts.put({ id: 'd', payload: { x: 1 }, updatedAt: 1 });

    const loaded = await loadBackup(entry.name, db, bridge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    expect(loaded.counts.accounts).toBe(40);
    await tick();
    await restoreBackup(loaded, {}, db, bridge);
    // Derived fields (collation keys, search words) were not in the file; the restore derived them again.
    expect(await snapshotTables(db)).toEqual(before);
    // Restored over a history already posted: the postings hold exactly the restored rows' words.
    await expectExact(db);
    // The state before the restore was backed up first.
    const reasons = [...bridge.files.values()].map((f) => f.entry.manifest.reason);
    expect(reasons.sort()).toEqual(['manual', 'pre-restore']);
  });

  it('round-trips the sync bookkeeping of a database that has synced (compound and numeric keys)', async () => {
    await fillDemo(5);
    await db.table('syncState').put({ table: 'accounts', bucket: 7, rows: [['a-1', { name: { v: 'Müller GmbH', h: '0001' } }]] });
    const before = await snapshotTables(db);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge);
    await db.table('syncState').clear();
    const loaded = await loadBackup(entry.name, db, bridge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    await restoreBackup(loaded, {}, db, bridge);
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('re-applies erasures made after the backup was taken (the person and their text stay erased)', async () => {
    await fillDemo(5);
    const [person] = await db.contacts.toArray();
    const bridge = memoryBridge();
    await db.interactions.put({ id: 'i-erase', accountId: person!.accountId, type: 'visit', mode: 'human', status: 'done', at: '2026-11-02T09:00:00.000Z', userId: 'u', contactIds: [person!.id], subject: 'Besuch', summary: `Termin mit ${person!.firstName} ${person!.lastName}`, nextStep: '', createdAt: 1, updatedAt: 1 } as never);
    const { entry: withVisit } = await takeBackup('manual', db, bridge);
    await eraseContact(person!.id, '[gelöscht]', db);
    const loaded = await loadBackup(withVisit.name, db, bridge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    await restoreBackup(loaded, { backupFirst: false }, db, bridge);
    const restored = await db.contacts.get(person!.id);
    expect(restored).toMatchObject({ erased: true, lastName: '' });
    expect((await db.interactions.get('i-erase'))?.summary).toBe('Termin mit [gelöscht]');
    expect((await db.contacts.toArray()).filter((c) => c.erased).length).toBe(1);
  });

  it('refuses a broken backup and changes nothing', async () => {
    await fillDemo(5);
    const before = await snapshotTables(db);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge);
    const file = bridge.files.get(entry.name)!;
    file.data = file.data.slice(0, file.data.length - 10);
    const loaded = await loadBackup(entry.name, db, bridge);
    expect(loaded).toMatchObject({ ok: false, issues: [{ code: 'backup.truncated' }] });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('leaves the database untouched when the restore fails midway', async () => {
    await fillDemo(5);
    const before = await snapshotTables(db);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge);
    // The same merge twice in the last table: only writing it finds that, after every other table was rewritten.
    const file = bridge.files.get(entry.name)!;
    // Without its hash (an older backup): an edited file with one is refused before the preview.
    const text = withoutIntegrity(new TextDecoder().decode(file.data));
    const merge = JSON.stringify({ id: 'm1', at: '2026-11-01T00:00:00.000Z', survivorId: 'a', loserId: 'b', updatedAt: 1 });
    file.data = new TextEncoder().encode(text.replace('"merges":[\n]', `"merges":[\n${merge},\n${merge}\n]`));
    const loaded = await loadBackup(entry.name, db, bridge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    const error = await restoreBackup(loaded, { backupFirst: false }, db, bridge).catch((e: unknown) => e);
    expect(error).toMatchObject({ issue: { code: 'backup.duplicate_id', table: 'merges', index: 1, params: { id: 'm1' } } });
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('stops at a cancel and changes nothing', async () => {
    await fillDemo(5);
    const before = await snapshotTables(db);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge);
    const loaded = await loadBackup(entry.name, db, bridge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    await db.accounts.clear();
    const emptied = await snapshotTables(db);
    const controller = new AbortController();
    let batches = 0;
    const onProgress = () => {
      // The first batch is written; the cancel comes before the second.
      if (++batches === 2) controller.abort();
    };
    await expect(restoreBackup(loaded, { backupFirst: false, signal: controller.signal, onProgress }, db, bridge)).rejects.toThrow('restore cancelled');
    expect(batches).toBeGreaterThan(1);
    expect(await snapshotTables(db)).toEqual(emptied);
    expect(emptied).not.toEqual(before);
  });

  it('restores a database that finds and sorts as before (derived fields re-derived)', { timeout: 120_000 }, async () => {
    await fillDemo(30);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('manual', db, bridge);
    const stored = new TextDecoder().decode(bridge.files.get(entry.name)!.data);
    expect(stored).not.toContain('"sortKey"');
    expect(stored).not.toContain('"words"');
    // Nor the history search postings (derived tables): restore rebuilds them through the middleware.
    expect(stored).not.toMatch(/"(postings|postDocs)"/);
    const { searchHistory } = await import('../history/search');
    const sorted = async () => (await db.accounts.orderBy('sortKey').toArray()).map((a) => a.name);
    const interaction = (await db.interactions.toArray()).find((i) => i.contactIds.length > 0 && i.deletedAt === undefined && i.subject)!;
    const person = (await db.contacts.get(interaction.contactIds[0]!))!;
    const query = `${person.lastName} ${interaction.subject.split(' ')[0]}`;
    const before = { sorted: await sorted(), found: (await searchHistory(query, { limit: 500 })).hits.map((h) => h.id) };
    expect(before.found).toContain(interaction.id);

    // Restored into a fresh install: nothing there but what the file holds.
    db = openDb(`restored-${crypto.randomUUID()}`);
    useDatabase(db);
    const loaded = await loadBackup(entry.name, db, bridge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    await restoreBackup(loaded, { backupFirst: false }, db, bridge);
    expect(await sorted()).toEqual(before.sorted);
    expect((await searchHistory(query, { limit: 500 })).hits.map((h) => h.id)).toEqual(before.found);
    expect(await db.interactions.where('wordsStale').equals(1).count()).toBe(0);
    // Posted in memory as the rows came (postInBulk): exactly what the rows' words say, and counted as built.
    await expectExact(db);
    expect(await postingsBuilt(db)).toBe(true);
  });

  it('takes a daily backup only when the newest is a day old', async () => {
    const bridge = memoryBridge();
    expect(await runDailyBackupIfDue(db, bridge)).toBe(true);
    expect(await runDailyBackupIfDue(db, bridge)).toBe(false);
    expect(bridge.files.size).toBe(1);
  });
});

describe('loss detection', () => {
  it('DB-WIPED: an empty database with a backup present is reported, until acknowledged', async () => {
    await fillDemo(30);
    const bridge = memoryBridge();
    const { entry } = await takeBackup('daily', db, bridge);
    expect((await checkForLoss(db, bridge)).assessment).toEqual({ status: 'ok' });

    // The profile's IndexedDB is wiped: a new, empty database of the same name.
    db.close();
    await Dexie.delete(db.name);
    db = openDb(db.name);
    useDatabase(db);
    const check = await checkForLoss(db, bridge);
    expect(check.assessment.status).toBe('empty');
    expect(check.newest?.name).toBe(entry.name);

    await acknowledgeLoss(entry.name, db);
    expect((await checkForLoss(db, bridge)).assessment).toEqual({ status: 'ok' });
  });

  it('a much smaller database is reported', async () => {
    await fillDemo(60);
    const bridge = memoryBridge();
    await takeBackup('daily', db, bridge);
    const ids = (await db.accounts.toArray()).slice(5).map((a) => a.id);
    await db.accounts.bulkDelete(ids);
    await db.contacts.clear();
    await db.interactions.clear();
    await db.deals.clear();
    await db.sales.clear();
    expect((await checkForLoss(db, bridge)).assessment.status).toBe('much_smaller');
  });
});

describe('backup before a schema migration', () => {
  it('snapshots the old database before it is upgraded, and not again', async () => {
    const name = `premig-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    await old.table('accounts').add({ id: 'a1', name: 'Alt GmbH', updatedAt: 1 });
    old.close();

    const bridge = memoryBridge();
    expect(await backupBeforeMigration(name, bridge)).toBe(true);
    const [stored] = bridge.files.values();
    expect(stored!.entry.manifest).toMatchObject({ reason: 'pre-migration', schemaVersion: 1 });
    expect(stored!.entry.manifest.counts.accounts).toBe(1);

    const upgraded = openDb(name);
    await upgraded.open();
    expect(await countRows(upgraded)).toMatchObject({ accounts: 1 });
    upgraded.close();
    expect(await backupBeforeMigration(name, bridge)).toBe(false);
    expect(await backupBeforeMigration(`never-${crypto.randomUUID()}`, bridge)).toBe(false);
  });
});

describe('encrypted backups (CRYPTO-TAMPER at the restore)', () => {
  it('encrypts with the session passphrase and refuses a wrong one or an altered file', async () => {
    const { setBackupPassphrase } = await import('./backup');
    await fillDemo(3);
    const bridge = memoryBridge();
    setBackupPassphrase('Team 2026');
    try {
      const { entry } = await takeBackup('manual', db, bridge);
      expect(entry.manifest.encrypted).toBe(true);
      expect(entry.name.endsWith('.rbk')).toBe(true);
      expect(new TextDecoder().decode(bridge.files.get(entry.name)!.data)).not.toContain('Anna Schröder');
      expect((await loadBackup(entry.name, db, bridge)).ok).toBe(true);
      expect(await loadBackup(entry.name, db, bridge, 'falsch')).toEqual({ ok: false, crypto: 'backup.crypto.wrongPassphrase' });
      setBackupPassphrase(undefined);
      expect(await loadBackup(entry.name, db, bridge)).toEqual({ ok: false, crypto: 'backup.crypto.passphraseRequired' });
      const file = bridge.files.get(entry.name)!;
      file.data = file.data.slice();
      file.data[file.data.length - 3] = file.data[file.data.length - 3]! ^ 0xff;
      // One chunk at the default chunk size: the first (and last) one fails its check.
      expect(await loadBackup(entry.name, db, bridge, 'Team 2026')).toEqual({ ok: false, crypto: 'backup.crypto.chunkDamaged', params: { chunk: 1 } });
      file.data = file.data.slice(0, file.data.length - 40);
      expect(await loadBackup(entry.name, db, bridge, 'Team 2026')).toEqual({ ok: false, crypto: 'backup.crypto.truncated', params: { chunk: 0 } });
    } finally {
      setBackupPassphrase(undefined);
    }
  });
});
