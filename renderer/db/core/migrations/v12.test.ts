import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { planImport } from '../../../../shared/import/duplicates';
import { buildRecords, suggestMapping } from '../../../../shared/import/mapping';
import { parseCsvText } from '../../../../shared/import/csv';
import { openDb, useDatabase as makeCurrent, type RapportDb } from '../db';
import { runWrite } from '../write';
import { loadExistingIndex } from '../../transfer/import';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A v11 database with accounts as the app stored them before v12 (no match keys). */
async function v11Base(): Promise<RapportDb> {
  const name = `v12-${crypto.randomUUID()}`;
  const v11 = new Dexie(name);
  for (const migrate of MIGRATIONS.slice(0, 11)) migrate(v11);
  await v11.table('accounts').bulkAdd([
    { id: 'a1', name: 'Müller GmbH', postalCode: '80331', customerNumber: '', city: 'München', updatedAt: 1 },
    { id: 'a2', name: 'Bäckerei Weiß', postalCode: '01067', customerNumber: ' K-7 ', city: 'Dresden', updatedAt: 1 },
    { id: 'a3', name: '', postalCode: '', customerNumber: '', updatedAt: 1 },
    { id: 'a4', name: 'Gelöscht AG', postalCode: '10115', customerNumber: 'K-9', deletedAt: 5, updatedAt: 5 },
  ]);
  v11.close();
  const db = openDb(name);
  opened.push(db);
  makeCurrent(db);
  await db.open();
  return db;
}

const keysOf = async (db: RapportDb, id: string) => ((await db.accounts.get(id)) as { matchKeys?: string[] } | undefined)?.matchKeys;

describe('schema v12', () => {
  it('gives every existing account its match keys (customer number trimmed, name core + postal code) in a multi-entry index', async () => {
    const db = await v11Base();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.accounts.schema.idxByName.matchKeys?.multi).toBe(true);
    expect(await keysOf(db, 'a1')).toEqual(['k:muller|80331']);
    expect(await keysOf(db, 'a2')).toEqual(['n:K-7', 'k:backereiweiss|01067']);
    // Nothing to match by: no keys at all, so the index does not hold it.
    expect(await keysOf(db, 'a3')).toBeUndefined();
    // A trashed account keeps its keys (the import leaves it out when it reads it; a restore from the trash needs none).
    expect(await keysOf(db, 'a4')).toEqual(['n:K-9', 'k:geloscht|10115']);
    expect(await db.accounts.where('matchKeys').equals('k:muller|80331').primaryKeys()).toEqual(['a1']);
  });

  it('an import finds the migrated accounts: "Mueller GmbH" in 80331 folds into Müller, K-7 into Bäckerei Weiß', async () => {
    await v11Base();
    const sheet = parseCsvText('Firma;Kundennummer;PLZ;Ort\r\nMueller GmbH;;80331;München\r\nBaeckerei Weiss;K-7;01067;Dresden\r\nGelöscht AG;K-9;10115;Berlin\r\n');
    const { records } = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers });
    const plan = planImport(records, await loadExistingIndex(records), 'skip');
    expect(plan.folds.map((f) => [f.row, f.into.id, f.by])).toEqual([[2, 'a1', 'same_name_place'], [3, 'a2', 'same_number']]);
    // The trashed account is not matched: its row is a new account.
    expect(plan.toCreate.map((c) => c.row)).toEqual([4]);
  });

  it('keeps the keys following the row on later writes (a new name, a number removed)', async () => {
    const db = await v11Base();
    await runWrite([db.accounts], () => db.accounts.update('a2', { name: 'Weiß Backstube', customerNumber: '' }), { label: 'account' });
    expect(await keysOf(db, 'a2')).toEqual(['k:weissbackstube|01067']);
    await runWrite([db.accounts], () => db.accounts.update('a1', { name: '' }), { label: 'account' });
    expect(await keysOf(db, 'a1')).toBeUndefined();
    expect(await db.accounts.where('matchKeys').equals('k:muller|80331').count()).toBe(0);
  });
});
