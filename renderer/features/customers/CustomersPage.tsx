import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePendingCommand } from '../../app/commands';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { useLive } from '../../db/live';
import { listTeam } from '../../db/team';
import { formatters } from '../../i18n/format';
import { NewAccountDialog } from '../account-form/NewAccountDialog';
import { CustomerTable } from './CustomerTable';
import { CustomerToolbar } from './CustomerToolbar';
import { applyFilters, sortRows, useCustomerFilters } from './filters';
import { TrashView } from './TrashView';
import { useCustomerRows } from './useCustomerRows';
import { useListState } from './useListState';
import { ViewBar } from './ViewBar';

/** The customer base: search, filter and sort all accounts; open one with a click or Enter. */
export function CustomersPage() {
  const { t, i18n } = useTranslation('customers');
  const fmt = formatters(i18n.language);
  const selfId = useSession((s) => s.selfId);
  const navigate = useRouter((s) => s.navigate);
  const { filters, reset } = useCustomerFilters();
  const owner = filters.owner === 'me' ? selfId : filters.owner === 'all' ? null : filters.owner;
  const { rows, ready } = useCustomerRows(owner);
  const [list, setList] = useListState();
  const teamRows = useLive(listTeam);
  const team = useMemo(() => teamRows ?? [], [teamRows]);
  const ownerNames = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  const sorted = useMemo(() => sortRows(rows ?? [], list.sort, ownerNames), [rows, list.sort, ownerNames]);
  const visible = useMemo(() => applyFilters(sorted, filters, selfId), [sorted, filters, selfId]);
  const { countries, tags } = useMemo(() => facets(ready ? (rows ?? []) : []), [rows, ready]);
  const [view, setView] = useState<'list' | 'trash'>('list');
  // A command posted before this page mounted (Ctrl+N from another page) is picked up here.
  const [creating, setCreating] = useState(() => usePendingCommand.getState().command === 'new-account');
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const focusSearch = () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    const pending = usePendingCommand.getState();
    if (pending.command === 'find') focusSearch();
    if (pending.command === 'find' || pending.command === 'new-account') pending.clear();
    return usePendingCommand.subscribe((state, prev) => {
      if (state.seq === prev.seq) return;
      if (state.command === 'find') {
        setView('list');
        requestAnimationFrame(focusSearch);
      } else if (state.command === 'new-account') setCreating(true);
      else return;
      state.clear();
    });
  }, []);

  const open = (id: string) => navigate({ page: 'account', accountId: id });
  const status = !ready ? t('indexLoading') : t('count', { count: visible.length, formatted: fmt.number(visible.length) });

  return (
    <section className="customers" aria-labelledby="customers-title">
      <header className="page-header title-row">
        <h1 id="customers-title">{view === 'trash' ? t('trash.title') : t('title')}</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setCreating(true)} aria-keyshortcuts="Control+N">
            {t('newAccount')}
          </button>
          <button type="button" onClick={() => navigate({ page: 'importExport' })}>
            {t('import-export:importButton')}
          </button>
          <button type="button" aria-pressed={view === 'trash'} onClick={() => setView(view === 'trash' ? 'list' : 'trash')}>
            {view === 'trash' ? t('trash.back') : t('trash.open')}
          </button>
        </div>
      </header>
      {view === 'trash' ? (
        <TrashView />
      ) : (
        <>
          <CustomerToolbar team={team} countries={countries} tags={tags} searchRef={searchRef} />
          <ViewBar list={list} onList={setList} />
          <p className="count" role="status" aria-live="polite">
            {status}
          </p>
          {ready && visible.length === 0 ? (
            <div className="empty-state">
              <p>{rows?.length === 0 ? t('empty.noAccounts') : t('empty.noMatch')}</p>
              {(rows?.length ?? 0) > 0 && (
                <button type="button" onClick={reset}>
                  {t('empty.resetFilters')}
                </button>
              )}
            </div>
          ) : (
            <CustomerTable
              rows={visible}
              sort={list.sort}
              onSort={(sort) => setList({ sort })}
              columnVisibility={list.columns}
              ownerNames={ownerNames}
              onOpen={open}
            />
          )}
        </>
      )}
      {creating && <NewAccountDialog onClose={() => setCreating(false)} onCreated={open} />}
    </section>
  );
}

function facets(rows: { country: string; tags: string[] }[]): { countries: string[]; tags: string[] } {
  const countries = new Set<string>();
  const tags = new Set<string>();
  for (const r of rows) {
    countries.add(r.country);
    for (const tag of r.tags) tags.add(tag);
  }
  return { countries: [...countries].filter(Boolean).sort(), tags: [...tags].sort((a, b) => a.localeCompare(b, 'de')) };
}
