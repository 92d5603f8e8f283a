import type { ImportLookups } from '../../../shared/import/account-values';
import { fileMatchKeys } from '../../../shared/import/identity';
import type { ImportRecord } from '../../../shared/import/records';
import { indexExisting, type ExistingIndex, type ImportPlan } from '../../../shared/import/duplicates';
import { newId, type Account, type Contact, type Id, type ImportBatch } from '../../../shared/domain';
import { todayIso, type IsoDate } from '../../../shared/time';
import { getDb } from '../core/db';
import { asBulkWork } from '../core/bulk-work';
import { withoutDerived } from '../core/derived';
import { runWrite } from '../core/write';

/** Thrown when the user cancels while the import transaction runs; nothing was written. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled');
    this.name = 'ImportCancelled';
  }
}

export type ApplyImportOptions = {
  /** Name of the imported file, kept with the batch. */
  fileName: string;
  /** Owner of new accounts: the seat's own team member. */
  ownerId: Id;
  /** Cancelling aborts the transaction between chunks: the database stays as it was. */
  signal?: AbortSignal;
  /** Rows written so far and in total, called between chunks. */
  onProgress?: (done: number, total: number) => void;
  /** Rows per bulk write; progress and cancel are checked between chunks. */
  chunkSize?: number;
  now?: Date;
};

/** What the recent-imports list shows about a batch. */
export type ImportBatchSummary = {
  id: Id;
  at: string;
  fileName: string;
  created: number;
  updated: number;
  undoneAt?: string;
};

/**
 * Duplicate lookup for the records of one file (trashed and erased rows are left out by indexExisting).
 * It reads only what the file can match: the accounts holding one of the file's customer numbers or
 * name + postal code keys (the `matchKeys` index, schema v11) and the contacts of those accounts (a
 * person is only ever matched within its account). planImport asks the index for nothing else, so the
 * plan is the one a read of every account would give (import-index.test.ts compares them); the cost
 * follows the file, not the size of the base.
 */
export async function loadExistingIndex(records: readonly ImportRecord[]): Promise<ExistingIndex> {
  const db = getDb();
  const keys = fileMatchKeys(records.map((r) => r.account));
  const [accounts, contacts] = await db.transaction('r', db.accounts, db.contacts, async () => {
    const found = keys.length > 0 ? await db.accounts.where('matchKeys').anyOf(keys).toArray() : [];
    // An account matching by number and by name is found twice; indexExisting lets the first account
    // in key order win a key, as a read of the whole table in key order did.
    const byId = new Map(found.map((a) => [a.id, a]));
    const accounts = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ids = accounts.filter((a) => a.deletedAt === undefined).map((a) => a.id);
    // By account, then by key within it: each account's people in the order a whole read had them.
    const contacts = ids.length > 0 ? await db.contacts.where('accountId').anyOf(ids).toArray() : [];
    return [accounts, contacts] as const;
  });
  return indexExisting(accounts, contacts);
}

/** The team and the lead sources, for the owner and lead-source columns (matched by name in shared/import/account-values.ts). */
export async function loadImportLookups(): Promise<Required<ImportLookups>> {
  const db = getDb();
  const [team, leadSources] = await db.transaction('r', db.teamMembers, db.leadSources, () => Promise.all([db.teamMembers.toArray(), db.leadSources.toArray()]));
  return { team, leadSources };
}

/** A whole account from imported fields; everything the file does not say gets the form's defaults. */
export function newAccountRow(values: Partial<Account> & { id: Id }, ownerId: Id, now: number, today: IsoDate): Account {
  const lifecycle = values.lifecycle ?? 'customer';
  return {
    name: '', customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE', phone: '', email: '',
    website: '', category: 'C', accountType: 'maintain', lifecycle, lifecycleDates: { [lifecycle]: today }, churnReason: '',
    ownerId, productLines: [], tags: [], notes: '', archived: false, createdAt: now,
    ...values,
    updatedAt: now,
  };
}

export function newContactRow(values: Partial<Contact> & { id: Id; accountId: Id }, now: number): Contact {
  return {
    salutation: 'none', title: '', firstName: '', lastName: '', position: '', phone: '', mobile: '', email: '',
    preferredChannel: 'none', notes: '',
    ...values,
    updatedAt: now,
  };
}

/** Drops the derived fields (collation key, visit index entries, match keys), so a restored row is exactly the row the user had. */
function stored<T extends object>(row: T): T {
  return withoutDerived(row);
}

/**
 * Writes a planned import in ONE read-write transaction: creates, updates, and the `ImportBatch` that
 * records created ids and the previous rows of updated ones. Any failing put, a thrown error or a
 * cancel (checked between chunks) aborts the transaction, so the database is exactly as before.
 * One transaction rather than several: IndexedDB then guarantees all-or-nothing even on a crash or a
 * full disk, and bulk writes in one transaction are as fast as chunked ones (see tests/bench).
 */
export async function applyImport(plan: ImportPlan, options: ApplyImportOptions): Promise<ImportBatch> {
  const db = getDb();
  const now = options.now ?? new Date();
  const ms = now.getTime();
  const today = todayIso(now);
  const size = options.chunkSize ?? 5000;
  // Only the creates of each table, as plain values; the full rows are built chunk by chunk below.
  const creates = { accounts: [] as Array<Partial<Account> & { id: Id }>, contacts: [] as Array<Partial<Contact> & { id: Id; accountId: Id }> };
  for (const c of plan.toCreate) {
    if (c.table === 'accounts') creates.accounts.push(c.values);
    else creates.contacts.push(c.values);
  }
  const total = creates.accounts.length + creates.contacts.length + plan.toUpdate.length;
  const check = () => {
    if (options.signal?.aborted) throw new ImportCancelled();
  };
  check();

  // Held while it writes: the daily backup and the automation rules wait for the whole import.
  return asBulkWork(() => runWrite([db.accounts, db.contacts, db.importBatches], async () => {
    let done = 0;
    const previous: Record<'accounts' | 'contacts', unknown[]> = { accounts: [], contacts: [] };
    for (const table of ['accounts', 'contacts'] as const) {
      const updates = plan.toUpdate.filter((u) => u.table === table);
      if (updates.length === 0) continue;
      const current = await db.table(table).bulkGet(updates.map((u) => u.id));
      const rows = updates.map((u, i) => {
        const before = current[i] as Record<string, unknown> | undefined;
        if (!before) throw new Error(`import: ${table} ${u.id} vanished before the update`);
        previous[table].push(stored(before));
        return { ...before, ...u.changes, updatedAt: ms };
      });
      await db.table(table).bulkPut(rows);
      done += rows.length;
      options.onProgress?.(done, total);
      check();
    }
    // Two chunks in flight: IndexedDB works on one while the next is built and queued, instead of
    // idling between an awaited chunk and the next; progress and cancel still move chunk by chunk.
    const chunks: Array<() => Promise<unknown>> = [];
    for (let i = 0; i < creates.accounts.length; i += size) {
      const part = creates.accounts.slice(i, i + size);
      chunks.push(() => db.accounts.bulkAdd(part.map((v) => newAccountRow(v, options.ownerId, ms, today))).then(() => part.length));
    }
    for (let i = 0; i < creates.contacts.length; i += size) {
      const part = creates.contacts.slice(i, i + size);
      chunks.push(() => db.contacts.bulkAdd(part.map((v) => newContactRow(v, ms))).then(() => part.length));
    }
    let inFlight: Promise<unknown> | undefined;
    for (const next of chunks) {
      check();
      const started = next();
      // A failure surfaces where the chunk is awaited; this only keeps it from counting as unhandled meanwhile.
      started.catch(() => undefined);
      if (inFlight) {
        done += (await inFlight) as number;
        options.onProgress?.(done, total);
      }
      inFlight = started;
    }
    if (inFlight) {
      done += (await inFlight) as number;
      options.onProgress?.(done, total);
    }
    check();
    const batch: ImportBatch = {
      id: newId(),
      at: now.toISOString(),
      fileName: options.fileName,
      created: { accounts: creates.accounts.map((a) => a.id), contacts: creates.contacts.map((c) => c.id) },
      previous,
      updatedAt: ms,
    };
    await db.importBatches.add(batch);
    return batch;
  }, { label: 'import' }));
}

/**
 * Undoes an import as a whole in one transaction: rows it created are deleted, rows it changed get
 * their previous content back. Refuses a batch that was already undone.
 */
export async function undoImport(batchId: Id): Promise<void> {
  const db = getDb();
  await runWrite([db.accounts, db.contacts, db.importBatches], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) throw new Error(`import batch ${batchId} not found`);
    if (batch.undoneAt) throw new Error(`import batch ${batchId} was already undone`);
    for (const table of ['contacts', 'accounts'] as const) {
      const ids = batch.created[table] ?? [];
      if (ids.length > 0) await db.table(table).bulkDelete(ids);
      const before = batch.previous[table] ?? [];
      if (before.length > 0) await db.table(table).bulkPut(before);
    }
    await db.importBatches.update(batchId, { undoneAt: new Date().toISOString(), updatedAt: Date.now() });
  }, { label: 'import' });
}

/** The most recent imports, newest first, with counts for the list. */
export async function listImportBatches(limit = 10): Promise<ImportBatchSummary[]> {
  const rows = await getDb().importBatches.orderBy('at').reverse().limit(limit).toArray();
  return rows.map((b) => ({
    id: b.id,
    at: b.at,
    fileName: b.fileName,
    created: Object.values(b.created).reduce((n, ids) => n + ids.length, 0),
    updated: Object.values(b.previous).reduce((n, rows) => n + rows.length, 0),
    ...(b.undoneAt ? { undoneAt: b.undoneAt } : {}),
  }));
}
