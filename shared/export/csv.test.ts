import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../import/csv';
import { toCsv, toCsvBytes } from './csv';
import { neutraliseFormula, restoreNeutralised } from './formula';

describe('toCsv', () => {
  it('writes BOM, `;` and decimal comma for German, CRLF, quotes where needed', () => {
    const text = toCsv([['Firma', 'Umsatz', 'Notiz'], ['Müller; Söhne', 1234.5, 'Zeile 1\nZeile "2"'], [null, -3, undefined]], { locale: 'de' });
    expect(text).toBe('\uFEFFFirma;Umsatz;Notiz\r\n"Müller; Söhne";1234,5;"Zeile 1\nZeile ""2"""\r\n;-3;\r\n');
  });

  it('writes `,` and decimal dot for English, BOM optional', () => {
    expect(toCsv([['a', 'b'], ['x,y', 1.5]], { locale: 'en', bom: false })).toBe('a,b\r\n"x,y",1.5\r\n');
  });

  it('neutralises formula-like text cells, not numbers', () => {
    const text = toCsv([['=1+1', '+49 170 1234567', '-x', '@SUM(A1)', '\tTab', '\rCR', 'ok', -5]], { locale: 'de', bom: false });
    expect(text).toBe('\'=1+1;\'+49 170 1234567;\'-x;\'@SUM(A1);\'\tTab;"\'\rCR";ok;-5\r\n');
  });
});

describe('formula guard', () => {
  it('restore undoes neutralise for every string', () => {
    fc.assert(fc.property(fc.string(), (s) => restoreNeutralised(neutraliseFormula(s)) === s || s.startsWith("'")));
  });
});

describe('CSV round trip: export → decode → parse gives the same cells', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'ä', 'ß', '€', ';', ',', '"', '\n', '\r\n', ' ', '=', '+', '-', '@', '\t', "'", '1', 'Ω') }),
    fc.constantFrom('+49 170 1234567', '=1+1', '-', "'", "'=x", '0049 89 1'),
  );
  for (const locale of ['de', 'en'] as const) {
    it(`locale ${locale}`, () => {
      fc.assert(
        fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (body) => {
          // A leading apostrophe before a trigger is the guard convention itself, so such input cannot round-trip.
          const safe = body.map((r) => r.map((c) => (c.startsWith("'") && restoreNeutralised(c) !== c ? `x${c}` : c)));
          const nonEmpty = safe.filter((r) => r.some((c) => c.trim() !== ''));
          const bytes = toCsvBytes([['h1', 'h2', 'h3'], ...safe], { locale });
          const parsed = parseCsvBytes(bytes);
          expect(parsed.encoding).toBe('utf-8');
          expect(parsed.delimiter).toBe(locale === 'de' ? ';' : ',');
          expect(parsed.headers).toEqual(['h1', 'h2', 'h3']);
          expect(parsed.rows).toEqual(nonEmpty);
          expect(parsed.errors).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
