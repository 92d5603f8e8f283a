import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { useRouter } from '../../core/router';
import { updateAccount } from '../../db/accounts/account-writes';
import { formatters } from '../../i18n/format';
import { AccountForm, valuesOf } from '../account-form';
import { AccountToolbar } from './AccountToolbar';
import { IsolatedParts } from '../../components/Isolated';
import { DueBadge } from '../rhythm';
import { LeadScoreBadge } from '../pipeline';

/** Who the account is, at a glance; "Edit" turns the header into the account form in place. */
export function AccountHeader({ account, ownerName }: { account: Account; ownerName: string }) {
  const { t, i18n } = useTranslation('account');
  const fmt = formatters(i18n.language);
  const navigate = useRouter((s) => s.navigate);
  const [editing, setEditing] = useState(false);
  const none = t('common:none');
  const addressParts = [account.street, `${account.postalCode} ${account.city}`.trim(), account.country !== 'DE' ? account.country : ''];
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
        <li><DueBadge account={account} /></li>
        <li><LeadScoreBadge account={account} /></li>
        {account.archived && <li className="badge muted">{t('archived')}</li>}
        {account.tags.map((tag) => (
          <li key={tag} className="badge muted">
            {tag}
          </li>
        ))}
      </ul>
      {editing ? (
        <section className="panel" aria-label={t('editTitle')}>
          <AccountForm
            initial={valuesOf(account, i18n.language)}
            accountId={account.id}
            submitLabel={t('common:action.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (input) => {
              const result = await updateAccount(account.id, input);
              if (!result.ok) return result.errors;
              setEditing(false);
              return undefined;
            }}
          />
        </section>
      ) : (
        <>
          <AccountToolbar account={account} onEdit={() => setEditing(true)} />
          <dl className="facts">
            <Fact label={t('owner')}>{ownerName}</Fact>
            <Fact label={t('customerNumber')}>{account.customerNumber || none}</Fact>
            <Fact label={t('address')}>{addressParts.some(Boolean) ? <IsolatedParts parts={addressParts} separator=", " /> : none}</Fact>
            <Fact label={t('phone')}>{account.phone ? <a href={`tel:${account.phone.replace(/\s/g, '')}`}>{account.phone}</a> : none}</Fact>
            <Fact label={t('email')}>{account.email ? <a href={`mailto:${account.email}`}>{account.email}</a> : none}</Fact>
            <Fact label={t('website')}>{account.website || none}</Fact>
            <Fact label={t('lifecycleSince')}>
              {account.lifecycleDates[account.lifecycle] ? fmt.date(account.lifecycleDates[account.lifecycle] ?? '') : none}
            </Fact>
            {account.lifecycle === 'former' && <Fact label={t('churnReason')}>{account.churnReason || none}</Fact>}
            <Fact label={t('annualRevenue')}>{account.annualRevenue !== undefined ? fmt.currency(account.annualRevenue) : none}</Fact>
            <Fact label={t('productLines')}>{account.productLines.join(', ') || none}</Fact>
            <Fact label={t('lastHumanContact')}>{account.lastHumanContactAt ? fmt.date(account.lastHumanContactAt) : t('neverContacted')}</Fact>
          </dl>
          {account.notes && <p className="notes">{account.notes}</p>}
        </>
      )}
    </header>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
