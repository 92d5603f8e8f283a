import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../shared/import/fixtures/read-fixture';
import { buildRecords } from '../../../shared/import/mapping';
import { buildInChunks, detectKind, readSource, SourceError } from './pipeline';

describe('import pipeline', () => {
  it('detects type, encoding and separator of real exports', async () => {
    const excel = await readSource({ name: 'kunden.csv', data: readFixture('excel-de-cp1252.csv') });
    expect([excel.kind, excel.encoding, excel.delimiter]).toEqual(['csv', 'windows-1252', ';']);
    expect(excel.mapping[excel.headers.indexOf('Firma')]).toBe('account.name');
    const unicode = await readSource({ name: 'export.txt', data: readFixture('excel-unicode-utf16le.txt') });
    expect([unicode.encoding, unicode.delimiter]).toEqual(['utf-16le', '\t']);
    expect(detectKind({ name: 'karten.txt', data: readFixture('apple-3.0.vcf') })).toBe('vcard');
    const cards = await readSource({ name: 'x.vcf', data: readFixture('outlook-2.1-cp1252.vcf') });
    expect(cards.kind).toBe('vcard');
    expect(cards.mapping).toContain('contact.firstName');
  });

  it('refuses broken spreadsheets with a code, and honours a forced encoding', async () => {
    await expect(readSource({ name: 'x.xlsx', data: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) })).rejects.toMatchObject({ code: 'xlsx.malformed' });
    await expect(readSource({ name: 'x.xlsx', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) })).rejects.toBeInstanceOf(SourceError);
    const forced = await readSource({ name: 'k.csv', data: readFixture('excel-de-cp1252.csv') }, { encoding: 'utf-8' });
    expect(forced.rows[0]?.[1]).not.toBe('Müller Haustechnik GmbH');
  });

  it('validates in chunks exactly like one pass, and can be cancelled', async () => {
    const source = await readSource({ name: 'kunden.csv', data: readFixture('excel-de-cp1252.csv') });
    const whole = buildRecords(source.rows, source.mapping, { rowNumbers: source.rowNumbers, readErrors: source.readErrors });
    const chunked = await buildInChunks(source, source.mapping, { locale: 'de', chunkSize: 1 });
    expect(chunked.errors).toEqual(whole.errors);
    expect(chunked.records.map((r) => r.row)).toEqual(whole.records.map((r) => r.row));
    const controller = new AbortController();
    controller.abort();
    await expect(buildInChunks(source, source.mapping, { locale: 'de', signal: controller.signal })).rejects.toThrow();
  });

  it('reads dates and decimals of a chunk the way the whole file says', async () => {
    // Row 2 settles both questions (22/11: month first; 1,234.50: dot decimals); the next chunk alone
    // could not tell: 03/04 would be asked about and 1,500 read as one and a half.
    const csv = 'Firma;PLZ;Vorname;Nachname;Geburtstag;Umsatz\nA GmbH;10115;Ann;Alt;11/22/1980;1,234.50\nB GmbH;10117;Ben;Berg;03/04/1981;1,500\n';
    const source = await readSource({ name: 'k.csv', data: new TextEncoder().encode(csv) });
    const chunked = await buildInChunks(source, source.mapping, { locale: 'de', chunkSize: 1 });
    expect(chunked.errors).toEqual([]);
    expect(chunked.records.map((r) => [r.contact?.birthday, r.account.annualRevenue])).toEqual([
      [{ day: 22, month: 11, year: 1980 }, 1234.5],
      [{ day: 4, month: 3, year: 1981 }, 1500],
    ]);
  });
});
