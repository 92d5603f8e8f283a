import { describe, expect, it } from 'vitest';
import { readXlsx } from '../import/xlsx';
import { concatBytes } from '../bytes';
import { ExcelJS, type ExcelLoadInput } from './exceljs';
import type { XlsxColumn } from './xlsx';
import { columnLetter, createXlsxStreamWriter, escapeXml } from './xlsx-stream';
import { crc32 } from './zip-writer';

const columns: XlsxColumn[] = [
  { header: 'Firma', key: 'name', type: 'text' },
  { header: 'Telefon', key: 'phone', type: 'text' },
  { header: 'PLZ', key: 'postalCode', type: 'text' },
  { header: 'Umsatz', key: 'revenue', type: 'number' },
  { header: 'Letzter Besuch', key: 'visit', type: 'date' },
  { header: 'Tags', key: 'tags', type: 'text' },
];
const rows = [
  { name: 'Müller Haustechnik GmbH', phone: '+49 170 1234567', postalCode: '01067', revenue: 1234.56, visit: '2026-11-22', tags: ['A', 'B'] },
  { name: '=1+1', phone: '-5', postalCode: '@x', revenue: 0.1 + 0.2, visit: '', tags: [] },
  { name: '=HYPERLINK("http://evil","x")', phone: '', postalCode: '', revenue: null, visit: '2024-02-29' },
  { name: ' Bäckerei <Weiß> & Söhne\u0007 ', phone: 'jörg@bäckerei-weiß.de', postalCode: '', revenue: 'viel', visit: 'gestern' },
];

/** The workbook's bytes and the size of each piece the sink got. */
async function write(batches: Record<string, unknown>[][], locale: 'de' | 'en' = 'de') {
  const parts: Uint8Array[] = [];
  const writer = createXlsxStreamWriter('Kunden: Süd/Ost', columns, (b) => void parts.push(b.slice()), { locale });
  for (const batch of batches) await writer.addRows(batch);
  await writer.finish();
  return { data: concatBytes(parts), pieces: parts.map((p) => p.length) };
}

describe('createXlsxStreamWriter', () => {
  it('writes typed cells exceljs reads back: text never a formula, numbers, dates, bold frozen header', async () => {
    const { data } = await write([rows.slice(0, 2), rows.slice(2)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data.slice().buffer as unknown as ExcelLoadInput);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Kunden  Süd Ost');
    expect(ws.getCell('A1').value).toBe('Firma');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe('+49 170 1234567');
    expect(ws.getCell('C2').value).toBe('01067');
    expect(ws.getCell('D2').value).toBe(1234.56);
    expect(ws.getCell('E2').value).toEqual(new Date('2026-11-22T00:00:00.000Z'));
    expect(ws.getCell('E2').numFmt).toBe('dd.mm.yyyy');
    expect(ws.getCell('E4').value).toEqual(new Date('2024-02-29T00:00:00.000Z'));
    expect(ws.getCell('F2').value).toBe('A, B');
    // Control characters are dropped, spaces kept, entities round-trip.
    expect(ws.getCell('A5').value).toBe(' Bäckerei <Weiß> & Söhne ');
    expect(ws.getCell('D5').value).toBe('viel');
    expect(ws.getCell('E5').value).toBe('gestern');
  });

  it('reads back through the importer exactly as exportXlsx does', async () => {
    const r = await readXlsx((await write([rows.slice(0, 3)])).data);
    expect(r.headers).toEqual(['Firma', 'Telefon', 'PLZ', 'Umsatz', 'Letzter Besuch', 'Tags']);
    expect(r.rows).toEqual([
      ['Müller Haustechnik GmbH', '+49 170 1234567', '01067', '1234.56', '2026-11-22', 'A, B'],
      ['=1+1', '-5', '@x', '0.3', '', ''],
      ['=HYPERLINK("http://evil","x")', '', '', '', '2024-02-29', ''],
    ]);
  });

  it('streams: a big sheet leaves in many small pieces, and an empty one is still a workbook', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ name: `Filiale ${i} ${crypto.randomUUID()}`, revenue: i, visit: '2026-01-02' }));
    const { data, pieces } = await write([many.slice(0, 10_000), many.slice(10_000)], 'en');
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces)).toBeLessThan(data.length / 4);
    const r = await readXlsx(data);
    expect(r.rows).toHaveLength(20_000);
    expect(r.rows[19_999]?.[0]).toBe(many[19_999]!.name);
    expect((await readXlsx((await write([])).data)).headers).toEqual(columns.map((c) => c.header));
  });

  it('has the helpers right', () => {
    expect([0, 25, 26, 32, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AG', 'ZZ', 'AAA']);
    expect(escapeXml('a&b<"c">\u0000\t')).toBe('a&amp;b&lt;&quot;c&quot;&gt;\t');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
