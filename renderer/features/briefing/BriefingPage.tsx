import { IsolatedParts } from '../../components/Isolated';
import { useTranslation } from 'react-i18next';
import { contactState, rhythmTable } from '../../../shared/planning/rhythm';
import { getBridge } from '../../bridge';
import { useMenuCommand } from '../../core/commands';
import { useRouter } from '../../core/router';
import { todayIso } from '../../../shared/time/today';
import { loadBriefing } from '../../db/accounts/briefing';
import { useLive } from '../../db/core/live';
import { formatters } from '../../i18n/format';
import { useLogDialog, OpenComplaintBadge } from '../interactions';
import { ComplaintsSection, ContactsSection, NextStepsSection, OffersSection, RecentSection, RhythmSection } from './BriefingSections';
import './briefing.css';

/**
 * One screen per account for the car park before a visit; printed, the same page is the A4
 * customer sheet (briefing.css holds the print layout).
 */
export function BriefingPage({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation('briefing');
  const fmt = formatters(i18n.language);
  const navigate = useRouter((s) => s.navigate);
  const openLog = useLogDialog((s) => s.open);
  const data = useLive(() => loadBriefing(accountId), [accountId]);
  const today = todayIso();

  const print = () => {
    const name = data?.account.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') ?? 'kunde';
    void getBridge().printToPdf({ suggestedName: `${t('fileName')}-${name}-${today}.pdf`, landscape: false });
  };

  // Ctrl+P / the menu's Print prints the customer sheet while the briefing is open.
  useMenuCommand('print', print);

  if (data === undefined) return <p role="status">{t('common:loading')}</p>;
  if (data === null) {
    return (
      <div className="empty-state">
        <p>{t('notFound')}</p>
        <button type="button" onClick={() => navigate({ page: 'customers' })}>{t('toCustomers')}</button>
      </div>
    );
  }
  const { account } = data;
  const people = new Map(data.team.map((m) => [m.id, m.name]));
  const contacts = new Map(data.contacts.map((c) => [c.id, `${c.firstName} ${c.lastName}`.trim()]));
  const names = { people, contacts };
  const state = contactState(account, rhythmTable(data.segmentRules), today);
  return (
    <article className="briefing" aria-labelledby="briefing-title">
      <header className="page-header briefing-header">
        <div className="row-actions no-print">
          <button type="button" className="link" onClick={() => navigate({ page: 'account', accountId })}>← {t('toAccount')}</button>
          <button type="button" className="primary" onClick={print} aria-keyshortcuts="Control+P">{t('print')}</button>
          <button type="button" onClick={() => openLog({ accountId })} aria-keyshortcuts="Control+L">{t('log')}</button>
        </div>
        <p className="sheet-kicker">{t('kicker', { date: fmt.date(today) })}</p>
        <h1 id="briefing-title">{account.name}</h1>
        <ul className="badges" aria-label={t('segment')}>
          <li className={`badge cat-${account.category}`}>{t('category', { category: account.category })}</li>
          <li className="badge">{t(`common:accountType.${account.accountType}`)}</li>
          <li className="badge">{t(`common:lifecycle.${account.lifecycle}`)}</li>
          <li><OpenComplaintBadge accountId={account.id} /></li>
        </ul>
        <p className="address">
          <IsolatedParts parts={[account.street, `${account.postalCode} ${account.city}`.trim(), account.phone]} separator=" · " />
          {' · '}
          {t('owner', { name: people.get(account.ownerId) ?? t('common:unknownMember') })}
          {account.customerNumber && ` · ${t('customerNumber', { number: account.customerNumber })}`}
        </p>
      </header>
      {account.notes && (
        <section className="brief-section notes-section" aria-labelledby="brief-notes">
          <h2 id="brief-notes">{t('notes')}</h2>
          <p className="notes">{account.notes}</p>
        </section>
      )}
      <div className="briefing-grid">
        <RhythmSection state={state} last={{ human: account.lastHumanContactAt, digital: account.lastDigitalContactAt }} />
        <ComplaintsSection items={data.openComplaints} names={names} />
        <NextStepsSection items={data.nextSteps} planned={data.planned} names={names} />
        <OffersSection deals={data.openDeals} />
        <ContactsSection contacts={data.contacts} today={today} />
        <RecentSection items={data.recent} names={names} />
      </div>
    </article>
  );
}
