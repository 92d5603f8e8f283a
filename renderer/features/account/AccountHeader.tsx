import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { useRouter } from '../../app/router';
import { formatters } from '../../i18n/format';

export function AccountHeader({ account, ownerName }: { account: Account; ownerName: string }) {
  const { t, i18n } = useTranslation('account');
  const fmt = formatters(i18n.language);
  const navigate = useRouter((s) => s.navigate);
  return (
    <header className="page-header account-header">
      <button type="button" className="link" onClick={() => navigate({ page: 'customers' })}>
        ← {t('backToList')}
      </button>
      <h1 id="account-title">{account.name}</h1>
      <ul className="badges" aria-label={t('segment')}>
        <li className={`badge cat-${account.category}`}>{t('categoryBadge', { category: account.category })}</li>
        <li className="badge">{t(`common:accountType.${account.accountType}`)}</li>
        <li className="badge">{t(`common:lifecycle.${account.lifecycle}`)}</li>
        {account.archived && <li className="badge muted">{t('archived')}</li>}
      </ul>
      <dl className="facts">
        <div>
          <dt>{t('owner')}</dt>
          <dd>{ownerName}</dd>
        </div>
        <div>
          <dt>{t('customerNumber')}</dt>
          <dd>{account.customerNumber || t('common:none')}</dd>
        </div>
        <div>
          <dt>{t('address')}</dt>
          <dd>
            {account.street}, {account.postalCode} {account.city}
          </dd>
        </div>
        <div>
          <dt>{t('phone')}</dt>
          <dd>{account.phone ? <a href={`tel:${account.phone.replace(/\s/g, '')}`}>{account.phone}</a> : t('common:none')}</dd>
        </div>
        <div>
          <dt>{t('email')}</dt>
          <dd>{account.email || t('common:none')}</dd>
        </div>
        <div>
          <dt>{t('lastHumanContact')}</dt>
          <dd>{account.lastHumanContactAt ? fmt.date(account.lastHumanContactAt) : t('neverContacted')}</dd>
        </div>
      </dl>
      {account.notes && <p className="notes">{account.notes}</p>}
    </header>
  );
}
