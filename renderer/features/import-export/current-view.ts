import { useEffect, useMemo, useState } from 'react';
import type { Id } from '../../../shared/domain';
import { useSession } from '../../core/session';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { startCustomerIndex, useCustomerIndex, applyFilters, sortRows, useCustomerFilters, createSearch, useCustomerQuery, useListState } from '../customers';

/** The customer list as the user left it: its accounts in its order, and how many accounts there are in all. */
export type CurrentView = { ready: boolean; ids: Id[]; all: number };

/**
 * Reads the customer list's own filter and search stores, sort setting and account index (the same
 * calls CustomerResults makes), so "export the current view" writes exactly the accounts the list shows, in its order.
 */
export function useCurrentView(): CurrentView {
  const selfId = useSession((s) => s.selfId);
  const filters = useCustomerFilters((s) => s.filters);
  const query = useCustomerQuery((s) => s.query);
  const [search] = useState(createSearch);
  const { rows, status } = useCustomerIndex();
  const [list] = useListState();
  const team = useLive(listTeam);
  useEffect(() => startCustomerIndex(), []);
  return useMemo(() => {
    if (status !== 'ready' || !team) return { ready: false, ids: [], all: 0 };
    const names = new Map(team.map((m) => [m.id, m.name]));
    const visible = search(applyFilters(sortRows(rows, list.sort, names), filters, selfId), query);
    return { ready: true, ids: visible.map((r) => r.id), all: rows.length };
  }, [rows, status, team, list.sort, filters, selfId, search, query]);
}
