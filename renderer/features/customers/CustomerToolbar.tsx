import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_TYPES, CATEGORIES, LIFECYCLES, type TeamMember } from '../../../shared/domain';
import { useCustomerFilters } from './filters';
import { DueFilter } from '../rhythm';
import { SearchBox } from './SearchBox';
import { Popover } from '../../components/Popover';

type Props = { team: TeamMember[]; countries: string[]; tags: string[]; searchRef: RefObject<HTMLInputElement | null> };

/** Search and filters of the customer list; typing in the search re-renders only the search box. */
export function CustomerToolbar({ team, countries, tags, searchRef }: Props) {
  const { t } = useTranslation('customers');
  const { filters, set } = useCustomerFilters();
  const select = (key: 'category' | 'accountType' | 'lifecycle' | 'country' | 'tag', values: readonly string[], label: (v: string) => string) => (
    <div className="field">
      <label htmlFor={`cf-${key}`}>{t(`filter.${key}`)}</label>
      <select id={`cf-${key}`} value={filters[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">{t('filter.any')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </div>
  );
  // The filters a rep sets every day stay in the row; the rest wait behind "Weitere Filter", which
  // says how many of them are set, so the list fits one row at 1366 px and keeps its rows.
  const more = (['category', 'accountType', 'lifecycle', 'country', 'place', 'tag'] as const).filter((k) => filters[k] !== '').length + (filters.showArchived ? 1 : 0);
  return (
    <div className="toolbar list-filters" role="search">
      <SearchBox searchRef={searchRef} />
      <div className="field">
        <label htmlFor="cf-owner">{t('filter.owner')}</label>
        <select id="cf-owner" value={filters.owner} onChange={(e) => set({ owner: e.target.value })}>
          <option value="me">{t('filter.mine')}</option>
          <option value="all">{t('filter.allOwners')}</option>
          {team.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <DueFilter />
      <Popover className="more-filters" label={more > 0 ? t('filter.moreSet', { count: more }) : t('filter.more')}>
        {() => (
          <div role="group" aria-label={t('filter.moreLabel')} className="more-filters-fields">
            {select('category', CATEGORIES, (v) => v)}
            {select('accountType', ACCOUNT_TYPES, (v) => t(`common:accountType.${v}`))}
            {select('lifecycle', LIFECYCLES, (v) => t(`common:lifecycle.${v}`))}
            {select('country', countries, (v) => v)}
            <label className="field narrow">
              <span>{t('filter.place')}</span>
              <input value={filters.place} onChange={(e) => set({ place: e.target.value })} placeholder={t('filter.placeHint')} size={10} />
            </label>
            {select('tag', tags, (v) => v)}
            <label className="check">
              <input type="checkbox" checked={filters.showArchived} onChange={(e) => set({ showArchived: e.target.checked })} />
              {t('filter.showArchived')}
            </label>
          </div>
        )}
      </Popover>
    </div>
  );
}
