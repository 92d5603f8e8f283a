import { useLiveQuery } from 'dexie-react-hooks';

/**
 * Data for components comes from Dexie live queries: the component re-renders when any table
 * the query read changes, whether the write came from this window, a sync or an import.
 * `undefined` means "still loading".
 */
export function useLive<T>(query: () => Promise<T> | T, deps: unknown[] = []): T | undefined {
  return useLiveQuery(query, deps);
}
