import { useEffect, useState } from 'react';
import { loadFirstPage, type CustomerRow } from '../../db/customer-list';
import { startCustomerIndex, useCustomerIndex } from './customer-index';

/** Rows painted before the index is ready: about two screens. */
const FIRST_PAGE = 60;

/**
 * The rows behind the list. The first screen comes from an index-ordered query (this owner's
 * accounts by collation key), so it paints without reading 100k accounts; meanwhile the full
 * in-memory index loads in the background and takes over in the same order.
 */
export function useCustomerRows(owner: string | null): { rows: CustomerRow[] | undefined; ready: boolean; loaded: number } {
  const { rows, status, loaded } = useCustomerIndex();
  const [first, setFirst] = useState<{ owner: string | null; rows: CustomerRow[] }>();

  useEffect(() => startCustomerIndex(), []);
  useEffect(() => {
    if (status === 'ready') return;
    let cancelled = false;
    loadFirstPage(owner, FIRST_PAGE)
      .then((page) => !cancelled && setFirst({ owner, rows: page }))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [owner, status]);

  if (status === 'ready') return { rows, ready: true, loaded };
  return { rows: first && first.owner === owner ? first.rows : undefined, ready: false, loaded };
}
