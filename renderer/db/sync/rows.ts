/**
 * How domain rows map to sync fields and back (pure; no Dexie). One change per top-level field;
 * nested values (birthday, consent, complaint, contactIds, movedFrom) are atomic JSON. `id`,
 * `updatedAt`, `deletedAt`, `sortKey`, `visitKeys`, `matchKeys`, `openKeys`, `syncDirty` and the search words (`words`, `wordsStale`) are local; `deletedAt` ↔ `_deleted`,
 * contact `erased: true` ↔ `_erased`.
 */
import { canonicalJson } from '../../../shared/bytes';
import { type Change, decodeHlc, DELETED_FIELD, ERASED_FIELD, type FieldState, HlcClock, materializeRow, newestStamp, stampDefaults, stampEdits } from '../../../shared/sync';
import { isSeededDefault } from './seeded';

/** Tables every laptop shares. Drafts, saved views, settings, reminder states and import batches stay local. */
export const SYNCED_TABLES = [
  'accounts',
  'contacts',
  'interactions',
  'deals',
  'sales',
  'leadSources',
  'teamMembers',
  'segmentRules',
  'activityPlans',
  'automationRules',
  'merges',
  'teamSettings',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Tables with a trash: a deletion sets `deletedAt`; elsewhere a deleted row is removed. */
const TRASH_TABLES: ReadonlySet<string> = new Set(['accounts', 'contacts', 'interactions', 'deals']);
/** Fields that never travel: the key, local bookkeeping, derived values and the special fields' local forms. */
const LOCAL_FIELDS: ReadonlySet<string> = new Set(['id', 'updatedAt', 'deletedAt', 'sortKey', 'visitKeys', 'matchKeys', 'openKeys', 'syncDirty', 'erased', 'words', 'wordsStale']);
/** Fields an erased contact keeps locally so lists still render: the link to its account, nothing personal. */
const ERASED_KEEPS: ReadonlySet<string> = new Set(['id', 'accountId']);

export function isSyncedTable(table: string): table is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(table);
}

/** Per row, the winning state of each field, as stored in `syncRows`. */
export type SyncRow = { table: string; rowId: string; fields: Record<string, FieldState> };

type DomainRow = Record<string, unknown> & { id: string; updatedAt?: number; deletedAt?: number; erased?: boolean };

/**
 * The clock used for local edits. The physical part of an edit's stamp is the edit time (the row's
 * `updatedAt`, never later than now), not the time sync noticed it; the HLC still never goes back:
 * stamp = max(edit time, last stamp + 1). So two laptops editing one field offline keep the later edit.
 */
export type EditClock = { clock: HlcClock; stampAt(ms: number, table: string, rowId: string, fields: Record<string, unknown>, after?: string): Change[] };

export function createEditClock(device = 'unset', now: () => number = Date.now): EditClock {
  let at: number | undefined;
  const clock = new HlcClock(device, () => at ?? now());
  return {
    clock,
    stampAt(ms, table, rowId, fields, after) {
      at = Number.isFinite(ms) ? Math.min(Math.floor(ms), now()) : undefined;
      try {
        return stampEdits(clock, table, rowId, fields, after);
      } finally {
        at = undefined;
      }
    },
  };
}

function toMap(fields: Record<string, FieldState> | undefined): Map<string, FieldState> {
  return new Map(Object.entries(fields ?? {}));
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Local edits of one row against its last synced state: only changed fields are stamped. The deletion
 * flag is stamped after the field edits (so a row deleted in the same breath stays deleted); an
 * erased contact sends only the erasure, never its values.
 */
export function diffRow(edit: EditClock, table: string, row: DomainRow, state: SyncRow | undefined): Change[] {
  const fields = toMap(state?.fields);
  const synced = fields.size > 0 ? materializeRow(fields) : undefined;
  const at = typeof row.updatedAt === 'number' ? row.updatedAt : Date.now();
  if (synced?.erased) return [];
  if (table === 'contacts' && row.erased === true) return edit.stampAt(at, table, row.id, { [ERASED_FIELD]: true }, newestStamp(fields.values()));
  if (!synced && isSeededDefault(table, row, LOCAL_FIELDS)) {
    const values = Object.fromEntries(Object.entries(row).filter(([n, v]) => !LOCAL_FIELDS.has(n) && v !== undefined && v !== null));
    return stampDefaults(edit.clock.device, table, row.id, values);
  }
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (LOCAL_FIELDS.has(name)) continue;
    const before = fields.get(name);
    if (before ? !same(before.value, value) : value !== undefined && value !== null) changed[name] = value ?? null;
  }
  // A field removed locally (an optional value cleared) travels as null.
  for (const [name, s] of fields)
    if (name !== DELETED_FIELD && name !== ERASED_FIELD && !(name in row) && s.value !== null) changed[name] = null;
  // Above every stamp this laptop knows of the row: the edit was made after seeing it (causality, not clocks).
  const after = newestStamp(fields.values());
  const out = Object.keys(changed).length > 0 ? edit.stampAt(at, table, row.id, changed, after) : [];
  const deletedHere = typeof row.deletedAt === 'number';
  if (deletedHere !== (synced?.deleted ?? false) && (deletedHere || synced !== undefined))
    out.push(...edit.stampAt(row.deletedAt ?? at, table, row.id, { [DELETED_FIELD]: deletedHere }, newestStamp([...fields.values(), ...out])));
  return out;
}

/** The deletion of a row removed for good here (only when sync knows it and it is not deleted yet). */
export function diffRemoved(edit: EditClock, table: string, rowId: string, state: SyncRow | undefined): Change[] {
  if (!state) return [];
  const synced = materializeRow(toMap(state.fields));
  return synced.deleted || synced.erased ? [] : edit.stampAt(Date.now(), table, rowId, { [DELETED_FIELD]: true }, newestStamp(Object.values(state.fields)));
}

/** Newest physical time among the row's stamps (becomes the row's `updatedAt`). */
function newestWall(fields: Record<string, FieldState>): number {
  let hlc = '';
  for (const s of Object.values(fields)) if (s.hlc > hlc) hlc = s.hlc;
  return hlc ? decodeHlc(hlc).wall : 0;
}

/**
 * The domain row for a merged state, or null when the row must not exist here (deleted in a table
 * without trash). `existing` is the current local row (an erased contact keeps its account link).
 */
export function toDomainRow(table: string, rowId: string, fields: Record<string, FieldState>, now: number, existing?: DomainRow): DomainRow | null {
  const m = materializeRow(toMap(fields));
  if (m.deleted && !TRASH_TABLES.has(table)) return null;
  const row: DomainRow = { id: rowId, updatedAt: Math.min(newestWall(fields), now) };
  if (m.erased) {
    for (const [name, value] of Object.entries(existing ?? {})) {
      if (ERASED_KEEPS.has(name)) row[name] = value;
      else if (typeof value === 'string') row[name] = '';
      else if (Array.isArray(value)) row[name] = [];
    }
    row.erased = true;
  } else {
    for (const [name, value] of Object.entries(m.values)) if (value !== null && value !== undefined) row[name] = value;
  }
  if (m.deleted) row.deletedAt = decodeHlc(fields[DELETED_FIELD]!.hlc).wall;
  return row;
}
