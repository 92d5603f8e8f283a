import { create } from 'zustand';
import type { Id } from '../../../shared/domain';
import { loadAllRows, loadRows, nextRowSeq, type CustomerRow } from '../../db/accounts/customer-list';
import { onCustomerChange, type CustomerChange } from '../../db/core/derived';
import { GramIndex } from './gram-index';

type IndexState = {
  /** Every live account as a compact row, in collation order; empty until loaded. */
  rows: CustomerRow[];
  status: 'idle' | 'loading' | 'ready';
  /** Rows read so far while loading. */
  loaded: number;
  /** Letters and letter pairs of every row's haystack (see gram-index.ts); holds every row of `rows`. */
  grams: GramIndex;
};

export const useCustomerIndex = create<IndexState>(() => ({ rows: [], status: 'idle', loaded: 0, grams: new GramIndex() }));

const byKey = (a: CustomerRow, b: CustomerRow) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

let pending: CustomerChange[] = [];
let unsubscribe: (() => void) | undefined;
let applying = Promise.resolve();

/** Replaces the rows of changed accounts (and drops trashed ones), keeping collation order. */
async function apply(changes: CustomerChange[]): Promise<void> {
  if (changes.some((c) => c.all)) return reload();
  const ids = [...new Set(changes.flatMap((c) => [...c.accountIds]))] as Id[];
  if (ids.length === 0) return;
  const { rows: fresh } = await loadRows(ids);
  // Replaced and trashed rows keep their bits: they are in no list the search is given.
  const { grams } = useCustomerIndex.getState();
  for (const row of fresh) grams.add(row.seq, row.haystack);
  const drop = new Set(ids);
  const rows = useCustomerIndex.getState().rows.filter((r) => !drop.has(r.id));
  // Few changes: insert each at its place; many (an import): append and sort once.
  if (fresh.length < 50) {
    for (const row of fresh) {
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byKey(rows[mid] as CustomerRow, row) < 0) lo = mid + 1;
        else hi = mid;
      }
      rows.splice(lo, 0, row);
    }
  } else {
    // A loop, not push(...fresh): an import or a sync can change 100k accounts at once (call-stack limit).
    for (const row of fresh) rows.push(row);
    rows.sort(byKey);
  }
  useCustomerIndex.setState({ rows });
}

async function reload(): Promise<void> {
  // A fresh gram index, filled chunk by chunk as rows are made; the old one serves the old rows till then.
  const grams = new GramIndex(nextRowSeq());
  const rows = await loadAllRows(
    (loaded) => useCustomerIndex.setState({ loaded }),
    (chunk) => {
      for (const row of chunk) grams.add(row.seq, row.haystack);
    },
  );
  useCustomerIndex.setState({ rows, status: 'ready', loaded: rows.length, grams });
}

/**
 * Starts the in-memory index once per session. It stays in step with every write through the db
 * change feed (a Dexie middleware that sees each committed write to accounts and contacts): the
 * changed accounts are re-read and their rows replaced. Changes that arrive while the index is
 * loading are queued and applied after it, so nothing written during the load is missed.
 */
export function startCustomerIndex(): void {
  if (useCustomerIndex.getState().status !== 'idle') return;
  useCustomerIndex.setState({ status: 'loading', loaded: 0 });
  unsubscribe = onCustomerChange((change) => {
    pending.push(change);
    if (useCustomerIndex.getState().status === 'ready') flush();
  });
  applying = reload().then(() => flush());
}

function flush(): void {
  applying = applying.then(() => {
    const batch = pending;
    pending = [];
    return batch.length > 0 ? apply(batch) : undefined;
  });
}

/** Resolves once queued changes are in the index (tests). */
export function indexSettled(): Promise<void> {
  return applying;
}

/** Forgets the index (tests, and the bench between databases). */
export function resetCustomerIndex(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  pending = [];
  useCustomerIndex.setState({ rows: [], status: 'idle', loaded: 0, grams: new GramIndex() });
}
