import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { manualPlace } from '../../../shared/geo/place-of';
import { setAccountPlace } from '../../db/accounts/account-writes';
import { usePlaces } from './use-places';

/** Choose the town of an account whose address could not be placed: search the table's towns, pick one. */
export function PlaceDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation('places');
  const ref = useRef<HTMLDialogElement>(null);
  const places = usePlaces();
  const [query, setQuery] = useState(account.city);
  const hits = places ? places.searchTowns(query, 12) : [];

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const choose = async (index: number) => {
    const town = hits.find((h) => h.index === index);
    if (!town) return;
    await setAccountPlace(account.id, manualPlace(town));
    onClose();
  };
  const clear = async () => {
    await setAccountPlace(account.id, undefined);
    onClose();
  };

  return (
    <dialog ref={ref} className="dialog place-dialog" aria-labelledby="place-title" onCancel={onClose}>
      <h2 id="place-title">{t('dialog.title', { name: account.name })}</h2>
      <p className="hint">{t('dialog.address', { address: [account.postalCode, account.city, account.country].filter(Boolean).join(' ') || '—' })}</p>
      <label className="field">
        <span>{t('dialog.search')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus placeholder={t('dialog.placeholder')} />
      </label>
      {!places && <p role="status">{t('common:loading')}</p>}
      {places && query.trim() !== '' && hits.length === 0 && <p className="muted">{t('dialog.noHits')}</p>}
      <ul className="plain-list place-hits">
        {hits.map((town) => (
          <li key={town.index}>
            <button type="button" onClick={() => void choose(town.index)}>
              {town.name} <span className="muted">{[town.state && t('dialog.state', { state: town.state }), town.country].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        {account.place && <button type="button" onClick={() => void clear()}>{t('dialog.clear')}</button>}
        <button type="button" onClick={onClose}>{t('common:action.cancel')}</button>
      </div>
    </dialog>
  );
}
