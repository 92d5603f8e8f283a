import { describe, expect, it } from 'vitest';
import { readXlsx, XlsxImportError } from '../import/xlsx';
import { ExcelJS, type ExcelLoadInput } from './exceljs';
import { exportXlsx, type XlsxSheet } from './xlsx';

const accounts: XlsxSheet = {
  name: 'Kunden',
  columns: [
    { header: 'Firma', key: 'name', type: 'text' },
    { header: 'Telefon', key: 'phone', type: 'text' },
    { header: 'PLZ', key: 'postalCode', type: 'text' },
    { header: 'Umsatz', key: 'revenue', type: 'number' },
    { header: 'Letzter Besuch', key: 'visit', type: 'date' },
    { header: 'Tags', key: 'tags', type: 'text' },
  ],
  rows: [
    { name: 'Müller Haustechnik GmbH', phone: '+49 170 1234567', postalCode: '01067', revenue: 1234.56, visit: '2026-11-22', tags: ['A', 'B'] },
    { name: '=1+1', phone: '-5', postalCode: '@x', revenue: 0.1 + 0.2, visit: '', tags: [] },
    { name: '=HYPERLINK("http://evil","x")', phone: '', postalCode: '', revenue: null, visit: '2024-02-29' },
  ],
};

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as unknown as ExcelLoadInput);
  return wb;
}

describe('exportXlsx', () => {
  it('writes text cells as strings (never formulas), numbers and dates typed, header bold and frozen', async () => {
    const wb = await load(await exportXlsx([accounts, { ...accounts, name: 'Kunden', rows: [] }]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kunden', 'Kunden (2)']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe('+49 170 1234567');
    expect(ws.getCell('D2').value).toBe(1234.56);
    expect(ws.getCell('E2').value).toEqual(new Date('2026-11-22T00:00:00.000Z'));
    expect(ws.getCell('E2').numFmt).toBe('dd.mm.yyyy');
    expect(ws.getCell('F2').value).toBe('A, B');
  });

  it('round trip: exportXlsx → readXlsx gives the same text', async () => {
    const r = await readXlsx(await exportXlsx([accounts]));
    expect(r.sheetNames).toEqual(['Kunden']);
    expect(r.headers).toEqual(['Firma', 'Telefon', 'PLZ', 'Umsatz', 'Letzter Besuch', 'Tags']);
    expect(r.rows).toEqual([
      ['Müller Haustechnik GmbH', '+49 170 1234567', '01067', '1234.56', '2026-11-22', 'A, B'],
      ['=1+1', '-5', '@x', '0.3', '', ''],
      ['=HYPERLINK("http://evil","x")', '', '', '', '2024-02-29', ''],
    ]);
    expect(r.rowNumbers).toEqual([2, 3, 4]);
  });
});

describe('readXlsx', () => {
  it('picks a sheet by name or index and reports a missing one', async () => {
    const bytes = await exportXlsx([accounts, { name: 'Kontakte', columns: [{ header: 'Name', key: 'n', type: 'text' }], rows: [{ n: 'Eva' }] }]);
    expect((await readXlsx(bytes, { sheet: 'Kontakte' })).rows).toEqual([['Eva']]);
    expect((await readXlsx(bytes, { sheet: 1 })).sheet).toBe('Kontakte');
    await expect(readXlsx(bytes, { sheet: 'Fehlt' })).rejects.toMatchObject({ code: 'xlsx.no_sheet' });
  });

  it('reads formulas as their cached result, rich text as text, and skips empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['A', 'B']);
    ws.addRow([{ formula: '1+1', result: 2 }, { richText: [{ text: 'Fett', font: { bold: true } }, { text: ' normal' }] }]);
    ws.getRow(4).values = ['x', true];
    const r = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.rows).toEqual([['2', 'Fett normal'], ['x', 'TRUE']]);
    expect(r.rowNumbers).toEqual([2, 4]);
  });

  it('refuses oversized, non-zip, legacy/encrypted and broken files with a code', async () => {
    const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof XlsxImportError ? e.code : String(e)));
    expect(await codeOf(readXlsx(new Uint8Array(100), { maxBytes: 10 }))).toBe('xlsx.too_large');
    expect(await codeOf(readXlsx(new TextEncoder().encode('Firma;PLZ\n')))).toBe('xlsx.not_xlsx');
    expect(await codeOf(readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe('xlsx.encrypted_or_xls');
    const good = await exportXlsx([accounts]);
    expect(await codeOf(readXlsx(good.slice(0, good.length >> 1)))).toBe('xlsx.malformed');
  });
});
