import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/core/live';
import { loadRhythmTable } from '../../db/planning/planning';
import { useCustomerFilters } from '../customers';
import { DUE_FILTERS, setDueTable, type DueFilter as DueValue } from './due-status';

/** The customer list's contact-status filter; also keeps the list's rhythm table current. */
export function DueFilter() {
  const { t } = useTranslation('rhythm');
  const { filters, set } = useCustomerFilters();
  const table = useLive(loadRhythmTable);
  useEffect(() => {
    if (!table) return;
    setDueTable(table);
    // A new filters object makes the list filter again with the new rhythms.
    useCustomerFilters.getState().set({});
  }, [table]);
  return (
    <div className="field">
      <label htmlFor="cf-due">{t('due.filter')}</label>
      <select id="cf-due" value={filters.due} onChange={(e) => set({ due: e.target.value as DueValue })}>
        <option value="">{t('due.any')}</option>
        {DUE_FILTERS.map((v) => <option key={v} value={v}>{t(`due.status.${v}`)}</option>)}
      </select>
    </div>
  );
}
