import { useTranslation } from 'react-i18next';
import { useRouter } from '../../core/router';
import { getAccount, listContactsOf } from '../../db/accounts/accounts';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { AccountHeader } from './AccountHeader';
import { ContactsPanel } from './ContactsPanel';
import { HistoryPanel } from './HistoryPanel';
import { PipelinePanel } from './PipelinePanel';
import { RhythmOverride } from '../rhythm';
import { AccountActions, ComplaintsPanel } from '../interactions';
import { AccountPlace } from '../places';

/** The 360° view of one account: who they are, who to talk to, what happened, what is open. */
export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation('account');
  const navigate = useRouter((s) => s.navigate);
  const account = useLive(() => getAccount(accountId), [accountId]);
  const contacts = useLive(() => listContactsOf(accountId), [accountId]);
  const team = useLive(listTeam) ?? [];

  if (account === undefined && contacts === undefined) return <p role="status">{t('common:loading')}</p>;
  if (!account || account.deletedAt !== undefined) {
    return (
      <div className="empty-state">
        <p>{t('notFound')}</p>
        <button type="button" onClick={() => navigate({ page: 'customers' })}>
          {t('backToList')}
        </button>
      </div>
    );
  }
  const owner = team.find((m) => m.id === account.ownerId);
  return (
    <article className="account" aria-labelledby="account-title">
      <AccountHeader account={account} ownerName={owner?.name ?? t('common:unknownMember')} />
      <AccountPlace account={account} />
      <AccountActions accountId={account.id} />
      <div className="account-grid">
        <ContactsPanel accountId={account.id} contacts={contacts ?? []} />
        <HistoryPanel accountId={account.id} contacts={contacts ?? []} />
        <ComplaintsPanel accountId={account.id} />
        <PipelinePanel accountId={account.id} />
        <RhythmOverride key={account.id} account={account} />
      </div>
    </article>
  );
}
