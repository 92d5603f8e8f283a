import type { Id } from '../domain';
import type { ExistingIndex, ImportPlan, MatchInfo, PlannedCreate, PlannedUpdate, SkippedRecord } from './duplicates';
import type { ImportIssue } from './types';

/** A record a row's outcome points at, named as the user knows it. */
export type RecordRef = {
  /** Table of the record. */
  table: 'accounts' | 'contacts';
  /** Its id (stored, or given to it by this import). */
  id: Id;
  /** Company name, or the person's name; empty when unknown. */
  name: string;
};

/** Why a row wrote nothing: it repeats a stored record (`duplicate`, `unchanged`) or an earlier row. */
export type SkipReason = SkippedRecord['reason'];

/** The single outcome of one data row of the file. */
export type RowOutcome =
  /** A new account was made from the row (with its contact when the row names a person); `contact` tells when that person was not new. */
  | { row: number; kind: 'new'; account: RecordRef; contact?: { result: 'updated' | SkipReason; record?: RecordRef; ofRow?: number } }
  /** The row's data changed a stored record. */
  | { row: number; kind: 'updated'; record: RecordRef }
  /** The row's person became a new contact of an account the row did not create; `how` says why that account, `ofRow` which row made it. */
  | { row: number; kind: 'added'; account: RecordRef; how: AddedHow; ofRow?: number }
  /** Nothing was written: the row repeats `record` (stored) or row `ofRow` of the file. */
  | { row: number; kind: 'skipped'; reason: SkipReason; table: 'accounts' | 'contacts'; record?: RecordRef; ofRow?: number }
  /** Not imported; `issues` say which column and why. */
  | { row: number; kind: 'error'; issues: ImportIssue[] };

/** Why a row's person went to an account the row did not create: an earlier row of the file made it, or a stored account has the same customer number, or the same name at the same postal code. */
export type AddedHow = 'file' | 'number' | 'name';

export type OutcomeKind = RowOutcome['kind'];
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['new', 'updated', 'added', 'skipped', 'error'];

/** Name of a record by table and id; `namesFrom` makes one for the stored records. */
export type NameOf = (table: 'accounts' | 'contacts', id: Id) => string | undefined;

type Entries = { creates: PlannedCreate[]; updates: PlannedUpdate[]; skips: SkippedRecord[] };

/**
 * One outcome per data row, in row order, derived from the plan and the issues; so the outcomes always
 * add up to the rows. A row the plan says nothing about (a gap in the plan, never expected) is an error
 * `row.unaccounted` rather than a row that silently disappears.
 */
export function rowOutcomes(dataRows: readonly number[], plan: ImportPlan, issues: readonly ImportIssue[], nameOf: NameOf = () => undefined): RowOutcome[] {
  const byRow = new Map<number, Entries>();
  const entries = (row: number) => {
    let e = byRow.get(row);
    if (!e) byRow.set(row, (e = { creates: [], updates: [], skips: [] }));
    return e;
  };
  const created = new Map<Id, string>();
  for (const c of plan.toCreate) {
    entries(c.row).creates.push(c);
    created.set(c.values.id, c.table === 'accounts' ? (c.values.name ?? '') : personName(c.values));
  }
  for (const u of plan.toUpdate) entries(u.row).updates.push(u);
  for (const s of plan.skipped) entries(s.row).skips.push(s);
  const problems = new Map<number, ImportIssue[]>();
  for (const i of [...issues, ...plan.errors]) problems.set(i.row, [...(problems.get(i.row) ?? []), i]);
  const ref = (table: 'accounts' | 'contacts', id: Id): RecordRef => ({ table, id, name: created.get(id) ?? nameOf(table, id) ?? '' });

  return [...new Set(dataRows)].sort((a, b) => a - b).map((row): RowOutcome => {
    const errors = problems.get(row);
    if (errors) return { row, kind: 'error', issues: errors };
    const { creates, updates, skips } = byRow.get(row) ?? { creates: [], updates: [], skips: [] };
    const account = creates.find((c) => c.table === 'accounts');
    const contact = creates.find((c) => c.table === 'contacts');
    const update = updates.find((u) => u.table === 'contacts') ?? updates[0];
    const skip = skips.find((s) => s.table === 'contacts') ?? skips[0];
    if (account) {
      const note = update?.table === 'contacts' ? { result: 'updated' as const, record: ref('contacts', update.id) } : skip ? skipNote(skip, ref) : undefined;
      return { row, kind: 'new', account: ref('accounts', account.values.id), ...(note ? { contact: note } : {}) };
    }
    if (contact?.table === 'contacts') {
      const how = addedHow(contact.joined);
      const ofRow = contact.joined?.row;
      return { row, kind: 'added', account: ref('accounts', contact.values.accountId), how, ...(ofRow !== undefined ? { ofRow } : {}) };
    }
    if (update) return { row, kind: 'updated', record: ref(update.table, update.id) };
    if (skip) {
      const { result, ...where } = skipNote(skip, ref);
      return { row, kind: 'skipped', table: skip.table, reason: result, ...where };
    }
    return { row, kind: 'error', issues: [{ row, code: 'row.unaccounted' }] };
  });
}

function addedHow(joined: MatchInfo | undefined): AddedHow {
  if (!joined || joined.row !== undefined) return 'file';
  return joined.by === 'same_number' ? 'number' : 'name';
}

function skipNote(s: SkippedRecord, ref: (table: 'accounts' | 'contacts', id: Id) => RecordRef) {
  // A row repeating an earlier row points at that row (and at the record that row made).
  const ofRow = s.match?.row;
  if (s.reason === 'duplicate_in_file') return { result: s.reason, ...(ofRow !== undefined ? { ofRow } : {}), record: ref(s.table, s.id) };
  return { result: s.reason, record: ref(s.table, s.id) };
}

function personName(c: { firstName?: string; lastName?: string }): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

/**
 * Row numbers of every data row: those read into the table and those that could not be (a damaged
 * card); a table's header (row 1 of a CSV or sheet, `hasHeader`) is none, even when it has a problem.
 */
export function dataRowNumbers(rowNumbers: readonly number[], readErrors: readonly ImportIssue[], hasHeader: boolean): number[] {
  const rows = new Set(rowNumbers);
  for (const e of readErrors) if (!hasHeader || e.row > 1) rows.add(e.row);
  return [...rows].sort((a, b) => a - b);
}

/** How many rows ended in each outcome. */
export function countOutcomes(outcomes: readonly RowOutcome[]): Record<OutcomeKind, number> {
  const counts = { new: 0, updated: 0, added: 0, skipped: 0, error: 0 };
  for (const o of outcomes) counts[o.kind]++;
  return counts;
}

/** Names of the stored accounts and contacts the duplicate lookup knows. */
export function namesFrom(existing: ExistingIndex): NameOf {
  const accounts = new Map<Id, string>();
  for (const a of [...existing.accounts.values(), ...existing.accountsByNumber.values()]) accounts.set(a.id, a.name);
  const contacts = new Map<Id, string>();
  for (const list of existing.contactsByName.values()) for (const c of list) contacts.set(c.id, personName(c));
  return (table, id) => (table === 'accounts' ? accounts : contacts).get(id);
}
