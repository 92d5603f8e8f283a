import { useMemo, useState } from 'react';
import { useSession } from '../../core/session';
import type { CustomerRow } from '../../db/accounts/customer-list';
import { useDueTable } from '../rhythm';
import type { CustomerSort } from './filters';
import { useCustomerFilters } from './filters';
import type { GramIndex } from './gram-index';
import { useCustomerQuery } from './search';
import { createCustomerView } from './view-pipeline';

/**
 * The customer list's current view of `rows`: its own filter and search stores, the signed-in member
 * and the rhythm table, through the one pipeline (view-pipeline.ts). The list and "export the current
 * view" both call this, so they cannot disagree. A keystroke costs one search: the sort and filter
 * stages are remembered (createCustomerView).
 */
export function useCustomerView(
  rows: readonly CustomerRow[],
  sort: CustomerSort,
  ownerNames: ReadonlyMap<string, string>,
  grams?: GramIndex,
  scores?: ReadonlyMap<string, number>,
): { rows: CustomerRow[]; query: string } {
  const selfId = useSession((s) => s.selfId);
  const filters = useCustomerFilters((s) => s.filters);
  const query = useCustomerQuery((s) => s.query);
  const rhythms = useDueTable((s) => s.version);
  const [view] = useState(createCustomerView);
  const visible = useMemo(
    () => view(rows, { sort, filters, query }, { selfId, ownerNames, rhythms, scores }, grams),
    [view, rows, sort, filters, query, selfId, ownerNames, rhythms, grams, scores],
  );
  return { rows: visible, query };
}
