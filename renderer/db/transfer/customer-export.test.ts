// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { ExcelJS } from '../../../shared/export/exceljs';
import { customerLabelKeys } from '../../../shared/export/customer-columns';
import { parseCsvBytes } from '../../../shared/import/csv';
import { readXlsx } from '../../../shared/import/xlsx';
import { concatBytes as concat } from '../../../shared/bytes';
import { getDb, openDb, useDatabase } from '../core/db';
import { customerExportBytes, customerRowChunks, writeCustomerExport, type CustomerExportJob } from './customer-export';
import { newAccountRow, newContactRow } from './import';
import { asIsoDate } from '../../../shared/time';

const NOW = 1_700_000_000_000;
// Headers as the German UI shows them, so the CSV reads back through the importer's mapping.
const LABELS = Object.fromEntries(customerLabelKeys().map((k) => [k, k]));
const job = (kind: 'csv' | 'xlsx', extra: Partial<CustomerExportJob> = {}): CustomerExportJob => ({ kind, locale: 'de', labels: LABELS, sheetName: 'Kunden', ...extra });

async function all<T>(gen: AsyncGenerator<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const part of gen) out.push(...part);
  return out;
}

// Writing 2000+ rows into fake-indexeddb is slow on a busy machine; no timing is asserted.
describe('customer export in chunks', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    useDatabase(openDb(`customer-export-${crypto.randomUUID()}`));
    const db = getDb();
    await db.teamMembers.add({ id: 'm1', name: 'Anna Schröder', initials: 'AS', color: '#000000', role: 'rep', email: '', active: true, updatedAt: NOW });
    await db.accounts.bulkAdd([
      newAccountRow({ id: 'a1', name: 'Zimmerei Özdemir', phone: '+49 170 1234567' }, 'm1', NOW, asIsoDate('2026-01-01')),
      newAccountRow({ id: 'a2', name: 'Äpfel & Co', notes: '=1+1' }, 'm1', NOW, asIsoDate('2026-01-01')),
      newAccountRow({ id: 'a3', name: 'Gelöscht GmbH', deletedAt: 5 }, 'm1', NOW, asIsoDate('2026-01-01')),
      // 2050 more accounts, so the export spans two read chunks.
      ...Array.from({ length: 2050 }, (_, i) => newAccountRow({ id: `x${i}`, name: `Filiale ${i}` }, 'm1', NOW, asIsoDate('2026-01-01'))),
    ]);
    await db.contacts.bulkAdd([
      newContactRow({ id: 'c1', accountId: 'a1', firstName: 'Jürgen', lastName: 'Weiß', mobile: '+49 170 1234567' }, NOW),
      newContactRow({ id: 'c2', accountId: 'a1', firstName: 'Eva', lastName: 'Berg' }, NOW),
      newContactRow({ id: 'c3', accountId: 'a1', firstName: '', lastName: '', erased: true }, NOW),
      newContactRow({ id: 'c4', accountId: 'x2040', firstName: 'Spät', lastName: 'Im Zweiten Block' }, NOW),
    ]);
  }, 60_000);

  it('gives one row per live contact in name order, without trashed or erased rows, across chunks', async () => {
    const progress: number[] = [];
    const rows = await all(customerRowChunks(getDb(), undefined, (p) => progress.push(p.done)));
    expect(rows.slice(0, 3).map((r) => [r.account.name, r.contact?.firstName ?? null, r.ownerName])).toEqual([
      ['Äpfel & Co', null, 'Anna Schröder'],
      ['Filiale 0', null, 'Anna Schröder'],
      ['Filiale 1', null, 'Anna Schröder'],
    ]);
    expect(rows).toHaveLength(2 + 1 + 2050); // a1 twice (two contacts), a2 once, the 2050 branches
    expect(rows.find((r) => r.account.id === 'x2040')?.contact?.firstName).toBe('Spät');
    expect(rows.filter((r) => r.account.id === 'a1').map((r) => r.contact?.id)).toEqual(['c1', 'c2']);
    expect(rows.at(-1)?.account.name).toBe('Zimmerei Özdemir');
    expect(progress).toEqual([2000, 2053]);
  });

  it('exports only the given accounts, in the given order (the customer list view)', async () => {
    const rows = await all(customerRowChunks(getDb(), ['a1', 'a3', 'a2']));
    expect(rows.map((r) => [r.account.id, r.contact?.id ?? null])).toEqual([['a1', 'c1'], ['a1', 'c2'], ['a2', null]]);
  });

  it('reads the whole export by name ranges: namesakes across a chunk border, and a rename while exporting, as by key', async () => {
    const db = getDb();
    // 2100 accounts of one name: every chunk's name range is the same key, holding both chunks' rows.
    await db.accounts.bulkAdd(Array.from({ length: 2100 }, (_, i) => newAccountRow({ id: `g${String(i).padStart(4, '0')}`, name: 'Bäckerei Weiß' }, 'm1', NOW, asIsoDate('2026-01-01'))));
    const ids = (await db.accounts.orderBy('sortKey').primaryKeys()) as string[];
    const byKey = (await all(customerRowChunks(db, ids))).map((r) => [r.account.id, r.contact?.id ?? null]);
    const chunks = customerRowChunks(db, undefined);
    const first = await chunks.next();
    const rows = [...(first.value ?? [])];
    // Renamed after the ids were read, in a later chunk: its new name sorts outside that chunk's range.
    const later = ids[ids.length - 5]!;
    await db.accounts.update(later, { name: 'Aaa Umbenannt' });
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) rows.push(...next.value);
    expect(rows.map((r) => [r.account.id, r.contact?.id ?? null])).toEqual(byKey);
    expect(rows.filter((r) => r.account.name === 'Bäckerei Weiß')).toHaveLength(2100);
    expect(rows.find((r) => r.account.id === later)?.account.name).toBe('Aaa Umbenannt');
  });

  it('writes a CSV that reads back with one header and the phone number unchanged', async () => {
    const { data, lines } = await customerExportBytes(getDb(), job('csv', { accountIds: ['a2', 'a1'] }));
    expect(lines).toBe(3);
    const sheet = parseCsvBytes(data);
    expect(sheet.headers[1]).toBe('export.col.name');
    expect(sheet.rows.map((r) => r[1])).toEqual(['Äpfel & Co', 'Zimmerei Özdemir', 'Zimmerei Özdemir']);
    expect(sheet.rows[1]?.[7]).toBe('+49 170 1234567');
    expect(new TextDecoder().decode(data)).toContain("'=1+1");
  });

  it('writes an XLSX whose text cells stay text', async () => {
    const { data, lines } = await customerExportBytes(getDb(), job('xlsx', { accountIds: ['a2', 'a1'] }));
    expect(lines).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data.buffer as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.name).toBe('Kunden');
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(2).value).toBe('Äpfel & Co');
    // Columns by header, so adding a column (#17: status, lead source, product lines…) does not move the test.
    const col = (key: string) => (ws.getRow(1).values as unknown[]).indexOf(`export.col.${key}`);
    expect(ws.getRow(2).getCell(col('notes')).value).toBe('=1+1');
    expect(ws.getRow(3).getCell(col('phone')).value).toBe('+49 170 1234567');
  });

  it('hands the file over in pieces of the chunk size, the same bytes as in one go, for both kinds', async () => {
    for (const kind of ['csv', 'xlsx'] as const) {
      const whole = await customerExportBytes(getDb(), job(kind));
      const pieces: Uint8Array[] = [];
      const result = await writeCustomerExport(getDb(), job(kind), (chunk) => void pieces.push(chunk), undefined, 4096);
      expect(result.lines).toBe(2053);
      expect(result.size).toBe(concat(pieces).length);
      // An XLSX names the second it was made (deflated, so its size may move by a byte or so between two runs).
      if (kind === 'csv') expect(result.size).toBe(whole.size);
      else expect(Math.abs(result.size - whole.size)).toBeLessThan(64);
      expect(pieces.slice(0, -1).every((p) => p.length === 4096)).toBe(true);
      expect(pieces.length).toBe(Math.ceil(result.size / 4096));
      // XLSX names its creation time inside: compare everything but the archive's timestamps by reading back.
      if (kind === 'csv') expect(new TextDecoder().decode(concat(pieces))).toBe(new TextDecoder().decode(whole.data));
      else expect((await readXlsx(concat(pieces))).rows.length).toBe(2053);
    }
  });

  it('stops with the sink: a failing save fails the export', async () => {
    let calls = 0;
    const failing = async () => {
      if (++calls === 2) throw new Error('disk full');
    };
    await expect(writeCustomerExport(getDb(), job('xlsx'), failing, undefined, 4096)).rejects.toThrow('disk full');
    expect(calls).toBe(2);
  });
});
