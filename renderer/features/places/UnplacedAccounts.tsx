import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Id } from '../../../shared/domain';
import { placeOf } from '../../../shared/geo/place-of';
import { useLive } from '../../db/core/live';
import { listRepAccountsToPlace } from '../../db/accounts/places';
import { PlaceDialog } from './PlaceDialog';
import { usePlaces } from './use-places';
import './places.css';

/** How many rows show before "show all": a first import can leave hundreds unplaced. */
const FIRST = 20;

/**
 * The rep's accounts that the week plan cannot place (unknown postcode and town), each with a way to fix it
 * by choosing the town. Shows nothing while all are placed.
 */
export function UnplacedAccounts({ rep }: { rep: Id }) {
  const { t } = useTranslation('places');
  const places = usePlaces();
  const accounts = useLive(() => listRepAccountsToPlace(rep), [rep]);
  const [fixing, setFixing] = useState<Account>();
  const [all, setAll] = useState(false);
  const unplaced = useMemo(
    () => (places && accounts ? accounts.filter((a) => !placeOf(a, places.geocode)).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [places, accounts],
  );
  if (unplaced.length === 0) return null;
  const shown = all ? unplaced : unplaced.slice(0, FIRST);
  return (
    <section className="panel no-print unplaced-accounts" aria-labelledby="unplaced-title">
      <h2 id="unplaced-title">{t('unplaced.title', { count: unplaced.length })}</h2>
      <p className="hint">{t('unplaced.lead')}</p>
      <ul className="plain-list">
        {shown.map((a) => (
          <li key={a.id}>
            <a href={`#/account/${encodeURIComponent(a.id)}`}>{a.name}</a>{' '}
            <span className="muted">{[a.postalCode, a.city].filter(Boolean).join(' ') || t('unplaced.noAddress')}</span>{' '}
            <button type="button" onClick={() => setFixing(a)} aria-label={t('unplaced.fixFor', { name: a.name })}>
              {t('unplaced.fix')}
            </button>
          </li>
        ))}
      </ul>
      {!all && unplaced.length > FIRST && (
        <button type="button" className="link" onClick={() => setAll(true)}>{t('unplaced.showAll', { count: unplaced.length })}</button>
      )}
      {fixing && <PlaceDialog account={fixing} onClose={() => setFixing(undefined)} />}
    </section>
  );
}
