// @vitest-environment jsdom
// The streamed customer export as another program reads it: LibreOffice converts the CSV and the XLSX
// the app writes to plain CSV. Skipped only where there is no soffice. It spawns soffice, so it lives
// apart from customer-export.test.ts, which spawns nothing.
// eslint-disable-next-line no-restricted-imports -- test only: runs LibreOffice on our output
import { execFileSync, spawnSync } from 'node:child_process';
// eslint-disable-next-line no-restricted-imports -- test only: the files LibreOffice reads
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- test only
import { tmpdir } from 'node:os';
// eslint-disable-next-line no-restricted-imports -- test only
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerLabelKeys } from '../../../shared/export/customer-columns';
import { asIsoDate } from '../../../shared/time';
import { getDb, openDb, useDatabase } from '../core/db';
import { writeCustomerExport, type CustomerExportJob } from './customer-export';
import { newAccountRow, newContactRow } from './import';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const NOW = 1_700_000_000_000;
const PHONE = '+49 170 1234567';
const LABELS = Object.fromEntries(customerLabelKeys().map((k) => [k, k]));
const BRANCHES = 2500;

/** LibreOffice's reading of `path` as UTF-8 CSV (`,`), in a profile of its own. */
function viaLibreOffice(path: string, dir: string, infilter?: string): string[][] {
  const args = [`-env:UserInstallation=file://${dir}/profile`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', join(dir, 'out'), path];
  execFileSync('soffice', args, { stdio: 'pipe', timeout: 180_000 });
  const name = path.split('/').at(-1)!.replace(/\.[^.]+$/, '.csv');
  return Papa.parse<string[]>(readFileSync(join(dir, 'out', name), 'utf8'), { skipEmptyLines: true }).data;
}

// Skipped only where LibreOffice (soffice) is not installed; `.ci/run` installs it, so CI always runs this.
describe.skipIf(!hasSoffice)('customer export read by LibreOffice', { timeout: 300_000 }, () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-lo-export-'));
    useDatabase(openDb(`customer-export-lo-${crypto.randomUUID()}`));
    const db = getDb();
    await db.teamMembers.add({ id: 'm1', name: 'Anna Schröder', initials: 'AS', color: '#000000', role: 'rep', email: '', active: true, updatedAt: NOW });
    await db.accounts.bulkAdd([
      newAccountRow({ id: 'a1', name: 'Zimmerei Özdemir', phone: PHONE, postalCode: '01067', annualRevenue: 1500.5 }, 'm1', NOW, asIsoDate('2026-01-01')),
      newAccountRow({ id: 'a2', name: 'Bäckerei "Weiß" & Söhne; Filiale', notes: '=1+1\nzweite Zeile', email: 'jörg@bäckerei-weiß.de' }, 'm1', NOW, asIsoDate('2026-01-01')),
      // Enough rows for several read chunks and many zip pieces.
      ...Array.from({ length: BRANCHES }, (_, i) => newAccountRow({ id: `x${i}`, name: `Filiale ${String(i).padStart(4, '0')}` }, 'm1', NOW, asIsoDate('2026-01-01'))),
    ]);
    await db.contacts.add(newContactRow({ id: 'c1', accountId: 'a1', firstName: 'Jürgen', lastName: 'Weiß', mobile: PHONE }, NOW));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const kind of ['xlsx', 'csv'] as const) {
    it(`opens the streamed ${kind.toUpperCase()} with every row, text kept as text`, async () => {
      const job: CustomerExportJob = { kind, locale: 'de', labels: LABELS, sheetName: 'Kunden', dbName: getDb().name };
      const path = join(dir, `kunden.${kind}`);
      const pieces: Uint8Array[] = [];
      // Small pieces, so the file really is put together from many.
      const { lines, size } = await writeCustomerExport(getDb(), job, (chunk) => void pieces.push(chunk), undefined, 64 * 1024);
      expect(pieces.length).toBeGreaterThan(1);
      writeFileSync(path, Buffer.concat(pieces));
      const rows = viaLibreOffice(path, dir, kind === 'csv' ? 'CSV:59,34,76,1' : undefined);
      expect(size).toBe(Buffer.concat(pieces).length);
      expect(lines).toBe(BRANCHES + 2);
      expect(rows).toHaveLength(BRANCHES + 3);
      const header = rows[0]!;
      const col = (key: string) => header.indexOf(`export.col.${key}`);
      expect(col('name')).toBeGreaterThanOrEqual(0);
      const zimmerei = rows.find((r) => r[col('name')] === 'Zimmerei Özdemir')!;
      const baeckerei = rows.find((r) => r[col('name')] === 'Bäckerei "Weiß" & Söhne; Filiale')!;
      // CSV cells starting with + = - @ carry the formula guard; XLSX cells are typed text and need none.
      const guard = kind === 'csv' ? "'" : '';
      expect(zimmerei[col('phone')]).toBe(`${guard}${PHONE}`);
      expect(zimmerei[col('mobile')]).toBe(`${guard}${PHONE}`);
      // A CSV has no cell types: LibreOffice reads a postal code as a number there (the file holds 01067);
      // the workbook's typed text cell keeps the zero.
      if (kind === 'xlsx') expect(zimmerei[col('postalCode')]).toBe('01067');
      else expect(readFileSync(path, 'utf8')).toContain(';01067;');
      expect(zimmerei[col('firstName')]).toBe('Jürgen');
      expect(zimmerei[col('owner')]).toBe('Anna Schröder');
      expect(Number(zimmerei[col('annualRevenue')]?.replace(',', '.'))).toBe(1500.5);
      expect(baeckerei[col('notes')]).toBe(`${guard}=1+1\nzweite Zeile`);
      expect(baeckerei[col('email')]).toBe('jörg@bäckerei-weiß.de');
      expect(rows.at(-1)![col('name')]).toBe('Zimmerei Özdemir');
      expect(rows.filter((r) => r[col('name')]?.startsWith('Filiale '))).toHaveLength(BRANCHES);
    });
  }
});
