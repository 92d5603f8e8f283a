import { useEffect, useState } from 'react';
import { afterNextPaint, useFirstScreen } from '../../core/first-screen';
import { loadFirstPage, type CustomerRow } from '../../db/accounts/customer-list';
import { startCustomerIndex, useCustomerIndex } from './customer-index';

/** Rows painted before the index is ready: about two screens. */
const FIRST_PAGE = 60;

/**
 * The rows behind the list. The first screen comes from an index-ordered query (this owner's
 * accounts by collation key; `owner` undefined: not known yet, wait), so it paints without reading
 * 100k accounts. Only once it is painted does the full in-memory index start loading in the
 * background (it takes over in the same order): started together, the index's big reads held the
 * IndexedDB backend and the first page's reads queued behind them until the index was done.
 */
export function useCustomerRows(owner: string | null | undefined): { rows: CustomerRow[] | undefined; ready: boolean; loaded: number } {
  const ready = useCustomerIndex((s) => s.status === 'ready');
  const all = useCustomerIndex((s) => s.rows);
  const loaded = useCustomerIndex((s) => s.loaded);
  const [first, setFirst] = useState<{ owner: string | null; rows: CustomerRow[] }>();

  useEffect(() => {
    if (ready || owner === undefined) return;
    let cancelled = false;
    loadFirstPage(owner, FIRST_PAGE)
      // A failed first page leaves the list to the index.
      .catch(() => [])
      .then((page) => !cancelled && setFirst({ owner, rows: page }));
    return () => {
      cancelled = true;
    };
  }, [owner, ready]);

  const firstShown = first !== undefined;
  useEffect(() => (firstShown ? afterNextPaint(startCustomerIndex) : undefined), [firstShown]);
  useFirstScreen(ready || firstShown);

  if (ready) return { rows: all, ready: true, loaded };
  return { rows: first && first.owner === owner ? first.rows : undefined, ready: false, loaded };
}
