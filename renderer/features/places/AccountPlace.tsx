import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { placeOf } from '../../../shared/geo/place-of';
import { PlaceDialog } from './PlaceDialog';
import { usePlaces } from './use-places';
import './places.css';

/** One line on the account page: where the week plan puts this account, and a way to choose the town. */
export function AccountPlace({ account }: { account: Account }) {
  const { t } = useTranslation('places');
  const places = usePlaces();
  const [open, setOpen] = useState(false);
  if (!places) return null;
  const place = placeOf(account, places.geocode);
  return (
    <p className="account-place">
      {place ? (
        <>
          {t(place.precision === 'manual' ? 'account.manual' : 'account.placed', { label: place.label })}{' '}
          {place.precision === 'manual' && <button type="button" className="link" onClick={() => setOpen(true)}>{t('account.change')}</button>}
        </>
      ) : (
        <>
          {t('account.unplaced')}{' '}
          <button type="button" className="link" onClick={() => setOpen(true)}>{t('account.choose')}</button>
        </>
      )}
      {open && <PlaceDialog account={account} onClose={() => setOpen(false)} />}
    </p>
  );
}
