import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../db/accounts/customer-list';
import { listAccountIdsWithOpenComplaint } from '../../db/history/interactions';
import { useLive } from '../../db/core/live';
import { formatters } from '../../i18n/format';
import { useLeadScores } from '../pipeline';
import { leadBand } from '../../../shared/scoring';
import { useCustomerIndex } from './customer-index';
import { CustomerTable } from './CustomerTable';
import { resetSearchAndFilters } from './filters';
import { useCustomerView } from './useCustomerView';
import type { ListState } from './useListState';

type Props = {
  rows: CustomerRow[] | undefined;
  ready: boolean;
  list: ListState;
  onList: (patch: Partial<ListState>) => void;
  ownerNames: ReadonlyMap<string, string>;
  onOpen: (id: string) => void;
};

const NO_COMPLAINTS: ReadonlySet<string> = new Set();
const NO_ROWS: CustomerRow[] = [];

/**
 * Result count and list. Sorting and the filters other than the search text are worked out only
 * when rows, sorting or filters change; a keystroke then costs one search over that list (see
 * view-pipeline.ts, the pipeline "export the current view" uses too) and the rows that changed on
 * screen (see CustomerTable).
 */
export function CustomerResults({ rows, ready, list, onList, ownerNames, onOpen }: Props) {
  const { t, i18n } = useTranslation('customers');
  // One number format per language, not one per keystroke.
  const numbers = useMemo(() => new Intl.NumberFormat(formatters(i18n.language).locale), [i18n.language]);
  // The gram index holds every row of the loaded index; the first page painted before it is not in it.
  const grams = useCustomerIndex((s) => s.grams);
  // Lead scores are read only while their column is shown or sorts the list.
  const leadScores = useLeadScores(list.columns.leadScore !== false || list.sort.id === 'leadScore');
  const scoreCells = useMemo(
    () => (leadScores ? { totals: leadScores.totals, label: (total: number) => t(`pipeline:band.${leadBand(total, leadScores.bands)}`) } : undefined),
    [leadScores, t],
  );
  const { rows: visible, query } = useCustomerView(rows ?? NO_ROWS, list.sort, ownerNames, ready ? grams : undefined, leadScores?.totals);
  // Live: logging or resolving a complaint anywhere adds or removes the badge.
  const complaints = useLive(listAccountIdsWithOpenComplaint) ?? NO_COMPLAINTS;

  const status = !ready ? t('indexLoading') : t('count', { count: visible.length, formatted: numbers.format(visible.length) });
  return (
    <>
      {/* data-query: the search text these results answer, for tests and the benchmark to wait on. */}
      <p className="count" role="status" aria-live="polite" data-query={query}>
        {status}
      </p>
      {ready && visible.length === 0 ? (
        <div className="empty-state">
          <p>{rows?.length === 0 ? t('empty.noAccounts') : t('empty.noMatch')}</p>
          {(rows?.length ?? 0) > 0 && (
            <button type="button" onClick={resetSearchAndFilters}>
              {t('empty.resetFilters')}
            </button>
          )}
        </div>
      ) : (
        <CustomerTable
          rows={visible}
          sort={list.sort}
          onSort={(sort) => onList({ sort })}
          columnVisibility={list.columns}
          ownerNames={ownerNames}
          complaints={complaints}
          scores={scoreCells}
          onOpen={onOpen}
        />
      )}
    </>
  );
}
