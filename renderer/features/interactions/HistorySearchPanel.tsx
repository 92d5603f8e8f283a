import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../core/router';
import { namesFor, searchHistory, type HistorySearchResult } from '../../db/history/search';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { TimelineItem } from './TimelineItem';

const DEBOUNCE_MS = 200;
/** Results per page; "show more" asks for the next page on top (newest first throughout). */
const PAGE = 50;

type State = { query: string; limit: number; result: HistorySearchResult; busy: boolean };

const NONE: HistorySearchResult = { hits: [], hasMore: false };

/** "When did we meet Ivanov S. V.?": searches contact names and the texts of the whole history. */
export function HistorySearchPanel() {
  const { t } = useTranslation('interactions');
  const navigate = useRouter((s) => s.navigate);
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [state, setState] = useState<State>({ query: '', limit: PAGE, result: NONE, busy: false });
  const team = useLive(listTeam) ?? [];
  const people = new Map(team.map((m) => [m.id, m.name]));
  const names = useLive(() => namesFor(state.result.hits), [state.result.hits]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let live = true;
    // A new query starts a new search at once for "show more", after a short pause while typing.
    const timer = setTimeout(
      () => {
        setState((s) => ({ ...s, busy: true }));
        void searchHistory(q, { limit }).then((result) => {
          if (live) setState({ query: q, limit, result, busy: false });
        });
      },
      limit > PAGE ? 0 : DEBOUNCE_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, limit]);

  const q = query.trim();
  const current = state.query === q && q.length >= 2;
  const { hits, hasMore } = current ? state.result : NONE;
  let status = '';
  if (q.length < 2) status = t('search.hint');
  else if (state.busy && !current) status = t('search.busy');
  // Nothing yet but more to look at: only while the search index of an upgraded database is built.
  else if (current && hits.length === 0) status = hasMore ? t('search.notYet') : t('search.none', { query: q });
  else if (current) status = hasMore ? t('search.countMore', { count: hits.length }) : t('search.count', { count: hits.length });
  return (
    <section className="panel wide history-search" aria-labelledby="history-search-title">
      <h2 id="history-search-title">{t('search.title')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('search.label')}</label>
        <input
          id={inputId}
          type="search"
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setLimit(PAGE);
          }}
        />
      </div>
      <p className="hint" role="status" aria-live="polite">
        {status}
      </p>
      {hits.length > 0 && (
        <ol className="timeline" aria-label={t('search.results')}>
          {hits.map((i) => (
            <TimelineItem
              key={i.id}
              item={i}
              people={people}
              contactNames={names?.contacts ?? new Map()}
              lead={
                <button type="button" className="link account-link" onClick={() => navigate({ page: 'account', accountId: i.accountId })}>
                  {names?.accounts.get(i.accountId) ?? '…'}
                </button>
              }
            />
          ))}
        </ol>
      )}
      {current && hasMore && (
        <p>
          <button type="button" disabled={state.busy} onClick={() => setLimit(state.limit + PAGE)}>
            {state.busy ? t('search.busy') : t('search.more')}
          </button>
        </p>
      )}
    </section>
  );
}
