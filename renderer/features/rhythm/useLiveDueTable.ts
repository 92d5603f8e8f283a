import { useEffect } from 'react';
import { useLive } from '../../db/core/live';
import { loadRhythmTable } from '../../db/planning/planning';
import { setDueTable, useDueTable } from './due-status';

/**
 * Keeps the rhythm table the customer list's due filter and sort read in step with the database.
 * True once the saved table is in: "export the current view" waits for it (it used the default
 * rhythms when the list had not been opened in the session).
 */
export function useLiveDueTable(): boolean {
  const table = useLive(loadRhythmTable);
  useEffect(() => {
    if (table) setDueTable(table);
  }, [table]);
  const set = useDueTable((s) => s.version > 0);
  return table !== undefined && set;
}
