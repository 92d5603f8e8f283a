import { useTranslation } from 'react-i18next';
import { getAccount } from '../../db/accounts/accounts';
import { useLive } from '../../db/core/live';
import { AccountSearch } from './AccountSearch';

/** "Referred by": the account that recommended this one, chosen by search. */
export function ReferralPicker({ value, exceptId, onChange }: { value: string; exceptId?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('account-form');
  const current = useLive(() => (value ? getAccount(value) : undefined), [value]);
  if (value) {
    return (
      <div className="field">
        <span className="label">{t('field.referredByAccountId')}</span>
        <span>
          {current?.name ?? '…'}{' '}
          <button type="button" className="link" onClick={() => onChange('')}>
            {t('removeReferral')}
          </button>
        </span>
      </div>
    );
  }
  return <AccountSearch label={t('field.referredByAccountId')} exceptId={exceptId} onPick={(o) => onChange(o.id)} />;
}
