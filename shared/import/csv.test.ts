import { describe, expect, it } from 'vitest';
import { parseCsvBytes, parseCsvText } from './csv';
import { readFixture } from './fixtures/read-fixture';

describe('CSV fixtures', () => {
  it('German Excel: Windows-1252, `;`, quoted multi-line cell, empty row keeps numbering', () => {
    const r = parseCsvBytes(readFixture('excel-de-cp1252.csv'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.headers).toEqual(['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'Land', 'Telefon', 'E-Mail', 'Kategorie', 'Umsatz', 'Letzter Besuch', 'Bemerkung']);
    expect(r.rowNumbers).toEqual([2, 3, 4, 6]);
    expect(r.rows[0]).toEqual(['K-1001', 'Müller Haustechnik GmbH', 'Königstraße 12', '70173', 'Stuttgart', 'Deutschland', '+49 711 123456', 'info@mueller-haustechnik.de', 'A', '1.234,56', '22.11.2026', 'Stammkunde seit 2019']);
    expect(r.rows[1]?.[1]).toBe('Bäckerei Weiß & Söhne');
    expect(r.rows[1]?.[11]).toBe('Lieferung nur vormittags;\nHintereingang benutzen');
    expect(r.rows[2]?.[11]).toBe('Sagt immer "vielleicht" – 5 € Rabatt');
    expect(r.rows[2]?.[3]).toBe('1069');
    expect(r.errors).toEqual([]);
  });

  it('Excel Unicode text: UTF-16LE with BOM, tab separated, tab inside a quoted cell', () => {
    const r = parseCsvBytes(readFixture('excel-unicode-utf16le.txt'));
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(r.headers).toEqual(['Firma', 'Vorname', 'Nachname', 'Ort', 'Telefon']);
    expect(r.rows).toEqual([
      ['Иванов и партнёры', 'Иван', 'Иванов', 'Москва', '+7 495 1234567'],
      ['Łódź Serwis', 'Łukasz', 'Żółć', 'Łódź', '+48 42 1234567'],
      ['Tab\tim Namen', 'Anna', 'Öz', 'Köln', '0221 1'],
    ]);
  });

  it('Outlook (German) export: Windows-1252, `,`, all quoted, CRLF inside notes', () => {
    const r = parseCsvBytes(readFixture('outlook-de.csv'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(',');
    expect(r.headers.slice(0, 4)).toEqual(['Anrede', 'Vorname', 'Weitere Vornamen', 'Nachname']);
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]?.[r.headers.indexOf('Notizen')]).toBe('Mag Kaffee schwarz.\r\nKinder: 2');
    expect(r.rows[1]?.[r.headers.indexOf('Geburtstag')]).toBe('0.0.00');
  });

  it('Google Contacts export: UTF-8, `,`, multi-value cells', () => {
    const r = parseCsvBytes(readFixture('google-contacts.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.delimiter).toBe(',');
    expect(r.headers).toHaveLength(34);
    expect(r.rows[0]?.[r.headers.indexOf('Phone 1 - Value')]).toBe('+49 351 4455 ::: +49 351 4456');
    expect(r.rows[0]?.[r.headers.indexOf('Address 1 - Formatted')]).toBe('Am Mühlbach 7\n01069 Dresden\nDeutschland');
  });
});

describe('parseCsvText', () => {
  it('prefers `;` over decimal commas', () => {
    const r = parseCsvText('Firma;Umsatz\r\nA;1,5\r\nB;2,75\r\nC;3\r\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows).toEqual([['A', '1,5'], ['B', '2,75'], ['C', '3']]);
  });

  it('follows Excel `sep=` hint and a chosen delimiter', () => {
    expect(parseCsvText('sep=,\r\na;b,c\r\n1;2,3\r\n').headers).toEqual(['a;b', 'c']);
    expect(parseCsvText('a,b;c\n1,2;3\n', { delimiter: ';' }).rows).toEqual([['1,2', '3']]);
  });

  it('flags short rows, surplus cells and a quote left open, with Excel row numbers, and keeps the rows after them', () => {
    const r = parseCsvText('a;b\n1\n"x\ny";2;3\n4;5\n"open;6\n7;8\n');
    expect(r.rows).toEqual([['1', ''], ['x\ny', '2'], ['4', '5'], ['"open', '6'], ['7', '8']]);
    expect(r.rowNumbers).toEqual([2, 3, 4, 5, 6]);
    expect(r.errors).toEqual([
      { row: 2, code: 'csv.too_few_cells', params: { expected: 2, found: 1 } },
      { row: 3, code: 'csv.too_many_cells', params: { expected: 2, found: 3 } },
      { row: 5, code: 'csv.quote_not_closed' },
    ]);
  });

  it('tolerates a separator after the last header, but not a cell more than the header has, even an empty one', () => {
    const r = parseCsvText('a;b;\n1;2\n3;4;\n5;6;;\n');
    expect(r.errors).toEqual([{ row: 4, code: 'csv.too_many_cells', params: { expected: 3, found: 4 } }]);
    expect(r.rows).toEqual([['1', '2', ''], ['3', '4', ''], ['5', '6', '']]);
  });

  it('strips our formula guard but leaves other apostrophes', () => {
    const r = parseCsvText("a;b;c\n'+49 170 1234567;'=1+1;'Tis\n");
    expect(r.rows[0]).toEqual(['+49 170 1234567', '=1+1', "'Tis"]);
    expect(parseCsvText("a\n'=1\n", { restoreFormulaGuard: false }).rows[0]).toEqual(["'=1"]);
  });
});
