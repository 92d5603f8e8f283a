import { useEffect, useMemo } from 'react';
import type { Id } from '../../../shared/domain';
import type { CustomerRow } from '../../db/accounts/customer-list';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { useLeadScores } from '../pipeline';
import { useLiveDueTable } from '../rhythm';
import { startCustomerIndex, useCustomerIndex } from './customer-index';
import { useCustomerView } from './useCustomerView';
import { useListState } from './useListState';

/** The customer list as the user left it: its accounts in its order, and how many accounts there are in all. */
export type CurrentView = { ready: boolean; ids: Id[]; all: number };

const NO_ROWS: CustomerRow[] = [];
const NOT_READY: CurrentView = { ready: false, ids: [], all: 0 };

/**
 * The customer list's own view (useCustomerView: its stores, sort and pipeline) over the account
 * index, for pages other than the list: "export the current view" (import-export) writes exactly the
 * accounts the list shows, in its order.
 * Ready once everything the view depends on is read: the index, the team (owner sort), the saved
 * sort and the rhythm table (due filter and sort).
 */
export function useCurrentView(): CurrentView {
  const rows = useCustomerIndex((s) => s.rows);
  const grams = useCustomerIndex((s) => s.grams);
  const indexReady = useCustomerIndex((s) => s.status === 'ready');
  const [list, , listLoaded] = useListState();
  const team = useLive(listTeam);
  const rhythmsLoaded = useLiveDueTable();
  const ownerNames = useMemo(() => new Map((team ?? []).map((m) => [m.id, m.name])), [team]);
  useEffect(() => startCustomerIndex(), []);
  const ready = indexReady && team !== undefined && listLoaded && rhythmsLoaded;
  // Read only when the list is sorted by score, and then part of being ready.
  const byScore = list.sort.id === 'leadScore';
  const scores = useLeadScores(byScore);
  const { rows: visible } = useCustomerView(ready && (!byScore || scores) ? rows : NO_ROWS, list.sort, ownerNames, ready ? grams : undefined, scores?.totals);
  const done = ready && (!byScore || scores !== undefined);
  return useMemo(() => (done ? { ready: done, ids: visible.map((r) => r.id), all: rows.length } : NOT_READY), [done, visible, rows]);
}
