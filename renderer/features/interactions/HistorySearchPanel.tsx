import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { namesFor, searchHistory, type HistoryHit } from '../../db/history-search';
import { useLive } from '../../db/live';
import { listTeam } from '../../db/team';
import { formatters } from '../../i18n/format';
import { TimelineItem } from './TimelineItem';

const DEBOUNCE_MS = 250;

type State = { query: string; hits: HistoryHit[]; scannedTo?: string; busy: boolean };

/** "When did we meet Ivanov S. V.?": searches contact names and the texts of the whole history. */
export function HistorySearchPanel() {
  const { t, i18n } = useTranslation('interactions');
  const fmt = formatters(i18n.language);
  const navigate = useRouter((s) => s.navigate);
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ query: '', hits: [], busy: false });
  const team = useLive(listTeam) ?? [];
  const people = new Map(team.map((m) => [m.id, m.name]));
  const names = useLive(() => namesFor(state.hits.map((h) => h.interaction)), [state.hits]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, busy: true }));
      void searchHistory(q).then((r) => {
        if (live) setState({ query: q, hits: r.hits, scannedTo: r.scannedTo, busy: false });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const searchFurther = async () => {
    if (!state.scannedTo) return;
    setState((s) => ({ ...s, busy: true }));
    const more = await searchHistory(state.query, { before: state.scannedTo });
    const seen = new Set(state.hits.map((h) => h.interaction.id));
    setState((s) => ({
      ...s,
      hits: [...s.hits, ...more.hits.filter((h) => !seen.has(h.interaction.id))],
      scannedTo: more.scannedTo,
      busy: false,
    }));
  };

  const q = query.trim();
  const hits = state.query === q && q.length >= 2 ? state.hits : [];
  return (
    <section className="panel wide history-search" aria-labelledby="history-search-title">
      <h2 id="history-search-title">{t('search.title')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('search.label')}</label>
        <input id={inputId} type="search" value={query} placeholder={t('search.placeholder')} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="hint" role="status" aria-live="polite">
        {q.length < 2
          ? t('search.hint')
          : state.busy
            ? t('search.busy')
            : state.query === q
              ? t('search.count', { count: state.hits.length })
              : ''}
      </p>
      {hits.length > 0 && (
        <ol className="timeline" aria-label={t('search.results')}>
          {hits.map(({ interaction: i }) => (
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
      {state.query === q && q.length >= 2 && state.scannedTo && !state.busy && (
        <p className="hint">
          {t('search.scannedTo', { date: fmt.date(state.scannedTo) })}{' '}
          <button type="button" onClick={() => void searchFurther()}>{t('search.further')}</button>
        </p>
      )}
    </section>
  );
}
