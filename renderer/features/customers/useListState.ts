import type { VisibilityState } from '@tanstack/react-table';
import { useEffect } from 'react';
import { create } from 'zustand';
import { getSetting, setSetting } from '../../db/team/settings';
import { HIDDEN_BY_DEFAULT } from './columns';
import { DEFAULT_SORT, type CustomerSort } from './filters';

/** What the list remembers between sessions: sorting and chosen columns (filters start fresh: "my accounts"). */
export type ListState = { sort: CustomerSort; columns: VisibilityState };

const DEFAULT_STATE: ListState = { sort: DEFAULT_SORT, columns: HIDDEN_BY_DEFAULT };

/**
 * One copy for the list and "export the current view": each kept its own, read from the settings
 * on mount, so the export wrote name order until the saved sort was read, or the old sort when the
 * list's write of a new one had not landed yet.
 */
const useStore = create<{ state: ListState; loaded: boolean }>(() => ({ state: DEFAULT_STATE, loaded: false }));

/** Changes made so far, and writes of them not yet answered: a read racing one of them is stale. */
let changes = 0;
let writing = 0;

/** Sorting and columns of the customer list, and whether the saved ones have been read yet. */
export function useListState(): [ListState, (patch: Partial<ListState>) => void, boolean] {
  const state = useStore((s) => s.state);
  const loaded = useStore((s) => s.loaded);
  useEffect(() => {
    let cancelled = false;
    // Read again on every mount (another database may be open by now), unless a change is on its way.
    const before = changes;
    getSetting<ListState>('customerListState', DEFAULT_STATE)
      .then((saved) => {
        if (cancelled || changes !== before || writing > 0) return;
        useStore.setState({ state: { ...DEFAULT_STATE, ...saved }, loaded: true });
      })
      .catch(() => !cancelled && useStore.setState({ loaded: true }));
    return () => {
      cancelled = true;
    };
  }, []);
  return [state, updateListState, loaded];
}

function updateListState(patch: Partial<ListState>): void {
  const next = { ...useStore.getState().state, ...patch };
  changes++;
  writing++;
  useStore.setState({ state: next, loaded: true });
  void setSetting('customerListState', next)
    .catch(() => undefined)
    .finally(() => writing--);
}
