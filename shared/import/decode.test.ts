import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText } from './decode';
import { readFixture } from './fixtures/read-fixture';

const utf16 = (s: string, le: boolean, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.set(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff], (bom ? 2 : 0) + 2 * i);
  }
  return out;
};

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode('Straße;Köln');
    expect(decodeText(plain)).toEqual({ text: 'Straße;Köln', encoding: 'utf-8', hadBom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(withBom)).toEqual({ text: 'Straße;Köln', encoding: 'utf-8', hadBom: true });
  });

  it('reads UTF-16LE and BE with BOM, and without BOM by the NUL pattern', () => {
    const s = 'Firma\tOrt\r\nMüller\tKöln\r\n';
    expect(decodeText(utf16(s, true, true))).toMatchObject({ text: s, encoding: 'utf-16le', hadBom: true });
    expect(decodeText(utf16(s, false, true))).toMatchObject({ text: s, encoding: 'utf-16be', hadBom: true });
    expect(decodeText(utf16(s, true, false))).toMatchObject({ text: s, encoding: 'utf-16le', hadBom: false });
    expect(decodeText(utf16(s, false, false))).toMatchObject({ text: s, encoding: 'utf-16be', hadBom: false });
  });

  it('falls back to Windows-1252 for invalid UTF-8, including € and typographic quotes (0x80–0x9F)', () => {
    const bytes = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80, 0x20, 0x84, 0x6a, 0x61, 0x93, 0x20, 0x96, 0x20, 0xdf]);
    expect(decodeText(bytes)).toEqual({ text: 'Müller € „ja“ – ß', encoding: 'windows-1252', hadBom: false });
  });

  it('honours a forced encoding', () => {
    const bytes = new TextEncoder().encode('ä');
    expect(decodeText(bytes, 'windows-1252').text).toBe('Ã¤');
  });

  it('decodes the Excel fixtures to the expected encodings', () => {
    expect(decodeText(readFixture('excel-de-cp1252.csv')).encoding).toBe('windows-1252');
    expect(decodeText(readFixture('excel-unicode-utf16le.txt')).encoding).toBe('utf-16le');
    expect(decodeText(readFixture('google-contacts.csv')).encoding).toBe('utf-8');
  });

  it('decodeBytes falls back to UTF-8 for unknown charset labels', () => {
    expect(decodeBytes(new TextEncoder().encode('ä'), 'x-unknown')).toBe('ä');
    expect(decodeBytes(new Uint8Array([0x80]), 'ISO-8859-1')).toBe('€');
  });
});
