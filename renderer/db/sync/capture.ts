/**
 * Turns local writes into sync changes. Feature code writes rows as usual; the middleware marks
 * them `syncDirty` and journals hard deletes. Before each sync run `captureLocal` diffs exactly those
 * rows against their last synced state, stamps only the changed fields (edit time, see EditClock),
 * queues them and clears the marks — all in one transaction, so a crash either leaves the marks (the
 * next run diffs again) or has the changes durably queued. The first capture of a database diffs
 * every row (turning sync on for an existing customer base).
 */
import type { Dexie } from 'dexie';
import type { Change } from '../../../shared/sync';
import { rememberErasures } from './erasure';
import { ALL_ROWS, DIRTY, journalSettled } from './middleware';
import { diffRemoved, diffRow, type EditClock } from './rows';
import { foldLegacyRows, knownRowIds, legacySyncRowsOf, loadStates, syncStateOf } from './state';
import { queueLocal, syncDeletesOf, syncMetaOf, syncPendingOf, syncedTablesOf } from './store';
import { runWrite } from '../core/write';

/** syncMeta key set by the first capture, which diffs every row (so rows written before it need no dirty mark). */
export const CAPTURED_ALL = 'sync.capturedAll';
type DomainRow = Record<string, unknown> & { id: string };

/** Queues every local edit not yet captured; returns the queued changes. */
export async function captureLocal(db: Dexie, edit: EditClock): Promise<Change[]> {
  await journalSettled();
  const tables = syncedTablesOf(db);
  const scope = [...tables, syncStateOf(db), legacySyncRowsOf(db), syncPendingOf(db), syncMetaOf(db), syncDeletesOf(db)];
  return runWrite(scope, async () => {
    // A backup from before schema v5 restores its states into the legacy table.
    if ((await legacySyncRowsOf(db).count()) > 0) await foldLegacyRows(db);
    const full = (await syncMetaOf(db).get(CAPTURED_ALL)) === undefined;
    const changes: Change[] = [];
    for (const table of tables) {
      const rows = (full ? await table.toArray() : await table.where(DIRTY).equals(1).toArray()) as DomainRow[];
      if (rows.length === 0) continue;
      const states = await loadStates(db, rows.map((r) => ({ table: table.name, rowId: r.id })));
      const found: Change[] = [];
      for (const r of rows) for (const c of diffRow(edit, table.name, r, states.get(`${table.name}\u0000${r.id}`))) found.push(c);
      const merged = await queueLocal(db, found, states);
      // A person erased here: keep what scrubbing needs, for text about them that arrives later (sync/erasure.ts).
      if (table.name === 'contacts' && merged?.erasedBefore.size) await rememberErasures(db, merged, Date.now());
      // Not push(...found): a first capture of 100k accounts is ~10^6 changes, past the call-stack limit of a spread.
      for (const c of found) changes.push(c);
      const marked = rows.filter((r) => r[DIRTY] !== undefined).map(({ [DIRTY]: _mark, ...rest }) => rest);
      // Written inside a transaction over syncState: the middleware leaves the marks off.
      if (marked.length) await table.bulkPut(marked);
    }
    const removed = await captureRemoved(db, edit);
    if (removed.length) await queueLocal(db, removed);
    await syncMetaOf(db).put({ key: CAPTURED_ALL, value: true });
    await syncMetaOf(db).put({ key: 'sync.hlc', value: edit.clock.last });
    return [...changes, ...removed];
  }, { label: 'sync' });
}

/** Deletions of rows removed for good here (journalled by the middleware). */
async function captureRemoved(db: Dexie, edit: EditClock): Promise<Change[]> {
  const journal = await syncDeletesOf(db).toArray();
  if (journal.length === 0) return [];
  const gone: Array<{ table: string; rowId: string }> = [];
  for (const j of journal) {
    const table = db.table(j.table);
    if (j.rowId === ALL_ROWS) {
      // A range went (clear, delete by index): compare what sync knows of the table with what is left.
      const known = await knownRowIds(db, j.table);
      const present = await table.bulkGet(known);
      known.forEach((rowId, i) => present[i] === undefined && gone.push({ table: j.table, rowId }));
    } else if ((await table.get(j.rowId)) === undefined) gone.push(j);
  }
  await syncDeletesOf(db).clear();
  const states = await loadStates(db, gone);
  return gone.flatMap((g) => diffRemoved(edit, g.table, g.rowId, states.get(`${g.table}\u0000${g.rowId}`)));
}
