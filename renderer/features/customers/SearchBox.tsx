import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerQuery } from './search';

/** The global search field; it alone (with the result list) re-renders per keystroke. */
export function SearchBox({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation('customers');
  const query = useCustomerQuery((s) => s.query);
  const setQuery = useCustomerQuery((s) => s.setQuery);
  return (
    <label className="field search">
      <span>{t('search')}</span>
      <input
        ref={searchRef}
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        onChange={(e) => setQuery(e.target.value)}
        aria-keyshortcuts="Control+F"
      />
    </label>
  );
}
