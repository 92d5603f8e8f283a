/** An in-memory SyncStore for tests and benchmarks; also the reference for the Dexie implementation. */
import { canonicalJson } from '../bytes';
import {
  type Change,
  compareWrites,
  ERASED_FIELD,
  type FieldState,
  fieldKey,
  makeChange,
  materializeRow,
  type MaterializedRow,
  newestStamp,
  rowKey,
} from './change';
import type { SyncStore } from './store';

type Row = { table: string; rowId: string; fields: Map<string, FieldState> };

export class MemoryStore implements SyncStore {
  private readonly rowsByKey = new Map<string, Row>();
  /** The queue in recording order, by identity (dropping a page of it costs that page, not the whole queue). */
  private readonly queue = new Map<string, Change>();
  private readonly meta = new Map<string, string>();

  async pending(): Promise<Change[]> {
    return [...this.queue.values()];
  }

  async recordLocal(changes: Change[]): Promise<void> {
    this.mergeAll(changes);
    // Edits of an erased row still travel (their stamps keep every laptop's state identical) but never their values.
    for (const c of changes) this.queue.set(identity(c), this.isErased(c.table, c.rowId) && c.field !== ERASED_FIELD ? { ...c, value: null } : c);
  }

  async dropPending(changes: Change[]): Promise<void> {
    for (const c of changes) this.queue.delete(identity(c));
  }

  async apply(changes: Change[]): Promise<Change[]> {
    return this.mergeAll(changes);
  }

  async exportAll(): Promise<Change[]> {
    const out: Change[] = [];
    for (const row of this.rowsByKey.values())
      for (const [field, s] of row.fields) out.push(makeChange(row.table, row.rowId, field, s.value, s.hlc));
    return out;
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    const text = this.meta.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    // Stored as text so callers can never mutate stored state through a shared reference.
    this.meta.set(key, JSON.stringify(value));
  }

  async setMetas(entries: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(entries)) this.meta.set(key, JSON.stringify(value));
  }

  /** The app's view of one row. */
  row(table: string, rowId: string): MaterializedRow | undefined {
    const row = this.rowsByKey.get(rowKey(table, rowId));
    return row ? materializeRow(row.fields) : undefined;
  }

  /** Live rows of a table, by id. */
  liveRows(table: string): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const row of this.rowsByKey.values()) {
      if (row.table !== table) continue;
      const m = materializeRow(row.fields);
      if (!m.deleted) out[row.rowId] = m.values;
    }
    return out;
  }

  /** The newest stamp of a row (the floor for the next local edit of it). */
  rowStamp(table: string, rowId: string): string | undefined {
    const row = this.rowsByKey.get(rowKey(table, rowId));
    return row ? newestStamp(row.fields.values()) : undefined;
  }

  /** The winning state of one field. */
  field(table: string, rowId: string, field: string): FieldState | undefined {
    return this.rowsByKey.get(rowKey(table, rowId))?.fields.get(field);
  }

  /** Canonical text of the whole merged state; equal on two stores exactly when they converged. */
  fingerprint(): string {
    const lines: string[] = [];
    for (const row of this.rowsByKey.values())
      for (const [field, s] of row.fields) lines.push(`${fieldKey(row.table, row.rowId, field)}=${s.hlc}=${canonicalJson(s.value)}`);
    return lines.sort().join('\n');
  }

  private isErased(table: string, rowId: string): boolean {
    return this.rowsByKey.get(rowKey(table, rowId))?.fields.get(ERASED_FIELD)?.value === true;
  }

  private mergeAll(changes: Change[]): Change[] {
    const changed: Change[] = [];
    for (const c of changes) if (this.merge(c)) changed.push(c);
    return changed;
  }

  private merge(c: Change): boolean {
    const key = rowKey(c.table, c.rowId);
    let row = this.rowsByKey.get(key);
    if (!row) {
      row = { table: c.table, rowId: c.rowId, fields: new Map() };
      this.rowsByKey.set(key, row);
    }
    const incoming: FieldState = { hlc: c.hlc, value: c.value ?? null };
    const current = row.fields.get(c.field);
    if (current && compareWrites(c.field, incoming, current) <= 0) return false;
    const wasErased = this.isErased(c.table, c.rowId);
    const erasedNow = wasErased || (c.field === ERASED_FIELD && c.value === true);
    row.fields.set(c.field, { hlc: incoming.hlc, value: erasedNow && c.field !== ERASED_FIELD ? null : incoming.value });
    if (erasedNow && !wasErased) this.scrub(row);
    return true;
  }

  /** Erasure: every personal value goes, here and in the queue, so no new segment can carry it. */
  private scrub(row: Row): void {
    for (const [name, s] of row.fields) if (name !== ERASED_FIELD) row.fields.set(name, { hlc: s.hlc, value: null });
    for (const [id, c] of this.queue) if (c.table === row.table && c.rowId === row.rowId && c.field !== ERASED_FIELD) this.queue.set(id, { ...c, value: null });
  }
}

function identity(c: Change): string {
  return `${fieldKey(c.table, c.rowId, c.field)}\u0000${c.hlc}`;
}
