// Import/export scenarios: a 100k-row CSV through the app's whole import path against papaparse plus a
// raw IndexedDB put of the same rows, and the customer export to CSV/XLSX with time and JS heap.
import Papa from 'papaparse';
import { planImport } from '../../../shared/import/duplicates';
import { DEFAULT_DB_NAME, getDb } from '../../../renderer/db/core/db';
import { writeCustomerExport, type CustomerExportJob } from '../../../renderer/db/transfer/customer-export';
import { runCustomerExport } from '../../../renderer/db/transfer/export-job';
import { customerLabelKeys } from '../../../shared/export/customer-columns';
import { applyImport, loadExistingIndex } from '../../../renderer/db/transfer/import';
import { buildInChunks, dataRows, readSource } from '../../../renderer/features/import-export/pipeline';
import { countOutcomes, type OutcomeKind } from '../../../shared/import/outcomes';
import { buildImportReport } from '../../../shared/import/report';
import { V1_STORES } from '../../../renderer/db/core/migrations/v1';
import { V3_STORES } from '../../../renderer/db/core/migrations/v3';
import { V12_STORES } from '../../../renderer/db/core/migrations/v12';
import { accountMatchKeys } from '../../../shared/import/identity';
import { collationKey } from '../../../shared/text/collation';
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
    // One row per person as a German customer file has it: company names repeat (500 of them, in
    // other towns), each row with its own customer number, so each row is its own account.
    lines.push(`K-${i};Müller & Söhne ${i % 500} GmbH;Königstraße ${i % 200};${String(10000 + (i % 89999))};${city};Deutschland;+49 89 ${1000000 + i};${mail};${'ABCD'[i % 4]};${(i * 13) % 100000},50;${i % 2 ? 'Herr' : 'Frau'};Jürgen;Weiß${i};+49 170 ${1000000 + i};j${i}@firma${i}.de;${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.1980`);
  }
  csv = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
  return csv.byteLength;
}

const gc = () => (window as unknown as { gc?: () => void }).gc?.();

/** The app's path into a fresh app database: decode, parse, map, validate in chunks, plan, one Dexie transaction. */
export async function ieImportApp(): Promise<{ total: number; parse: number; build: number; plan: number; write: number; created: number; outcomes: Record<OutcomeKind, number> }> {
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
  const plan = planImport(built.records, await loadExistingIndex(built.records), 'skip');
  const t3 = performance.now();
  await applyImport(plan, { fileName: 'bench.csv', ownerId: 'bench' });
  const t4 = performance.now();
  getDb().close();
  // What the report screen counts: one outcome per data row (not timed; the report is built after the write).
  const outcomes = countOutcomes(buildImportReport('bench.csv', dataRows(source), plan, [...source.readErrors, ...built.errors]).outcomes);
  return { total: t4 - t0, parse: t1 - t0, build: t2 - t1, plan: t3 - t2, write: t4 - t3, created: plan.toCreate.length, outcomes };
}

/** The app's final schema for the stores an import writes: same indexes (sortKey, [ownerId+sortKey], syncDirty, *visitKeys, *matchKeys) as the app. */
const IMPORT_STORES = { accounts: V12_STORES.accounts, contacts: V3_STORES.contacts, importBatches: V1_STORES.importBatches };

/**
 * Baseline: decode + papaparse + the same rows the app stores (every field of an account and a contact,
 * the collation key, the match keys and the sync mark included, since they are part of the stored row) put with raw
 * IndexedDB into stores with the app's indexes, in one strict-durability transaction.
 */
export async function ieImportRaw(): Promise<number> {
  const name = 'bench-raw-import';
  await deleteDb(name);
  const db = await openRawDb(name, IMPORT_STORES);
  gc();
  const t0 = performance.now();
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(csv), { delimiter: ';', skipEmptyLines: true }).data;
  const now = Date.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['accounts', 'contacts'], 'readwrite', { durability: 'strict' });
    const accounts = tx.objectStore('accounts');
    const contacts = tx.objectStore('contacts');
    for (let i = 1; i < parsed.length; i++) {
      const r = parsed[i] as string[];
      const id = crypto.randomUUID();
      const [day, month, year] = (r[15] ?? '').split('.').map(Number);
      const matchKeys = accountMatchKeys({ name: r[1], customerNumber: r[0], postalCode: r[3] });
      accounts.put({
        name: r[1], customerNumber: r[0], kind: 'company', street: r[2], postalCode: r[3], city: r[4], country: 'DE', phone: r[6], email: r[7], website: '',
        category: r[8], accountType: 'maintain', lifecycle: 'customer', lifecycleDates: { customer: '2026-11-23' }, churnReason: '', ownerId: 'bench',
        productLines: [], tags: [], notes: '', archived: false, createdAt: now, annualRevenue: Number((r[9] ?? '').replace(',', '.')), id, updatedAt: now,
        sortKey: collationKey(r[1] ?? ''), ...(matchKeys.length > 0 ? { matchKeys } : {}), syncDirty: 1,
      });
      contacts.put({
        salutation: r[10] === 'Herr' ? 'mr' : 'ms', title: '', firstName: r[11], lastName: r[12], position: '', phone: '', mobile: r[13], email: r[14],
        preferredChannel: 'none', notes: '', birthday: { day, month, year }, id: crypto.randomUUID(), accountId: id, updatedAt: now, syncDirty: 1,
      });
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
 * Exports every customer in the app database (loaded before) to CSV or XLSX the way the app does:
 * chunked reads, the streaming writers, and the file handed on chunk by chunk (here counted and
 * dropped, as the chunked save hands it to the shell). `ms`/`peakMB` run that code on this page,
 * because the JS heap of a worker cannot be read (performance.memory is the page's); `workerMs` is the
 * same export through the app's Web Worker, which is what the user waits for. Peak memory is the
 * largest heap growth seen after each read chunk, each file chunk and at the end (needs
 * --enable-precise-memory-info).
 */
export async function ieExport(kind: 'csv' | 'xlsx'): Promise<{ ms: number; workerMs: number; peakMB: number; baseMB: number; lines: number; fileMB: number }> {
  const job: CustomerExportJob = { kind, locale: 'de', labels: Object.fromEntries(customerLabelKeys().map((k) => [k, k])), sheetName: 'Kunden' };
  const db = getDb();
  await db.open();
  gc();
  const before = heap();
  let peak = before;
  const sample = () => void (peak = Math.max(peak, heap()));
  const t0 = performance.now();
  const { lines, size } = await writeCustomerExport(db, job, sample, sample);
  sample();
  const ms = performance.now() - t0;
  db.close();
  gc();
  const t1 = performance.now();
  let workerSize = 0;
  await runCustomerExport(job, { onChunk: (chunk) => void (workerSize += chunk.byteLength) });
  const workerMs = performance.now() - t1;
  // A CSV is the same bytes either way; an XLSX names the second it was made, which can change its deflated size.
  if (kind === 'csv' ? workerSize !== size : Math.abs(workerSize - size) > 64) throw new Error(`export through the worker gave ${workerSize} bytes, on the page ${size}`);
  return { ms, workerMs, peakMB: (peak - before) / MB, baseMB: before / MB, lines, fileMB: size / MB };
}

/** The file ieMakeCsv built last (the scale group imports it into the loaded base). */
export const ieCsv = (): Uint8Array => csv;
