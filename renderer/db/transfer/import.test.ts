import { beforeEach, describe, expect, it } from 'vitest';
import { planImport } from '../../../shared/import/duplicates';
import { buildRecords, suggestMapping } from '../../../shared/import/mapping';
import { parseCsvText } from '../../../shared/import/csv';
import { bulkWorkRunning } from '../core/bulk-work';
import { getDb, openDb, useDatabase } from '../core/db';
import { applyImport, ImportCancelled, listImportBatches, loadExistingIndex, newAccountRow, newContactRow, undoImport } from './import';
import { asIsoDate } from '../../../shared/time';

const CSV = [
  'Firma;Kundennummer;PLZ;Ort;Vorname;Nachname;E-Mail;Mobil',
  'Bäckerei Groß;K-1;80331;München;Jürgen;Weiß;jw@example.de;+49 170 1234567',
  'Müller Haustechnik;K-2;01069;Dresden;Anna;Müller;anna@example.de;',
  'Neu GmbH;;10115;Berlin;;;;',
].join('\r\n');

async function plan(policy: 'skip' | 'update' | 'create', csv = CSV) {
  const sheet = parseCsvText(csv);
  const { records } = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers });
  return planImport(records, await loadExistingIndex(records), policy);
}

async function snapshot() {
  const db = getDb();
  const strip = <T>(rows: T[]) => rows.map((r) => JSON.parse(JSON.stringify(r)) as T).sort((a, b) => String((a as { id: string }).id).localeCompare((b as { id: string }).id));
  return { accounts: strip(await db.accounts.toArray()), contacts: strip(await db.contacts.toArray()) };
}

describe('applyImport / undoImport', () => {
  beforeEach(async () => {
    useDatabase(openDb(`import-${crypto.randomUUID()}`));
    const now = 1_700_000_000_000;
    await getDb().accounts.bulkAdd([
      newAccountRow({ id: 'a1', name: 'Müller Haustechnik', customerNumber: 'K-2', postalCode: '01069', city: 'Dresden', phone: '0351 1234' }, 'seat', now, asIsoDate('2026-01-01')),
      newAccountRow({ id: 'a2', name: 'Alt AG', postalCode: '20095', city: 'Hamburg' }, 'seat', now, asIsoDate('2026-01-01')),
    ]);
    await getDb().contacts.add(newContactRow({ id: 'c1', accountId: 'a1', firstName: 'Anna', lastName: 'Müller', email: 'anna@example.de', position: 'Einkauf' }, now));
  });

  it('creates accounts and contacts owned by the seat and records the batch', async () => {
    const p = await plan('skip');
    const batch = await applyImport(p, { fileName: 'kunden.csv', ownerId: 'seat' });
    const db = getDb();
    expect(await db.accounts.count()).toBe(4);
    const baecker = await db.accounts.where('customerNumber').equals('K-1').first();
    expect(baecker).toMatchObject({ name: 'Bäckerei Groß', ownerId: 'seat', kind: 'company', category: 'C', lifecycle: 'customer' });
    const jw = await db.contacts.where('accountId').equals(baecker!.id).first();
    expect(jw).toMatchObject({ firstName: 'Jürgen', mobile: '+49 170 1234567', salutation: 'none' });
    expect(batch.created.accounts).toHaveLength(2);
    expect(batch.created.contacts).toHaveLength(1);
    expect(await listImportBatches()).toEqual([expect.objectContaining({ id: batch.id, fileName: 'kunden.csv', created: 3, updated: 0 })]);
  });

  it('undo restores the database exactly, updates included', async () => {
    const before = await snapshot();
    const p = await plan('update', CSV.replace('01069;Dresden;Anna;Müller;anna@example.de;', '01069;Dresden-Neustadt;Anna;Müller;anna@example.de;0171 999'));
    expect(p.toUpdate.map((u) => u.table).sort()).toEqual(['accounts', 'contacts']);
    const batch = await applyImport(p, { fileName: 'kunden.csv', ownerId: 'seat' });
    expect((await getDb().accounts.get('a1'))?.city).toBe('Dresden-Neustadt');
    expect((await getDb().contacts.get('c1'))?.mobile).toBe('0171 999');
    await undoImport(batch.id);
    expect(await snapshot()).toEqual(before);
    expect((await getDb().importBatches.get(batch.id))?.undoneAt).toBeDefined();
    await expect(undoImport(batch.id)).rejects.toThrow(/already undone/);
  });

  it('is all or nothing: one failing put leaves the database as it was', async () => {
    const before = await snapshot();
    const p = await plan('update', CSV.replace('Dresden;Anna', 'Pirna;Anna'));
    // A create whose id already exists makes bulkAdd fail after the updates were written.
    p.toCreate.push({ table: 'accounts', row: 99, values: { id: 'a2', name: 'Kollision' } });
    await expect(applyImport(p, { fileName: 'x.csv', ownerId: 'seat', chunkSize: 1 })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    expect(await getDb().importBatches.count()).toBe(0);
  });

  it('cancel during the write leaves nothing behind', async () => {
    const before = await snapshot();
    const rows = ['Firma;PLZ;Ort', ...Array.from({ length: 50 }, (_, i) => `Firma ${i};${String(10000 + i)};Berlin`)].join('\n');
    const p = await plan('create', rows);
    const controller = new AbortController();
    const progress: number[] = [];
    const heldDuring: boolean[] = [];
    const run = applyImport(p, {
      fileName: 'big.csv', ownerId: 'seat', chunkSize: 10, signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        heldDuring.push(bulkWorkRunning());
        if (done >= 20) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(progress).toEqual([10, 20]);
    // Held as a long write while it ran (the daily backup waits for it), released although it was cancelled.
    expect(heldDuring).toEqual([true, true]);
    expect(bulkWorkRunning()).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(await getDb().importBatches.count()).toBe(0);
  });
});
