import { toCsv } from '../../../shared/export/csv';
import { customerSheet, customerTable, type CustomerExportRow } from '../../../shared/export/customer-columns';
import { createXlsxStreamWriter } from '../../../shared/export/xlsx-stream';
import { createChunker } from '../../../shared/backup/chunks';
import { concatBytes } from '../../../shared/bytes';
import type { Account, Contact, Id } from '../../../shared/domain';
import type { RapportDb } from '../core/db';

/** What the export worker is asked to write. */
export type CustomerExportJob = {
  kind: 'csv' | 'xlsx';
  locale: 'de' | 'en';
  /** Headers and labels, translated on the main thread (keys from `customerLabelKeys()`). */
  labels: Record<string, string>;
  /** Name of the XLSX sheet. */
  sheetName: string;
  /** Accounts in the order to export (the customer list's current view); absent: every live account in name order. */
  accountIds?: Id[];
  /** Database to read (tests and the benchmark use their own). */
  dbName?: string;
};

/** Accounts read so far and in all (trashed ones are counted but not written). */
export type CustomerExportProgress = { done: number; total: number };
/** Rows written and bytes of the file. */
export type CustomerExportResult = { lines: number; size: number };

/** Accounts per read: small enough that no chunk holds much, large enough that IndexedDB stays busy. */
const CHUNK = 2000;

/**
 * The accounts of `part`, a run of ids in the name index's order (the whole export), in that order:
 * its first and last account give the run's collation keys, and one range read of the index returns
 * the run (plus any namesakes at its ends, left out) instead of a get per account, which were half of
 * the export's IndexedDB requests. An id the range misses (renamed since the ids were read) is
 * fetched by key, so the result is exactly bulkGet's.
 */
async function accountsInNameOrder(db: RapportDb, part: readonly Id[]): Promise<Array<Account | undefined>> {
  // The stored collation key (db/core/derived.ts), not part of the domain type.
  const [first, last] = (await db.accounts.bulkGet([part[0]!, part[part.length - 1]!])) as Array<(Account & { sortKey?: string }) | undefined>;
  const from = first?.sortKey;
  const to = last?.sortKey;
  const inRange = from !== undefined && to !== undefined && from <= to ? await db.accounts.where('sortKey').between(from, to, true, true).toArray() : [];
  const byId = new Map(inRange.map((a) => [a.id, a]));
  const missing = part.filter((id) => !byId.has(id));
  if (missing.length > 0) (await db.accounts.bulkGet(missing)).forEach((a, i) => a && byId.set(missing[i]!, a));
  return part.map((id) => byId.get(id));
}

/**
 * The customer export's rows chunk by chunk (one row per live contact, one per account without any),
 * so 100k accounts are never all in memory at once. Each chunk is its own read transaction: a write
 * landing during a long export shows up in the chunks read after it.
 */
export async function* customerRowChunks(
  db: RapportDb,
  accountIds: readonly Id[] | undefined,
  onProgress?: (p: CustomerExportProgress) => void,
): AsyncGenerator<CustomerExportRow[]> {
  // The collation key is the customer list's own name order; reading only keys keeps this cheap.
  const ids = accountIds ?? ((await db.accounts.orderBy('sortKey').primaryKeys()) as Id[]);
  const names = new Map((await db.teamMembers.toArray()).map((m) => [m.id, m.name]));
  const sources = new Map((await db.leadSources.toArray()).map((s) => [s.id, s.name]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    // One index lookup per account, all issued at once: `anyOf` walks a cursor one key at a time,
    // which made a 10k export take a minute.
    const [accounts, contacts] = await db.transaction('r', db.accounts, db.contacts, () =>
      Promise.all([accountIds ? db.accounts.bulkGet(part) : accountsInNameOrder(db, part), Promise.all(part.map((id) => db.contacts.where('accountId').equals(id).toArray())).then((lists) => lists.flat())]),
    );
    const byAccount = new Map<Id, Contact[]>();
    for (const c of contacts) {
      if (c.deletedAt !== undefined || c.erased) continue;
      const list = byAccount.get(c.accountId);
      if (list) list.push(c);
      else byAccount.set(c.accountId, [c]);
    }
    const rows: CustomerExportRow[] = [];
    for (const account of accounts) {
      if (!account || account.deletedAt !== undefined) continue;
      const named = { ownerName: names.get(account.ownerId) ?? '', leadSourceName: account.leadSourceId ? (sources.get(account.leadSourceId) ?? '') : '' };
      const people = byAccount.get(account.id) ?? [];
      if (people.length === 0) rows.push({ account, ...named });
      for (const contact of people) rows.push({ account, contact, ...named });
    }
    onProgress?.({ done: Math.min(i + CHUNK, ids.length), total: ids.length });
    yield rows;
  }
}

/** Takes the file's next bytes, handed over for good (they may be transferred); a promise holds the export back. */
export type ExportSink = (chunk: Uint8Array) => void | Promise<void>;

/** Bytes per piece handed to the sink: few messages to the page, and little held at any time. */
export const EXPORT_CHUNK_BYTES = 1024 * 1024;

/**
 * Writes the customer export as CSV or XLSX from the chunks above, row batch by row batch, and hands the
 * file to `sink` in pieces of `chunkBytes` as it is made: neither the rows nor the file are ever whole in
 * memory (XLSX through the streaming writer, shared/export/xlsx-stream.ts). Runs in the export worker
 * (or anywhere with IndexedDB).
 */
export async function writeCustomerExport(
  db: RapportDb,
  job: CustomerExportJob,
  sink: ExportSink,
  onProgress?: (p: CustomerExportProgress) => void,
  chunkBytes = EXPORT_CHUNK_BYTES,
): Promise<CustomerExportResult> {
  const t = (key: string) => job.labels[key] ?? key;
  const chunker = createChunker(chunkBytes);
  let size = 0;
  const out = async (bytes: Uint8Array) => {
    chunker.push(bytes);
    for (const chunk of chunker.take()) {
      size += chunk.length;
      await sink(chunk);
    }
  };
  let lines = 0;
  if (job.kind === 'xlsx') {
    const columns = customerSheet([], t, job.locale).columns;
    const writer = createXlsxStreamWriter(job.sheetName, columns, out, { locale: job.locale });
    for await (const rows of customerRowChunks(db, job.accountIds, onProgress)) {
      await writer.addRows(customerSheet(rows, t, job.locale).rows);
      lines += rows.length;
    }
    await writer.finish();
  } else {
    const encoder = new TextEncoder();
    await out(encoder.encode(toCsv(customerTable([], t, job.locale), { locale: job.locale })));
    for await (const rows of customerRowChunks(db, job.accountIds, onProgress)) {
      if (rows.length === 0) continue;
      await out(encoder.encode(toCsv(customerTable(rows, t, job.locale).slice(1), { locale: job.locale, bom: false })));
      lines += rows.length;
    }
  }
  const rest = chunker.rest();
  if (rest.length > 0) {
    size += rest.length;
    await sink(rest);
  }
  return { lines, size };
}

/** The whole export in memory: for tests and the benchmark, never for the user's file (see CustomerExport.tsx). */
export async function customerExportBytes(db: RapportDb, job: CustomerExportJob): Promise<CustomerExportResult & { data: Uint8Array }> {
  const parts: Uint8Array[] = [];
  const result = await writeCustomerExport(db, job, (chunk) => void parts.push(chunk));
  return { ...result, data: concatBytes(parts) };
}
