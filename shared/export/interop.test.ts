// Our exports opened by independent tools: LibreOffice (XLSX and CSV, converted back to CSV) and
// Debian's python3-vobject (.vcf). Each test is skipped only when its tool is not installed
// (apt-get install libreoffice-calc-nogui python3-vobject).
/* eslint-disable no-restricted-imports -- test only: writes temp files and runs external programs */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
/* eslint-enable no-restricted-imports */
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../import/csv';
import { toCsvBytes } from './csv';
import { toVcards, type VcardExportItem } from './vcard';
import { exportXlsx } from './xlsx';

const works = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 }).status === 0;
const hasSoffice = works('soffice', ['--version']);
// Debian's python3-vobject lives in the system python, which may not be the first python3 on PATH.
const python = ['/usr/bin/python3', 'python3'].find((p) => works(p, ['-c', 'import vobject']));

const dir = mkdtempSync(join(tmpdir(), 'rapport-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts files to `;`-separated UTF-8 CSV with LibreOffice (own profile, so parallel runs do not clash). */
function sofficeToCsv(file: string, infilter?: string): Uint8Array {
  const out = join(dir, 'out');
  const args = ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1', '--outdir', out, file];
  const run = spawnSync('soffice', args, { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const name = file.split('/').pop()!.replace(/\.[^.]+$/, '.csv');
  return new Uint8Array(readFileSync(join(out, name)));
}

const tricky = ['+49 170 1234567', '=1+1', '-5 Rabatt', '@SUM(A1)', 'Müller; Söhne "GmbH"', 'Zeile 1\nZeile 2', '01067'];

describe('LibreOffice opens our exports', () => {
  it.skipIf(!hasSoffice)('XLSX: text stays text (no formula runs), numbers and dates survive', async () => {
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, await exportXlsx([{
      name: 'Kunden',
      columns: [{ header: 'Text', key: 't', type: 'text' }, { header: 'Zahl', key: 'n', type: 'number' }, { header: 'Datum', key: 'd', type: 'date' }],
      rows: tricky.map((t, i) => ({ t, n: i + 0.5, d: `2026-11-${String(20 + i).padStart(2, '0')}` })),
    }], { locale: 'en' }));
    const back = parseCsvBytes(sofficeToCsv(file), { delimiter: ';', restoreFormulaGuard: false });
    expect(back.headers).toEqual(['Text', 'Zahl', 'Datum']);
    expect(back.rows).toEqual(tricky.map((t, i) => [t, `${i}.5`, `2026-11-${20 + i}`]));
  }, 60_000);

  it.skipIf(!hasSoffice)('CSV: opens with `;`, nothing is evaluated, our importer gets the original text back', () => {
    const file = join(dir, 'export-de.csv');
    writeFileSync(file, toCsvBytes([['Text', 'Nr'], ...tricky.map((t, i) => [t, String(i)])], { locale: 'de' }));
    const bytes = sofficeToCsv(file, 'CSV:59,34,76,1');
    const raw = parseCsvBytes(bytes, { delimiter: ';', restoreFormulaGuard: false });
    expect(raw.rows.map((r) => r[0])).not.toContain('2');
    // Like Excel, LibreOffice reads 01067 from a CSV as the number 1067 (no CSV syntax prevents that
    // without a visible apostrophe); XLSX keeps it as text, and buildRecords re-pads German postal codes.
    const expected = tricky.map((t, i) => [t === '01067' ? '1067' : t, String(i)]);
    expect(parseCsvBytes(bytes, { delimiter: ';' }).rows).toEqual(expected);
  }, 60_000);
});

const items: VcardExportItem[] = [
  {
    contact: { id: '5c1a0e9e-0000-4000-8000-000000000001', salutation: 'mr', title: 'Dr.', firstName: 'Hans', lastName: 'Müller', position: 'Einkauf, Süd; Nord', phone: '+49 170 1234567', mobile: '', email: 'hans@mueller.de', birthday: { day: 22, month: 11, year: 1985 }, notes: `Zeile 1\nZeile 2 ${'lang '.repeat(20)}` },
    account: { name: 'Müller Haustechnik GmbH', kind: 'company', street: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE' },
  },
  { contact: { id: '5c1a0e9e-0000-4000-8000-000000000002', firstName: 'Greta', lastName: 'Weiß', mobile: '0171 2223334', birthday: { day: 15, month: 3 } } },
];

const VOBJECT = `
import sys, json, vobject
out = []
for card in vobject.readComponents(sys.stdin.read()):
    c = card.contents
    out.append({
        'fn': card.fn.value, 'family': card.n.value.family, 'given': card.n.value.given,
        'org': c['org'][0].value if 'org' in c else None, 'title': c['title'][0].value if 'title' in c else None,
        'tel': [t.value for t in c.get('tel', [])], 'bday': c['bday'][0].value if 'bday' in c else None,
        'note': c['note'][0].value if 'note' in c else None,
        'street': c['adr'][0].value.street if 'adr' in c else None,
    })
print(json.dumps(out, ensure_ascii=False))
`;

describe('python3-vobject parses our .vcf', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it.skipIf(!python)(`vCard ${version}`, () => {
      const run = spawnSync(python!, ['-c', VOBJECT], { input: toVcards(items, version), encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const cards = JSON.parse(run.stdout) as Record<string, unknown>[];
      expect(cards[0]).toEqual({
        fn: 'Dr. Hans Müller', family: 'Müller', given: 'Hans', org: ['Müller Haustechnik GmbH'], title: 'Einkauf, Süd; Nord', tel: ['+49 170 1234567'],
        bday: version === '4.0' ? '19851122' : '1985-11-22', note: items[0]!.contact.notes, street: 'Königstraße 12',
      });
      expect(cards[1]).toMatchObject({ fn: 'Greta Weiß', family: 'Weiß', tel: ['0171 2223334'], bday: version === '4.0' ? '--0315' : '--03-15' });
    });
  }
});
