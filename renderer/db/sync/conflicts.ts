/**
 * Concurrent edits of one field that the clocks decided. A local edit is stamped above everything its
 * laptop knew of the row (shared/sync tickAfter), so an edit made after seeing a value always wins
 * without any clock. Two laptops editing the same field before either saw the other's edit are
 * ordered by their stamps, i.e. by wall clocks: a laptop 3 h slow lost its later edit without a word.
 * Such a decision is certain to be a conflict where it meets an edit of this laptop that is still
 * queued (nobody can have seen it): it is recorded here with both values, devices and times and
 * shown in the sync settings. Each interleaving of two laptops' runs meets it on at least one of them.
 * Kept in `syncMeta` (local), at most CONFLICTS_MAX; an erasure drops the row's entries.
 */
import { runWrite } from '../core/write';
import type { Dexie } from 'dexie';
import { canonicalJson } from '../../../shared/bytes';
import { type Change, compareWrites, decodeHlc, DELETED_FIELD, ERASED_FIELD, type FieldState, rowKey } from '../../../shared/sync';
import type { SyncStates } from './state';
import { syncMetaOf, syncPendingOf } from './store';

/** One side of a conflict. */
export type ConflictSide = {
  /** The value (JSON). */
  value: unknown;
  /** Device that wrote it. */
  device: string;
  /** Its author's wall time of the edit (ms). */
  at: number;
};

/** A field two laptops changed without seeing each other's edit. */
export type SyncConflict = {
  /** Table of the row. */
  table: string;
  /** Row id. */
  rowId: string;
  /** Field name. */
  field: string;
  /** The value every laptop keeps. */
  kept: ConflictSide;
  /** The value that lost. */
  lost: ConflictSide;
  /** This laptop's time when it was found. */
  foundAt: number;
};

const KEY = 'sync.conflicts';
export const CONFLICTS_MAX = 100;
const side = (s: FieldState): ConflictSide => {
  const p = decodeHlc(s.hlc);
  return { value: s.value, device: p.device, at: p.wall };
};

/**
 * Before merging `changes` into `states` (this laptop's queued edits already in them): the fields
 * where an incoming value competes with a different value this laptop has queued.
 */
export async function findConflicts(db: Dexie, states: SyncStates, changes: Change[], device: string, now: number): Promise<SyncConflict[]> {
  const candidates: Array<{ c: Change; mine: FieldState; key: string }> = [];
  for (const c of changes) {
    if (c.field === DELETED_FIELD || c.field === ERASED_FIELD || c.device === device) continue;
    const row = states.get(rowKey(c.table, c.rowId));
    const mine = row?.fields[c.field];
    if (!row || !mine || row.fields[ERASED_FIELD]?.value === true || mine.hlc === c.hlc) continue;
    if (decodeHlc(mine.hlc).device !== device || canonicalJson(mine.value) === canonicalJson(c.value ?? null)) continue;
    candidates.push({ c, mine, key: `${c.table}\u0000${c.rowId}\u0000${c.field}\u0000${mine.hlc}` });
  }
  if (candidates.length === 0) return [];
  const queued = new Set((await syncPendingOf(db).where('key').anyOf(candidates.map((x) => x.key)).toArray()).map((p) => p.key));
  return candidates
    .filter((x) => queued.has(x.key))
    .map(({ c, mine }) => {
      const theirs: FieldState = { hlc: c.hlc, value: c.value ?? null };
      const theyWin = compareWrites(c.field, theirs, mine) > 0;
      return { table: c.table, rowId: c.rowId, field: c.field, kept: side(theyWin ? theirs : mine), lost: side(theyWin ? mine : theirs), foundAt: now };
    });
}

/** Adds conflicts (newest first) and drops those of rows erased now (their values are personal data). */
export async function recordConflicts(db: Dexie, found: SyncConflict[], erasedRows: Iterable<string>): Promise<void> {
  const erased = new Set(erasedRows);
  const stored = await getSyncConflicts(db);
  if (found.length === 0 && !stored.some((x) => erased.has(rowKey(x.table, x.rowId)))) return;
  const next = [...found, ...stored].filter((x) => !erased.has(rowKey(x.table, x.rowId))).slice(0, CONFLICTS_MAX);
  await syncMetaOf(db).put({ key: KEY, value: next });
}

export async function getSyncConflicts(db: Dexie): Promise<SyncConflict[]> {
  return ((await syncMetaOf(db).get(KEY))?.value as SyncConflict[] | undefined) ?? [];
}

export async function clearSyncConflicts(db: Dexie): Promise<void> {
  await runWrite([syncMetaOf(db)], () => syncMetaOf(db).delete(KEY), { db, label: 'sync' });
}
