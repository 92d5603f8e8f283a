/**
 * The unit of sync: one field of one row set to one value at one HLC. Merging is per field,
 * last writer wins by HLC (the device id inside the stamp breaks ties), which makes merging
 * commutative, associative and idempotent: any order, duplication or chunking of the same changes
 * gives the same state.
 *
 * Free text (interaction summaries, notes) is never merged character-wise: a field value is atomic,
 * so two concurrent edits of one summary keep the later one whole. The interaction history itself is
 * append-only — each visit/call is its own row with its own id — so concurrent logging on two laptops
 * never collides; only edits of the same field of the same entry compete.
 */
import { canonicalJson } from '../bytes';
import { compareHlc, decodeHlc, encodeHlc, type HlcClock } from './hlc';

/** One field write. */
export type Change = {
  /** Table (Dexie store name), e.g. `contacts`. */
  table: string;
  /** Row primary key. */
  rowId: string;
  /** Field name, or one of the special fields `_deleted` / `_erased`. */
  field: string;
  /** New value as JSON (`null` means "absent"); `undefined` is written as `null`. */
  value: unknown;
  /** Hybrid logical clock stamp of the write. */
  hlc: string;
  /** Device that made the write (the device part of `hlc`). */
  device: string;
};

/**
 * Deletion is a field: `true` deletes, `false` restores. A row is deleted while its `_deleted=true`
 * stamp is newer than every other field's stamp, so an edit made after a deletion (on a laptop that
 * had not seen it yet) brings the row back — nothing is lost silently.
 */
export const DELETED_FIELD = '_deleted';
/**
 * GDPR erasure: `true` is sticky (wins over `false` whatever the clocks say) and masks every other
 * field of the row to `null` in every store, in snapshots and in pending changes. The erasure change
 * itself carries no personal data, only table, row id and the flag.
 */
export const ERASED_FIELD = '_erased';

/** True for a change that erases a row. */
export function isErasure(c: Change): boolean {
  return c.field === ERASED_FIELD && c.value === true;
}

/** The winning state of one field. */
export type FieldState = { hlc: string; value: unknown };

/** Key of a field in maps: table, row and field joined by a separator that ids do not contain. */
export function fieldKey(table: string, rowId: string, field: string): string {
  return `${table}\u0000${rowId}\u0000${field}`;
}

/** Key of a row. */
export function rowKey(table: string, rowId: string): string {
  return `${table}\u0000${rowId}`;
}

/**
 * Total order of competing writes of one field: positive when `a` wins. HLC first; equal stamps
 * (only possible from a cloned install) fall back to the value text so every device picks the same.
 */
export function compareWrites(field: string, a: FieldState, b: FieldState): number {
  if (field === ERASED_FIELD) {
    const ra = a.value === true ? 1 : 0;
    const rb = b.value === true ? 1 : 0;
    if (ra !== rb) return ra - rb;
  }
  const byClock = compareHlc(a.hlc, b.hlc);
  if (byClock !== 0) return byClock;
  const ta = canonicalJson(a.value);
  const tb = canonicalJson(b.value);
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** A row as the app sees it, derived from its field states only (so every device derives the same). */
export type MaterializedRow = {
  /** Deleted (in the trash or gone); `_deleted` is newer than every other field. */
  deleted: boolean;
  /** Erased under GDPR; all values are null. */
  erased: boolean;
  /** Field values without the special fields. */
  values: Record<string, unknown>;
};

/** Derives the row from its winning field states. */
export function materializeRow(fields: ReadonlyMap<string, FieldState>): MaterializedRow {
  const erased = fields.get(ERASED_FIELD)?.value === true;
  const del = fields.get(DELETED_FIELD);
  const values: Record<string, unknown> = {};
  let newestOther = '';
  for (const [name, state] of fields) {
    if (name === DELETED_FIELD || name === ERASED_FIELD) continue;
    values[name] = erased ? null : state.value;
    if (compareHlc(state.hlc, newestOther) > 0) newestOther = state.hlc;
  }
  const deleted = del?.value === true && compareHlc(del.hlc, newestOther) > 0;
  return { deleted, erased, values };
}

/** The newest stamp among a row's field states (the floor for the next local edit of that row). */
export function newestStamp(fields: Iterable<FieldState>): string | undefined {
  let newest: string | undefined;
  for (const s of fields) if (newest === undefined || compareHlc(s.hlc, newest) > 0) newest = s.hlc;
  return newest;
}

/**
 * Stamps local edits of one row: one change per field, all with fresh stamps from the clock, above
 * `after` (the row's newest known stamp, see newestStamp): an edit made after seeing the row wins over
 * what it saw, whatever the wall clocks of the laptops say.
 */
export function stampEdits(clock: HlcClock, table: string, rowId: string, fields: Record<string, unknown>, after?: string): Change[] {
  return Object.entries(fields).map(([field, value]) => {
    const hlc = clock.tickAfter(after);
    return { table, rowId, field, value: value === undefined ? null : value, hlc, device: clock.device };
  });
}

/**
 * Stamps values nobody chose (a default an older version seeded into the table) at wall time zero,
 * so any chosen value — whatever its stamping device's clock said — wins over them, while a row only
 * this laptop has still reaches the others. Counter 0 on every field: fields of one row never compete.
 */
export function stampDefaults(device: string, table: string, rowId: string, fields: Record<string, unknown>): Change[] {
  const hlc = encodeHlc({ wall: 0, counter: 0, device });
  return Object.entries(fields).map(([field, value]) => ({ table, rowId, field, value: value === undefined ? null : value, hlc, device }));
}

/** Changes that delete (or restore) a row. */
export function stampDelete(clock: HlcClock, table: string, rowId: string, deleted = true, after?: string): Change[] {
  return stampEdits(clock, table, rowId, { [DELETED_FIELD]: deleted }, after);
}

/** The erasure of a row: only the flag travels, never the old values. */
export function stampErase(clock: HlcClock, table: string, rowId: string, after?: string): Change[] {
  return stampEdits(clock, table, rowId, { [ERASED_FIELD]: true }, after);
}

/** Builds a change from a stored line; the device comes from the stamp. */
export function makeChange(table: string, rowId: string, field: string, value: unknown, hlc: string): Change {
  return { table, rowId, field, value, hlc, device: decodeHlc(hlc).device };
}
