import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { findDuplicateAccounts } from '../../db/accounts/duplicates';

type Props = { name: string; postalCode: string; customerNumber: string; exceptId?: string };

/** Warns while typing when the account seems to exist already, with a link to it. */
export function DuplicateWarning({ name, postalCode, customerNumber, exceptId }: Props) {
  const { t } = useTranslation('account-form');
  const [found, setFound] = useState<Account[]>([]);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      findDuplicateAccounts({ name, postalCode, customerNumber }, exceptId)
        .then((rows) => !cancelled && setFound(rows))
        .catch(() => undefined);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [name, postalCode, customerNumber, exceptId]);
  return (
    <div role="status" aria-live="polite" className={found.length > 0 ? 'duplicate-warning' : undefined}>
      {found.length > 0 && (
        <>
          <strong>{t('duplicate.title')}</strong>
          <ul>
            {found.map((a) => (
              <li key={a.id}>
                {t('duplicate.exists', { name: a.name, place: `${a.postalCode} ${a.city}`.trim() })}{' '}
                <a href={`#/account/${encodeURIComponent(a.id)}`} target="_self">
                  {t('duplicate.open')}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
