import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMenuCommand } from '../../core/commands';
import { useRouter } from '../../core/router';
import { useSession } from '../../core/session';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { NewAccountDialog } from '../account-form';
import { CustomerResults } from './CustomerResults';
import { CustomerToolbar } from './CustomerToolbar';
import { showListLink, useCustomerFilters } from './filters';
import { TrashView } from './TrashView';
import { useCustomerRows } from './useCustomerRows';
import { useListState } from './useListState';
import { ViewBar } from './ViewBar';

/** The customer base: search, filter and sort all accounts; open one with a click or Enter. */
export function CustomersPage() {
  const { t } = useTranslation('customers');
  const selfId = useSession((s) => s.selfId);
  const navigate = useRouter((s) => s.navigate);
  // Opened from a figure (Today's coverage: #/customers?owner=me&due=uncovered): show exactly what it counts.
  const link = useRouter((s) => ('list' in s.route ? s.route.list : undefined));
  useLayoutEffect(() => {
    if (link) showListLink(link);
  }, [link]);
  // Only the owner filter matters here (which first page to paint); the rest is CustomerResults' business.
  const ownerFilter = useCustomerFilters((s) => s.filters.owner);
  // The shell sets selfId after this page's first render: until then "my accounts" is nobody's yet.
  const owner = ownerFilter === 'me' ? selfId || undefined : ownerFilter === 'all' ? null : ownerFilter;
  const { rows, ready } = useCustomerRows(owner);
  const [list, setList] = useListState();
  const teamRows = useLive(listTeam);
  const team = useMemo(() => teamRows ?? [], [teamRows]);
  const ownerNames = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  const { countries, tags } = useMemo(() => (ready && rows ? facets(rows) : NO_FACETS), [rows, ready]);
  const [view, setView] = useState<'list' | 'trash'>('list');
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // From another page these commands open this one first and run once it has mounted (core/commands).
  useMenuCommand('new-account', () => setCreating(true));
  useMenuCommand('find', () => {
    setView('list');
    // The list view's search box is there after the next paint.
    requestAnimationFrame(() => {
      searchRef.current?.focus();
      searchRef.current?.select();
    });
  });

  const open = (id: string) => navigate({ page: 'account', accountId: id });

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
          <div className="list-bar">
            <CustomerToolbar team={team} countries={countries} tags={tags} searchRef={searchRef} />
            <ViewBar list={list} onList={setList} />
          </div>
          <CustomerResults rows={rows} ready={ready} list={list} onList={setList} ownerNames={ownerNames} onOpen={open} />
        </>
      )}
      {creating && <NewAccountDialog onClose={() => setCreating(false)} onCreated={open} />}
    </section>
  );
}

type Facets = { countries: string[]; tags: string[] };
const NO_FACETS: Facets = { countries: [], tags: [] };
/** Per loaded rows array: coming back to the page must not walk 100k rows again (>100 ms on a busy laptop). */
const facetCache = new WeakMap<readonly object[], Facets>();

function facets(rows: readonly { country: string; tags: string[] }[]): Facets {
  if (rows.length === 0) return NO_FACETS;
  const cached = facetCache.get(rows);
  if (cached) return cached;
  const countries = new Set<string>();
  const tags = new Set<string>();
  for (const r of rows) {
    countries.add(r.country);
    for (const tag of r.tags) tags.add(tag);
  }
  const result = { countries: [...countries].filter(Boolean).sort(), tags: [...tags].sort((a, b) => a.localeCompare(b, 'de')) };
  facetCache.set(rows, result);
  return result;
}
