import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from './csv';
import { indexExisting, planImport, type ExistingAccount, type ImportPolicy } from './duplicates';
import { readFixture } from './fixtures/read-fixture';
import { splitLabelledPhones } from './labelled-columns';
import { buildRecords, suggestMapping } from './mapping';
import { countOutcomes, dataRowNumbers, namesFrom } from './outcomes';
import { buildImportReport } from './report';

/** Windows-1252 as German Excel writes "CSV (Trennzeichen-getrennt)"; the test texts use Latin-1 letters, € and –. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '–': 0x96, '„': 0x84, '“': 0x93 };
  return Uint8Array.from([...text].map((c) => special[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

/** The wizard's steps without the database: read, map by suggestion, check, plan, report. */
function importBytes(bytes: Uint8Array, stored: ExistingAccount[] = [], policy: ImportPolicy = 'skip') {
  const csv = parseCsvBytes(bytes);
  const sheet = splitLabelledPhones(csv);
  const built = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers, readErrors: csv.errors });
  const existing = indexExisting(stored, []);
  const plan = planImport(built.records, existing, policy);
  const report = buildImportReport('x.csv', dataRowNumbers(csv.rowNumbers, csv.errors, true), plan, [...csv.errors, ...built.errors], namesFrom(existing));
  const short = report.outcomes.map((o) => [o.row, o.kind, ...(o.kind === 'error' ? o.issues.map((i) => i.code) : [])]);
  return { csv, report, counts: countOutcomes(report.outcomes), short };
}

describe('every row accounted for, in files as real programs and people write them', () => {
  it('Excel, Windows-1252, `;`: an unquoted HYPERLINK formula is two cells and swallows nothing; a row cut short is named', () => {
    const lines = [
      'Kundennummer;Firma;Straße;PLZ;Ort;Land;Telefon;E-Mail;Kategorie;Umsatz;Webseite;Bemerkung',
      'K-1;Müller Haustechnik GmbH;Königstraße 12;70173;Stuttgart;Deutschland;0711 1;info@mueller.de;A;1.234,56;=HYPERLINK("http://x";"klick");Stammkunde',
      'K-2;Bäckerei Weiß & Söhne;Große Straße 3;01067;Dresden;Deutschland;0351 2;kontakt@weiss.de;B;99,5;;"Lieferung;\nnur vormittags"',
      'K-3;Schäfer Elektro;Am Mühlbach 7',
      'K-4;Hofmann KG;Ring 1;80331;München;Deutschland;089 1;;C;7,25;;"Sagt ""vielleicht"" – 5 € Rabatt"',
      'K-2;Bäckerei Weiß & Söhne;Große Straße 3;01067;Dresden;Deutschland;0351 2;kontakt@weiss.de;B;99,5;;',
    ];
    const { csv, report, counts, short } = importBytes(cp1252(lines.join('\r\n') + '\r\n'));
    expect(csv.encoding).toBe('windows-1252');
    expect(csv.delimiter).toBe(';');
    expect(csv.rows[0]?.slice(10)).toEqual(['=HYPERLINK("http://x"', '"klick")']);
    expect(short).toEqual([
      [2, 'error', 'csv.too_many_cells'],
      [3, 'new'],
      [4, 'error', 'csv.too_few_cells'],
      [5, 'new'],
      [6, 'skipped'],
    ]);
    expect(report.errors.find((e) => e.row === 4)?.params).toEqual({ expected: 12, found: 3 });
    expect(report.outcomes[4]).toMatchObject({ kind: 'skipped', reason: 'duplicate_in_file', ofRow: 3 });
    expect(counts).toEqual({ new: 2, updated: 0, added: 0, skipped: 1, error: 2 });
    expect(report.rowsRead).toBe(5);
  });

  it('LibreOffice, UTF-8, `,`, quotes only where needed, line break in a cell: every row new', () => {
    const text = 'Firma,PLZ,Ort,Notizen\nZimmerei Özdemir,80331,München,"Holz, Dach\nund Fenster"\nBauer KG,10115,Berlin,\n"Klein & Co, Inh. Weiß",50667,Köln,3" Rohre\n';
    const { csv, counts, short } = importBytes(new TextEncoder().encode(text));
    expect(csv.delimiter).toBe(',');
    expect(csv.rows[2]).toEqual(['Klein & Co, Inh. Weiß', '50667', 'Köln', '3" Rohre']);
    expect(short).toEqual([[2, 'new'], [3, 'new'], [4, 'new']]);
    expect(counts.new).toBe(3);
  });

  it('Google Contacts and Outlook exports: one outcome per contact row', () => {
    const google = importBytes(readFixture('google-contacts.csv'));
    expect(google.report.rowsRead).toBe(google.csv.rowNumbers.length);
    expect(google.counts.error).toBe(0);
    expect(google.report.outcomes.every((o) => o.kind === 'new' || o.kind === 'added')).toBe(true);
    const outlook = importBytes(readFixture('outlook-de.csv'));
    expect(outlook.short.map(([row, kind]) => [row, kind])).toEqual([[2, 'new'], [3, 'new']]);
  });

  it('a hand-edited file: stray quote, short row, a quote never closed; rows join accounts, repeat rows, match a stored account', () => {
    const lines = [
      'Firma;PLZ;Ort;Vorname;Nachname;E-Mail',
      'Bauer KG;80331;München;Anna;Bauer;anna@bauer.de',
      'Bauer KG;80331;München;Jörg;Bauer;joerg@bauer.de',
      'Schmidt 3" Rohr GmbH;50667;Köln;;;',
      'Meier AG;10115',
      '"Zimmerei Holz;10115;Berlin;;;',
      'Weber OHG;20095;Hamburg;Eva;Weber;eva@weber.de',
      'Bauer KG;80331;München;Anna;Bauer;anna@bauer.de',
    ];
    const stored: ExistingAccount[] = [{ id: 'weber', name: 'Weber OHG', postalCode: '20095', country: 'DE' }];
    const { report, counts, short } = importBytes(new TextEncoder().encode(`\uFEFF${lines.join('\n')}\n`), stored);
    expect(short).toEqual([
      [2, 'new'],
      [3, 'added'],
      [4, 'new'],
      [5, 'error', 'csv.too_few_cells'],
      [6, 'error', 'csv.quote_not_closed'],
      [7, 'added'],
      [8, 'skipped'],
    ]);
    expect(report.outcomes[1]).toMatchObject({ kind: 'added', how: 'file', ofRow: 2, account: { name: 'Bauer KG' } });
    expect(report.outcomes[5]).toMatchObject({ kind: 'added', how: 'name', account: { id: 'weber', name: 'Weber OHG' } });
    expect(report.outcomes[6]).toMatchObject({ kind: 'skipped', table: 'contacts', reason: 'duplicate_in_file', ofRow: 2 });
    expect(counts).toEqual({ new: 2, updated: 0, added: 2, skipped: 1, error: 2 });
    expect(Object.values(counts).reduce((a, b) => a + b)).toBe(7);
  });

  it('update policy: a row that changes a stored account says which one', () => {
    const stored: ExistingAccount[] = [{ id: 'bauer', name: 'Bauer KG', postalCode: '80331', city: 'München', country: 'DE', customerNumber: 'K-9' }];
    const text = 'Kundennummer;Firma;PLZ;Ort\nK-9;Bauer KG;80331;Muenchen Nord\nK-9;Bauer KG;80331;München\n';
    const { report } = importBytes(new TextEncoder().encode(text), stored, 'update');
    expect(report.outcomes).toEqual([
      { row: 2, kind: 'updated', record: { table: 'accounts', id: 'bauer', name: 'Bauer KG' } },
      { row: 3, kind: 'skipped', table: 'accounts', reason: 'duplicate_in_file', ofRow: 2, record: { table: 'accounts', id: 'bauer', name: 'Bauer KG' } },
    ]);
  });
});
