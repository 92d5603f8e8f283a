import { useTranslation } from 'react-i18next';
import { useCustomerFilters } from '../customers';
import { DUE_FILTERS, type DueFilter as DueValue } from './due-status';
import { useLiveDueTable } from './useLiveDueTable';

/** The customer list's contact-status filter; also keeps the list's rhythm table current. */
export function DueFilter() {
  const { t } = useTranslation('rhythm');
  const { filters, set } = useCustomerFilters();
  // The list sorts and filters again when the table's version changes (customers/view-pipeline.ts).
  useLiveDueTable();
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
