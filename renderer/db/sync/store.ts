/**
 * The engine's SyncStore over Dexie (MemoryStore in shared/sync is the reference). State lives in
 * `syncState` (each row's field stamps and values, in buckets: see sync/state.ts), the queue in
 * `syncPending`, bookkeeping in `syncMeta`. Applying remote changes writes the merged state and the
 * app's rows in one transaction; a row touched there that still carries an uncaptured local edit
 * (`syncDirty`) is diffed first, in the same transaction, so a remote change never overwrites an
 * edit nobody has stamped yet. The database is passed in (three laptops in one test process).
 */
import type { Dexie, Table } from 'dexie';
import { type Change, compareWrites, ERASED_FIELD, type FieldState, rowKey, type SyncStore } from '../../../shared/sync';
import { createEditClock, diffRow, type EditClock, isSyncedTable, type SyncRow, toDomainRow } from './rows';
import { DIRTY } from './middleware';
import { findConflicts, recordConflicts } from './conflicts';
import { scrubAfterMerge } from './erasure';
import { runWrite } from '../core/write';
import { eachState, loadStates, saveStates, type SyncStates, syncStateOf } from './state';

type PendingRow = Change & { id?: number; key: string };
type MetaRow = { key: string; value: unknown };
type DomainRow = Record<string, unknown> & { id: string };
type RowKey = [string, string];

export const syncPendingOf = (db: Dexie) => db.table<PendingRow, number>('syncPending');
export const syncMetaOf = (db: Dexie) => db.table<MetaRow, string>('syncMeta');
export const syncDeletesOf = (db: Dexie) => db.table<{ table: string; rowId: string }, RowKey>('syncDeletes');

/** Synced tables this database has (an older schema may lack one). */
export function syncedTablesOf(db: Dexie): Table[] {
  return db.tables.filter((t) => isSyncedTable(t.name));
}

const identity = (c: Change) => `${c.table}\u0000${c.rowId}\u0000${c.field}\u0000${c.hlc}`;
const strip = ({ table, rowId, field, value, hlc, device }: PendingRow): Change => ({ table, rowId, field, value, hlc, device });

/** `erasedBefore`: the values a newly erased row had just before (to scrub text about the person, see sync/erasure.ts). */
export type Merged = { won: Change[]; touched: Map<string, SyncRow>; newlyErased: SyncRow[]; erasedBefore: Map<string, Record<string, unknown>> };

/** Merges changes into loaded row states per field (compareWrites); erasure nulls every other value. */
export function mergeStates(states: Map<string, SyncRow>, changes: Change[]): Merged {
  const out: Merged = { won: [], touched: new Map(), newlyErased: [], erasedBefore: new Map() };
  for (const c of changes) {
    const key = rowKey(c.table, c.rowId);
    let row = states.get(key);
    if (!row) states.set(key, (row = { table: c.table, rowId: c.rowId, fields: {} }));
    const incoming: FieldState = { hlc: c.hlc, value: c.value ?? null };
    const current = row.fields[c.field];
    if (current && compareWrites(c.field, incoming, current) <= 0) continue;
    const wasErased = row.fields[ERASED_FIELD]?.value === true;
    const erasedNow = wasErased || (c.field === ERASED_FIELD && c.value === true);
    row.fields[c.field] = { hlc: incoming.hlc, value: erasedNow && c.field !== ERASED_FIELD ? null : incoming.value };
    if (erasedNow && !wasErased) {
      out.erasedBefore.set(key, Object.fromEntries(Object.entries(row.fields).map(([name, s]) => [name, s.value])));
      for (const [name, s] of Object.entries(row.fields)) if (name !== ERASED_FIELD) row.fields[name] = { hlc: s.hlc, value: null };
      out.newlyErased.push(row);
    }
    out.won.push(c);
    out.touched.set(key, row);
  }
  return out;
}

/**
 * Records local changes inside the caller's transaction (over syncState and syncPending): merged into
 * the state and queued; edits of an erased row travel with null values (their stamps keep every
 * laptop identical), and an erasure nulls the row's queued values so no segment can carry them.
 */
export async function queueLocal(db: Dexie, changes: Change[], states?: SyncStates): Promise<Merged | undefined> {
  if (changes.length === 0) return undefined;
  const loaded = states ?? (await loadStates(db, changes));
  const merged = mergeStates(loaded, changes);
  const erased = (c: Change) => loaded.get(rowKey(c.table, c.rowId))?.fields[ERASED_FIELD]?.value === true;
  await saveStates(db, loaded, merged.touched.values());
  await nullQueued(db, merged.newlyErased);
  await syncPendingOf(db).bulkAdd(changes.map((c) => ({ ...(erased(c) && c.field !== ERASED_FIELD ? { ...c, value: null } : c), key: identity(c) })));
  return merged;
}

async function nullQueued(db: Dexie, rows: SyncRow[]): Promise<void> {
  for (const r of rows)
    await syncPendingOf(db)
      .where('[table+rowId]')
      .equals([r.table, r.rowId])
      .modify((c) => {
        if (c.field !== ERASED_FIELD) c.value = null;
      });
}

export class DexieSyncStore implements SyncStore {
  /** The clock local edits are stamped with; pass the same one to the engine. */
  readonly edit: EditClock;

  constructor(
    readonly db: Dexie,
    edit?: EditClock,
    private readonly now: () => number = Date.now,
  ) {
    this.edit = edit ?? createEditClock();
  }

  async pending(): Promise<Change[]> {
    return (await syncPendingOf(this.db).orderBy('id').toArray()).map(strip);
  }

  async recordLocal(changes: Change[]): Promise<void> {
    await runWrite([syncStateOf(this.db), syncPendingOf(this.db)], () => queueLocal(this.db, changes), { label: 'sync' });
  }

  async dropPending(changes: Change[]): Promise<void> {
    const keys = changes.map(identity);
    const pending = syncPendingOf(this.db);
    for (let i = 0; i < keys.length; i += 2000) await runWrite([pending], () => pending.where('key').anyOf(keys.slice(i, i + 2000)).delete(), { label: 'sync' });
  }

  async apply(changes: Change[]): Promise<Change[]> {
    const { db } = this;
    const tables = syncedTablesOf(db);
    const names = new Set(tables.map((t) => t.name));
    return runWrite([...tables, syncStateOf(db), syncPendingOf(db), syncMetaOf(db)], async () => {
      const states = await loadStates(db, changes);
      const locals = await this.loadDirty(changes, names);
      // Uncaptured local edits of these rows are stamped (edit time) and queued before anything is merged.
      const captured: Change[] = [];
      for (const [key, row] of locals)
        if (row[DIRTY] !== undefined) captured.push(...diffRow(this.edit, key.slice(0, key.indexOf('\u0000')), row, states.get(key)));
      if (captured.length) await queueLocal(db, captured, states);
      // Incoming values meeting a different value still queued here: concurrent edits the clocks decide.
      const conflicts = await findConflicts(db, states, changes, this.edit.clock.device, this.now());
      const merged = mergeStates(states, changes);
      await saveStates(db, states, merged.touched.values());
      await nullQueued(db, merged.newlyErased);
      await recordConflicts(db, conflicts, merged.newlyErased.map((r) => rowKey(r.table, r.rowId)));
      // Text about an erased person that reached this laptop (or was written here) is scrubbed now.
      const scrubbed = await scrubAfterMerge(db, this.edit, merged, this.now());
      for (const [k, row] of scrubbed) states.set(k, row);
      const dirty = [...locals.keys()];
      const keys = new Set([...merged.touched.keys(), ...dirty, ...scrubbed.keys()]);
      // An erased row keeps a few local fields (its account link): the only other current row needed.
      const erased = [...keys].filter((k) => !locals.has(k) && states.get(k)?.fields[ERASED_FIELD]?.value === true);
      for (const [k, r] of await this.loadRows(erased.map((k) => states.get(k)!), names)) locals.set(k, r);
      await this.materialize(keys, states, locals, names);
      return merged.won;
    }, { label: 'sync' });
  }

  async exportAll(): Promise<Change[]> {
    const out: Change[] = [];
    await eachState(this.db, (r) => {
      for (const [field, s] of Object.entries(r.fields)) out.push({ table: r.table, rowId: r.rowId, field, value: s.value, hlc: s.hlc, device: deviceOf(s.hlc) });
    });
    return out;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await syncMetaOf(this.db).get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    // Stored as a structured clone, so callers can never mutate stored state through a shared reference.
    await runWrite([syncMetaOf(this.db)], () => syncMetaOf(this.db).put({ key, value: structuredClone(value) }), { label: 'sync' });
  }

  async setMetas(entries: Record<string, unknown>): Promise<void> {
    await runWrite([syncMetaOf(this.db)], () => syncMetaOf(this.db).bulkPut(Object.entries(entries).map(([key, value]) => ({ key, value: structuredClone(value) }))), { label: 'sync' });
  }

  /**
   * Rows among these changes' rows that carry an uncaptured local edit. Read through the sparse
   * `syncDirty` index (capture runs before every sync, so it is nearly always empty) instead of
   * reading every touched row: a merge writes the app's rows but never needs their old content.
   */
  private async loadDirty(changes: Change[], names: Set<string>): Promise<Map<string, DomainRow>> {
    const touched = new Map<string, Set<string>>();
    for (const c of changes) if (names.has(c.table)) (touched.get(c.table) ?? touched.set(c.table, new Set()).get(c.table)!).add(c.rowId);
    const out = new Map<string, DomainRow>();
    for (const [table, ids] of touched) {
      const t = this.db.table<DomainRow, string>(table);
      const indexed = t.schema.indexes.some((i) => i.name === DIRTY);
      const rows = indexed ? await t.where(DIRTY).equals(1).toArray() : (await t.bulkGet([...ids])).filter((r) => r !== undefined);
      for (const r of rows) if (r[DIRTY] !== undefined && ids.has(r.id)) out.set(rowKey(table, r.id), r);
    }
    return out;
  }

  /** The app's current rows of these states, by row key. */
  private async loadRows(rows: Array<{ table: string; rowId: string }>, names: Set<string>): Promise<Map<string, DomainRow>> {
    const out = new Map<string, DomainRow>();
    for (const { table, rowId } of rows) {
      const r = names.has(table) ? await this.db.table<DomainRow, string>(table).get(rowId) : undefined;
      if (r) out.set(rowKey(table, rowId), r);
    }
    return out;
  }

  /** Writes the app's rows from their merged state (deleted rows of tables without trash go). */
  private async materialize(keys: Set<string>, states: Map<string, SyncRow>, locals: Map<string, DomainRow>, names: Set<string>): Promise<void> {
    const puts = new Map<string, DomainRow[]>();
    const deletes = new Map<string, string[]>();
    const now = this.now();
    for (const key of keys) {
      const state = states.get(key);
      if (!state || !names.has(state.table)) continue;
      const row = toDomainRow(state.table, state.rowId, state.fields, now, locals.get(key));
      if (row) (puts.get(state.table) ?? puts.set(state.table, []).get(state.table)!).push(row);
      else (deletes.get(state.table) ?? deletes.set(state.table, []).get(state.table)!).push(state.rowId);
    }
    for (const [table, rows] of puts) await this.db.table(table).bulkPut(rows);
    for (const [table, ids] of deletes) await this.db.table(table).bulkDelete(ids);
  }
}

/** The device part of a stamp `<wall:15>-<counter:6>-<device>`. */
function deviceOf(hlc: string): string {
  return hlc.slice(23);
}
