import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Id, IsoDate } from '../../../shared/domain';
import { searchRepAccounts } from '../../db/planning/load';

type Props = { rep: Id; days: { date: IsoDate; label: string }[]; onAdd: (account: Account, date: IsoDate) => void };

/** Adds an account of the rep to a day: type part of the name, postal code or city, pick, add. */
export function AddEntry({ rep, days, onAdd }: Props) {
  const { t } = useTranslation('plan');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Account[]>([]);
  const [day, setDay] = useState<IsoDate | undefined>(days[0]?.date);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => void searchRepAccounts(rep, query).then((rows) => !cancelled && setHits(rows)), 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [rep, query]);

  const chosenDay = days.find((d) => d.date === day)?.date ?? days[0]?.date;
  return (
    <section className="panel no-print add-entry" aria-labelledby="add-entry-title">
      <h2 id="add-entry-title">{t('addTitle')}</h2>
      <div className="inline-form">
        <label className="field grow">
          <span>{t('addSearch')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('addPlaceholder')} />
        </label>
        <label className="field">
          <span>{t('addDay')}</span>
          <select value={chosenDay ?? ''} onChange={(e) => setDay(days.find((d) => d.date === e.target.value)?.date)}>
            {days.map((d) => (
              <option key={d.date} value={d.date}>{d.label}</option>
            ))}
          </select>
        </label>
      </div>
      {query.trim() !== '' && hits.length === 0 && <p className="muted">{t('addNoHits')}</p>}
      {hits.length > 0 && (
        <ul className="plain-list">
          {hits.map((a) => (
            <li key={a.id}>
              <button type="button" onClick={() => { if (chosenDay) onAdd(a, chosenDay); setQuery(''); }} aria-label={t('addFor', { name: a.name })}>
                {t('addButton')}
              </button>{' '}
              {a.name} <span className="muted">{a.postalCode} {a.city}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
