import { Dexie } from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Contact, Id } from '../../../shared/domain';
import { parseCsvBytes } from '../../../shared/import/csv';
import { indexExisting, planImport, type ExistingIndex, type ImportPlan, type ImportPolicy } from '../../../shared/import/duplicates';
import { readFixture } from '../../../shared/import/fixtures/read-fixture';
import { buildRecords, suggestMapping, type ImportRecord } from '../../../shared/import/mapping';
import { dataRowNumbers } from '../../../shared/import/outcomes';
import { buildImportReport } from '../../../shared/import/report';
import type { ImportIssue } from '../../../shared/import/types';
import { asIsoDate } from '../../../shared/time';
import { getDb, openDb, useDatabase, type RapportDb } from '../core/db';
import { runWrite } from '../core/write';
import { loadExistingIndex, newAccountRow, newContactRow } from './import';

// The import's duplicate check reads only the accounts a file can match (the `matchKeys` index,
// schema v11) and their contacts. The rules must not change with it: on the same base and the same
// files, every policy gives the plan and the report the old planner gave, which read every account.

/** The planner before schema v11: every account and contact of the base, read whole. */
async function fullScanIndex(): Promise<ExistingIndex> {
  const db = getDb();
  const [accounts, contacts] = await db.transaction('r', db.accounts, db.contacts, () => Promise.all([db.accounts.toArray(), db.contacts.toArray()]));
  return indexExisting(accounts, contacts);
}

/** A small deterministic generator (mulberry32), so a failing base can be made again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Spellings that the rules put together (umlauts, case, legal forms, a keyboard without umlauts) and some they keep apart.
const COMPANIES = ['Müller GmbH', 'Mueller KG', 'muller gmbh', 'MÜLLER', 'Müller & Söhne GmbH', 'Bäckerei Weiß', 'Baeckerei Weiss e.K.', 'Schäfer Elektro e.K.', 'Schaefer Elektro', 'Hofmann KG', 'Huber GmbH', 'Özdemir Bau', 'Oezdemir Bau GmbH & Co. KG'];
const POSTAL = ['80331', '01067', '1069', '70173', '10115', ''];
const NUMBERS = ['', '', '', 'K-1', 'K-2', ' K-3', 'K-1001', 'K-1002', '0042'];
const PEOPLE = [['Jörg', 'Weiß'], ['Joerg', 'Weiss'], ['jörg', 'weiss'], ['Anna', 'Müller'], ['Anna', 'Muller'], ['Jürgen', 'Schäfer'], ['Greta', 'Hofmann'], ['', '']];
const MAILS = ['', 'jw@baeckerei-weiss.de', 'JW@Baeckerei-Weiss.de', 'anna@example.de', 'jörg@bäckerei-weiß.de', 'info@mueller-haustechnik.de'];
const PHONES = ['', '+49 89 123456', '089 123456', '0351/4455', '+49 351 4455'];

const pick = <T,>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const hex = (rnd: () => number) => Math.floor(rnd() * 0xffffffff).toString(16).padStart(8, '0');
const NOW = 1_700_000_000_000;
const DAY = asIsoDate('2026-01-01');

/**
 * A base where the files' companies and people are stored in other spellings, more than once (the
 * first by key must win), in the trash, erased, or at another postal code; plus accounts no file names.
 */
async function seedBase(db: RapportDb, seed: number): Promise<void> {
  const rnd = random(seed);
  const accounts: Account[] = [];
  const contacts: Contact[] = [];
  for (let i = 0; i < 300; i++) {
    const id = `acc-${hex(rnd)}`;
    const filler = i % 3 === 0;
    accounts.push(newAccountRow({
      id, name: filler ? `Filler ${i} GmbH` : pick(rnd, COMPANIES), postalCode: pick(rnd, POSTAL), city: 'Dresden', customerNumber: filler ? `F-${i}` : pick(rnd, NUMBERS),
      phone: pick(rnd, PHONES), ...(rnd() < 0.1 ? { deletedAt: NOW } : {}),
    }, 'seat', NOW, DAY));
    for (let k = Math.floor(rnd() * 4); k > 0; k--) {
      const [firstName, lastName] = pick(rnd, PEOPLE);
      const gone = rnd();
      contacts.push(newContactRow({
        id: `con-${hex(rnd)}`, accountId: id, firstName, lastName, email: pick(rnd, MAILS), mobile: pick(rnd, PHONES), position: rnd() < 0.5 ? 'Einkauf' : '',
        ...(gone < 0.08 ? { deletedAt: NOW } : gone < 0.14 ? { erased: true } : {}),
      }, NOW));
    }
  }
  await runWrite([db.accounts, db.contacts], async () => {
    await db.accounts.bulkAdd(accounts);
    await db.contacts.bulkAdd(contacts);
  }, { label: 'import' });
}

const HEADER = 'Kundennummer;Firma;Straße;PLZ;Ort;Vorname;Nachname;E-Mail;Telefon;Mobil;Position';
const quote = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * A customer file as a German Excel saves it ("CSV UTF-8": BOM, `;`, CRLF), one row per person, so
 * company names repeat; hand-edited: a row cut short and a stray quote in a cell.
 */
function generatedFile(seed: number, rows: number): Uint8Array {
  const rnd = random(seed);
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const [first, last] = pick(rnd, PEOPLE);
    const cells = [pick(rnd, NUMBERS), pick(rnd, COMPANIES), `Königstraße ${i}`, pick(rnd, POSTAL), 'München', first!, last!, pick(rnd, MAILS), pick(rnd, PHONES), pick(rnd, PHONES), rnd() < 0.5 ? 'Einkauf' : 'Technik'];
    if (i === 7) lines.push(cells.slice(0, 5).join(';'));
    else if (i === 11) lines.push(cells.map((c, k) => (k === 1 ? `${c} "Filiale` : quote(c))).join(';'));
    else lines.push(cells.map(quote).join(';'));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

type File = { name: string; records: ImportRecord[]; dataRows: number[]; errors: ImportIssue[] };

function readFile(name: string, bytes: Uint8Array): File {
  const sheet = parseCsvBytes(bytes);
  const built = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers, readErrors: sheet.errors });
  return { name, records: built.records, dataRows: dataRowNumbers(sheet.rowNumbers, sheet.errors, true), errors: [...sheet.errors, ...built.errors] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The plan and its report as JSON, the new records' random ids numbered in order of appearance (stored ids are not UUIDs here). */
function comparable(file: File, plan: ImportPlan): unknown {
  const ids = new Map<string, string>();
  const report = buildImportReport(file.name, file.dataRows, plan, file.errors, (table, id) => `${table}:${id}`);
  return JSON.parse(JSON.stringify({ plan, report }, (_k, v: unknown) => {
    if (typeof v !== 'string' || !UUID.test(v)) return v;
    if (!ids.has(v)) ids.set(v, `new-${ids.size}`);
    return ids.get(v);
  })) as unknown;
}

const POLICIES: ImportPolicy[] = ['skip', 'update', 'create'];

let files: File[];
beforeAll(() => {
  files = [
    readFile('excel-de-cp1252.csv', readFixture('excel-de-cp1252.csv')),
    readFile('outlook-de.csv', readFixture('outlook-de.csv')),
    readFile('google-contacts.csv', readFixture('google-contacts.csv')),
    ...[1, 2, 3].map((seed) => readFile(`kunden-${seed}.csv`, generatedFile(100 + seed, 120))),
  ];
});

const names: string[] = [];
afterEach(async () => {
  getDb().close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('the import reads only what a file can match', () => {
  it.each([1, 2, 3])('gives the plan and report of a full read, for every policy and file (base %i)', async (seed) => {
    const name = `import-index-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    useDatabase(db);
    await seedBase(db, seed);
    const full = await fullScanIndex();
    // What the comparison must cover, or it proves nothing: rows folding into stored accounts by
    // number and by name, people matching stored people, and updates.
    const seen = { number: 0, name: 0, person: 0, update: 0 };
    let read = 0;
    for (const file of files) {
      const keyed = await loadExistingIndex(file.records);
      read = Math.max(read, new Set([...keyed.accounts.values(), ...keyed.accountsByNumber.values()]).size);
      for (const policy of POLICIES) {
        // Keeping the first two folded rows apart too: the rows after them must fold alike.
        const folds = planImport(file.records, full, policy).folds.slice(0, 2).map((f) => f.row);
        for (const options of [{}, { keepApart: new Set(folds) }]) {
          const before = planImport(file.records, full, policy, options);
          const after = planImport(file.records, keyed, policy, options);
          expect(comparable(file, after), `${file.name} ${policy} ${JSON.stringify([...(options.keepApart ?? [])])}`).toEqual(comparable(file, before));
          for (const f of before.folds) if (f.into.existing) seen[f.by === 'same_number' ? 'number' : 'name']++;
          seen.person += [...before.skipped, ...before.toUpdate].filter((s) => s.table === 'contacts' && s.match?.by === 'same_person').length;
          seen.update += before.toUpdate.length;
        }
      }
    }
    expect(seen.number).toBeGreaterThan(0);
    expect(seen.name).toBeGreaterThan(0);
    expect(seen.person).toBeGreaterThan(0);
    expect(seen.update).toBeGreaterThan(0);
    // And it did read less: the filler accounts (a third of the base) are never among the candidates.
    const live = (await db.accounts.toArray()).filter((a) => a.deletedAt === undefined).length;
    expect(read).toBeLessThan(live);
  });

  it('leaves out a trashed account and an erased contact, and finds an account stored under a number with spaces', async () => {
    const name = `import-index-${crypto.randomUUID()}`;
    names.push(name);
    const db = openDb(name);
    useDatabase(db);
    const acc = (values: Partial<Account> & { id: Id }) => newAccountRow(values, 'seat', NOW, DAY);
    await runWrite([db.accounts, db.contacts], async () => {
      await db.accounts.bulkAdd([acc({ id: 'b-old', name: 'Müller GmbH', postalCode: '80331', deletedAt: NOW }), acc({ id: 'c-live', name: 'Mueller KG', postalCode: '80331' }), acc({ id: 'd', name: 'Weiß', customerNumber: ' K-3 ' })]);
      await db.contacts.bulkAdd([newContactRow({ id: 'p1', accountId: 'c-live', firstName: 'Jörg', lastName: 'Weiß', erased: true }, NOW), newContactRow({ id: 'p2', accountId: 'c-live', firstName: 'Joerg', lastName: 'Weiss', email: 'jörg@bäckerei-weiß.de' }, NOW)]);
    }, { label: 'import' });
    const file = readFile('k.csv', new TextEncoder().encode('Firma;PLZ;Kundennummer;Vorname;Nachname;E-Mail\r\nmuller gmbh;80331;;jörg;weiss;jörg@bäckerei-weiß.de\r\nIrgendwer;;K-3;;;\r\n'));
    const plan = planImport(file.records, await loadExistingIndex(file.records), 'skip');
    expect(plan.folds.map((f) => [f.row, f.into.id, f.by])).toEqual([[2, 'c-live', 'same_name_place'], [3, 'd', 'same_number']]);
    expect(plan.skipped.filter((s) => s.table === 'contacts').map((s) => [s.row, s.id])).toEqual([[2, 'p2']]);
    expect(comparable(file, plan)).toEqual(comparable(file, planImport(file.records, await fullScanIndex(), 'skip')));
  });
});
