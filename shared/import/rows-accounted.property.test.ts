import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from './csv';
import { indexExisting, planImport } from './duplicates';
import { buildRecords } from './mapping';
import { countOutcomes, dataRowNumbers } from './outcomes';
import { buildImportReport } from './report';

/**
 * Files are built row by row, and each generated row says how Excel and LibreOffice show it: one row
 * (whatever line breaks its quoted cells hold), blank or not, broken or not. The expectations come from
 * the generator, never from the parser.
 */
type Cell = { text: string; written: string; quoteFree: boolean };
type Row =
  | { kind: 'ok'; cells: Cell[] }
  | { kind: 'blank' }
  | { kind: 'short'; cells: Cell[] }
  | { kind: 'long'; cells: Cell[] }
  | { kind: 'hyperlink'; cells: Cell[] };

const plainChars = fc.constantFrom('a', 'B', 'ä', 'ß', 'Ö', '€', '1', ' ', '-', '.');
const word = fc.array(plainChars, { minLength: 1, maxLength: 6 }).map((cs) => `x${cs.join('')}`);

/** A cell as written to the file for `delimiter`: plain, quoted with separators, line breaks and "" inside, or with a stray quote in its middle. */
function cell(delimiter: string, eol: string) {
  return fc.oneof(
    word.map((w): Cell => ({ text: w, written: w, quoteFree: true })),
    fc.tuple(word, fc.constantFrom(delimiter, '\n', eol, '""', ' '), word).map(([a, mid, b]): Cell => ({
      text: `${a}${mid === '""' ? '"' : mid}${b}`,
      written: `"${a}${mid}${b}"`,
      quoteFree: false,
    })),
    // A quote inside an unquoted cell is an ordinary character (Zoll-Angabe 3"), as in Excel.
    fc.tuple(word, word).map(([a, b]): Cell => ({ text: `${a}"${b}`, written: `${a}"${b}`, quoteFree: false })),
  );
}

const WIDTH = 4;

function rowOf(delimiter: string, eol: string): fc.Arbitrary<Row> {
  const cells = (n: number) => fc.array(cell(delimiter, eol), { minLength: n, maxLength: n });
  return fc.oneof(
    { weight: 5, arbitrary: cells(WIDTH).map((c): Row => ({ kind: 'ok', cells: c })) },
    { weight: 1, arbitrary: fc.constant<Row>({ kind: 'blank' }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: WIDTH - 1 }).chain((n) => cells(n)).map((c): Row => ({ kind: 'short', cells: c })) },
    { weight: 1, arbitrary: fc.integer({ min: WIDTH + 1, max: WIDTH + 3 }).chain((n) => cells(n)).map((c): Row => ({ kind: 'long', cells: c })) },
    {
      weight: 1,
      // Hand-typed into Excel's CSV: an unquoted formula whose argument separator is the file's separator.
      arbitrary: cells(WIDTH - 1).map((c): Row => {
        const formula = `=HYPERLINK("http://x.de"${delimiter}"klick")`;
        return { kind: 'hyperlink', cells: [...c.slice(0, 1), { text: formula, written: formula, quoteFree: false }, ...c.slice(1)] };
      }),
    },
  );
}

const fileArb = fc
  .record({ delimiter: fc.constantFrom(';', ','), eol: fc.constantFrom('\r\n', '\n'), bom: fc.boolean(), unclosedAt: fc.option(fc.nat(), { nil: undefined }) })
  .chain((f) => fc.record({ file: fc.constant(f), rows: fc.array(rowOf(f.delimiter, f.eol), { minLength: 1, maxLength: 25 }) }));

describe('every row accounted for (property)', () => {
  it('outcomes add up to the data rows as Excel splits them; broken rows are errors at their own row, the rows after them are read', () => {
    fc.assert(
      fc.property(fileArb, ({ file, rows }) => {
        const { delimiter, eol } = file;
        const lines = rows.map((r) => (r.kind === 'blank' ? '' : r.cells.map((c) => c.written).join(delimiter)));
        // A quote left open: only where no quote follows it in the file, so it really stays open to the end.
        let unclosed: number | undefined;
        if (file.unclosedAt !== undefined) {
          const i = file.unclosedAt % rows.length;
          const later = rows.slice(i + 1).every((r) => r.kind === 'blank' || r.cells.every((c) => c.quoteFree));
          if (later) {
            lines[i] = `"offen${delimiter}Firma`;
            unclosed = i;
          }
        }
        const text = ['Firma', 'Ort', 'Notiz', 'Telefon'].join(delimiter) + eol + lines.join(eol) + eol;
        const bytes = new TextEncoder().encode((file.bom ? '\uFEFF' : '') + text);

        const csv = parseCsvBytes(bytes, { delimiter });
        const built = buildRecords(csv.rows, ['account.name', 'account.city', 'account.notes', null], { rowNumbers: csv.rowNumbers, readErrors: csv.errors });
        const plan = planImport(built.records, indexExisting([], []), 'skip');
        const report = buildImportReport('x.csv', dataRowNumbers(csv.rowNumbers, csv.errors, true), plan, [...csv.errors, ...built.errors]);

        // Row numbers as Excel shows them: header = 1, each generated row (blank or not) one more.
        const expectedRows = rows.flatMap((r, i) => (r.kind === 'blank' && i !== unclosed ? [] : [i + 2]));
        const broken = rows.flatMap((r, i) => (i === unclosed || (r.kind !== 'ok' && r.kind !== 'blank') ? [i + 2] : []));
        expect(report.outcomes.map((o) => o.row)).toEqual(expectedRows);
        expect(report.rowsRead).toBe(expectedRows.length);
        const counts = countOutcomes(report.outcomes);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(expectedRows.length);
        expect(report.outcomes.filter((o) => o.kind === 'error').map((o) => o.row)).toEqual(broken);
        expect(report.errors.some((e) => e.code === 'row.unaccounted')).toBe(false);
        // Every good row keeps its cells, quotes, line breaks and separators included.
        rows.forEach((r, i) => {
          if (r.kind !== 'ok' || i === unclosed) return;
          const at = csv.rowNumbers.indexOf(i + 2);
          expect(csv.rows[at]).toEqual(r.cells.map((c) => c.text));
        });
        expect(counts.new + counts.skipped).toBe(expectedRows.length - broken.length);
      }),
      { numRuns: 300 },
    );
  });
});
