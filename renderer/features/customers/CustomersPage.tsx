import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_TYPES, CATEGORIES, LIFECYCLES } from '../../../shared/domain';
import { usePendingCommand } from '../../app/commands';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { listAccountRows } from '../../db/accounts';
import { useLive } from '../../db/live';
import { listTeam } from '../../db/team';
import { formatters } from '../../i18n/format';
import { CustomerTable } from './CustomerTable';
import { applyFilters, indexRows, useCustomerFilters } from './filters';

/** The customer base: search, filter and sort all accounts; open one with a click or Enter. */
export function CustomersPage() {
  const { t, i18n } = useTranslation('customers');
  const fmt = formatters(i18n.language);
  const selfId = useSession((s) => s.selfId);
  const navigate = useRouter((s) => s.navigate);
  const { filters, set } = useCustomerFilters();
  const rows = useLive(listAccountRows);
  const teamRows = useLive(listTeam);
  const team = useMemo(() => teamRows ?? [], [teamRows]);
  const indexed = useMemo(() => indexRows(rows ?? [], new Map(team.map((m) => [m.id, m.name]))), [rows, team]);
  const visible = useMemo(() => applyFilters(indexed, filters, selfId), [indexed, filters, selfId]);
  const searchRef = useRef<HTMLInputElement>(null);
  const { command, seq, clear } = usePendingCommand();

  useEffect(() => {
    if (command === 'find') {
      searchRef.current?.focus();
      searchRef.current?.select();
      clear();
    }
  }, [command, seq, clear]);

  const open = (id: string) => navigate({ page: 'account', accountId: id });

  return (
    <section className="customers" aria-labelledby="customers-title">
      <header className="page-header">
        <h1 id="customers-title">{t('title')}</h1>
        <p className="count" role="status" aria-live="polite">
          {rows === undefined ? t('common:loading') : t('count', { count: visible.length, formatted: fmt.number(visible.length) })}
        </p>
      </header>
      <div className="toolbar" role="search">
        <label className="field search">
          <span>{t('search')}</span>
          <input
            ref={searchRef}
            type="search"
            value={filters.query}
            placeholder={t('searchPlaceholder')}
            onChange={(e) => set({ query: e.target.value })}
            aria-keyshortcuts="Control+F"
          />
        </label>
        <label className="field">
          <span>{t('filter.owner')}</span>
          <select value={filters.owner} onChange={(e) => set({ owner: e.target.value })}>
            <option value="me">{t('filter.mine')}</option>
            <option value="all">{t('filter.allOwners')}</option>
            {team.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('filter.category')}</span>
          <select value={filters.category} onChange={(e) => set({ category: e.target.value as typeof filters.category })}>
            <option value="">{t('filter.any')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('filter.accountType')}</span>
          <select value={filters.accountType} onChange={(e) => set({ accountType: e.target.value as typeof filters.accountType })}>
            <option value="">{t('filter.any')}</option>
            {ACCOUNT_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`common:accountType.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('filter.lifecycle')}</span>
          <select value={filters.lifecycle} onChange={(e) => set({ lifecycle: e.target.value as typeof filters.lifecycle })}>
            <option value="">{t('filter.any')}</option>
            {LIFECYCLES.map((v) => (
              <option key={v} value={v}>
                {t(`common:lifecycle.${v}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows !== undefined && visible.length === 0 ? (
        <div className="empty-state">
          <p>{rows.length === 0 ? t('empty.noAccounts') : t('empty.noMatch')}</p>
          {rows.length > 0 && (
            <button type="button" onClick={() => set({ query: '', owner: 'all', category: '', accountType: '', lifecycle: '' })}>
              {t('empty.resetFilters')}
            </button>
          )}
        </div>
      ) : (
        <CustomerTable rows={visible} onOpen={open} />
      )}
    </section>
  );
}
