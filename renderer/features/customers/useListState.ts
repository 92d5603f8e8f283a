import type { VisibilityState } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { getSetting, setSetting } from '../../db/team/settings';
import { HIDDEN_BY_DEFAULT } from './columns';
import { DEFAULT_SORT, type CustomerSort } from './filters';

/** What the list remembers between sessions: sorting and chosen columns (filters start fresh: "my accounts"). */
export type ListState = { sort: CustomerSort; columns: VisibilityState };

const DEFAULT_STATE: ListState = { sort: DEFAULT_SORT, columns: HIDDEN_BY_DEFAULT };

export function useListState(): [ListState, (patch: Partial<ListState>) => void] {
  const [state, setState] = useState<ListState>(DEFAULT_STATE);
  useEffect(() => {
    let cancelled = false;
    getSetting<ListState>('customerListState', DEFAULT_STATE)
      .then((saved) => !cancelled && setState({ ...DEFAULT_STATE, ...saved }))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  const update = (patch: Partial<ListState>) =>
    setState((s) => {
      const next = { ...s, ...patch };
      void setSetting('customerListState', next);
      return next;
    });
  return [state, update];
}
