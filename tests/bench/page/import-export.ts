// Import/export scenarios: a 100k-row CSV through the app's whole import path against papaparse plus a
// raw IndexedDB put of the same rows, and the customer export to CSV/XLSX with time and JS heap.
import Papa from 'papaparse';
import { toCsvBytes } from '../../../shared/export/csv';
import { exportXlsx } from '../../../shared/export/xlsx';
import { planImport } from '../../../shared/import/duplicates';
import { DEFAULT_DB_NAME, getDb } from '../../../renderer/db/db';
import { collectCustomerRows } from '../../../renderer/db/export';
import { applyImport, loadExistingIndex } from '../../../renderer/db/import';
import { customerSheet, customerTable } from '../../../renderer/features/import-export/export-columns';
import { buildInChunks, readSource } from '../../../renderer/features/import-export/pipeline';
import { deleteDb, openRawDb } from './raw-idb';

const HEADER = 'Kundennummer;Firma;Straße;PLZ;Ort;Land;Telefon;E-Mail;Kategorie;Umsatz;Anrede;Vorname;Nachname;Mobil;E-Mail-Adresse;Geburtstag';
const CITIES = ['München', 'Köln', 'Düsseldorf', 'Nürnberg', 'Görlitz', 'Lübeck'];
let csv: Uint8Array = new Uint8Array();

/** Builds the test file in memory (not timed): UTF-8 with BOM, `;`, German numbers and dates, one broken row in 1000. */
export async function ieMakeCsv(n: number): Promise<number> {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const city = CITIES[i % CITIES.length];
    const mail = i % 1000 === 999 ? 'kaputt(at)example.de' : `info${i}@firma${i}.de`;
    lines.push(`K-${i};Müller & Söhne ${i} GmbH;Königstraße ${i % 200};${String(10000 + (i % 89999))};${city};Deutschland;+49 89 ${1000000 + i};${mail};${'ABCD'[i % 4]};${(i * 13) % 100000},50;${i % 2 ? 'Herr' : 'Frau'};Jürgen;Weiß${i};+49 170 ${1000000 + i};j${i}@firma${i}.de;${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.1980`);
  }
  csv = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
  return csv.byteLength;
}

const gc = () => (window as unknown as { gc?: () => void }).gc?.();

/** The app's path into a fresh app database: decode, parse, map, validate in chunks, plan, one Dexie transaction. */
export async function ieImportApp(): Promise<{ total: number; parse: number; build: number; plan: number; write: number; created: number }> {
  try {
    return await importApp();
  } catch (e) {
    // page.evaluate only passes the (minified) name along; say what failed.
    const err = e as { name?: string; message?: string; inner?: { message?: string } };
    throw new Error(`${err.name ?? ''}: ${err.message ?? String(e)} ${err.inner?.message ?? ''}`, { cause: e });
  }
}

async function importApp() {
  getDb().close();
  await deleteDb(DEFAULT_DB_NAME);
  await getDb().open();
  gc();
  const t0 = performance.now();
  const source = await readSource({ name: 'bench.csv', data: csv });
  const t1 = performance.now();
  const built = await buildInChunks(source, source.mapping, { locale: 'de' });
  const t2 = performance.now();
  const plan = planImport(built.records, await loadExistingIndex(), 'skip');
  const t3 = performance.now();
  await applyImport(plan, { fileName: 'bench.csv', ownerId: 'bench' });
  const t4 = performance.now();
  getDb().close();
  return { total: t4 - t0, parse: t1 - t0, build: t2 - t1, plan: t3 - t2, write: t4 - t3, created: plan.toCreate.length };
}

/** Baseline: decode + papaparse + plain objects + raw IndexedDB put of the same accounts and contacts, one transaction. */
export async function ieImportRaw(): Promise<number> {
  const name = 'bench-raw-import';
  await deleteDb(name);
  const db = await openRawDb(name);
  gc();
  const t0 = performance.now();
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(csv), { delimiter: ';', skipEmptyLines: true }).data;
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['accounts', 'contacts'], 'readwrite', { durability: 'strict' });
    const accounts = tx.objectStore('accounts');
    const contacts = tx.objectStore('contacts');
    for (let i = 1; i < parsed.length; i++) {
      const r = parsed[i] as string[];
      const id = crypto.randomUUID();
      accounts.put({ id, customerNumber: r[0], name: r[1], street: r[2], postalCode: r[3], city: r[4], country: 'DE', phone: r[6], email: r[7], category: r[8], updatedAt: 0 });
      contacts.put({ id: crypto.randomUUID(), accountId: id, salutation: r[10], firstName: r[11], lastName: r[12], mobile: r[13], email: r[14], updatedAt: 0 });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  db.close();
  await deleteDb(name);
  return ms;
}

const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const MB = 1024 * 1024;

/**
 * Exports the customers in the app database (loaded before) to CSV or XLSX. Peak memory is the
 * largest JS heap growth seen at the stages (rows read, table built, file written); it needs
 * Chromium's --enable-precise-memory-info to be exact.
 */
export async function ieExport(kind: 'csv' | 'xlsx'): Promise<{ ms: number; peakMB: number; baseMB: number; lines: number; fileMB: number }> {
  await getDb().open();
  gc();
  const before = heap();
  let peak = before;
  const sample = () => (peak = Math.max(peak, heap()));
  const t = (key: string) => key;
  const t0 = performance.now();
  const rows = await collectCustomerRows();
  sample();
  let size: number;
  if (kind === 'csv') {
    const table = customerTable(rows, t, 'de');
    sample();
    size = toCsvBytes(table, { locale: 'de' }).byteLength;
  } else {
    const sheet = customerSheet(rows, t, 'de');
    sample();
    size = (await exportXlsx([{ name: 'Kunden', ...sheet }], { locale: 'de' })).byteLength;
  }
  sample();
  const ms = performance.now() - t0;
  getDb().close();
  return { ms, peakMB: (peak - before) / MB, baseMB: before / MB, lines: rows.length, fileMB: size / MB };
}
