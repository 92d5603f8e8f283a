import { useTranslation } from 'react-i18next';
import { useFirstScreen } from '../../core/first-screen';
import { useRouter } from '../../core/router';
import { useSession } from '../../core/session';
import { todayIso } from '../../../shared/time/today';
import { listOpenComplaints, listPlanned } from '../../db/history/interactions';
import { useLive } from '../../db/core/live';
import { getDb } from '../../db/core/db';
import { formatters } from '../../i18n/format';
import { HistorySearchPanel, MeetingStatsPanel } from '../interactions';
import { ReminderInbox } from '../reminders';
import { ComplaintsToday } from './ComplaintsToday';
import { CoveragePanel } from './CoveragePanel';

function dayBounds(): [string, string] {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return [start.toISOString(), end.toISOString()];
}

/** The rep's morning screen: today's appointments and what is waiting on them. */
export function TodayPage() {
  const { t, i18n } = useTranslation('today');
  const fmt = formatters(i18n.language);
  const selfId = useSession((s) => s.selfId);
  const navigate = useRouter((s) => s.navigate);
  const me = useLive(() => getDb().teamMembers.get(selfId), [selfId]);
  const appointments = useLive(() => {
    const [from, to] = dayBounds();
    return listPlanned(from, to, selfId);
  }, [selfId]);
  const complaints = useLive(listOpenComplaints);
  // Today's appointments on screen: start-up work that waits for the first screen may begin.
  useFirstScreen(appointments !== undefined);
  const accountNames = useLive(async () => {
    const ids = [...(appointments ?? []), ...(complaints ?? [])].map((i) => i.accountId);
    const rows = await getDb().accounts.bulkGet(ids);
    return new Map(rows.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  }, [appointments, complaints]);
  const name = (id: string) => accountNames?.get(id) ?? '';

  return (
    <section aria-labelledby="today-title">
      <header className="page-header">
        <h1 id="today-title">{t('title', { date: fmt.date(todayIso()) })}</h1>
        {me && <p className="lead">{t('greeting', { name: me.name })}</p>}
      </header>
      <div className="account-grid">
        <ReminderInbox />
        <section className="panel" aria-labelledby="appointments-title">
          <h2 id="appointments-title">{t('appointments')}</h2>
          {appointments && appointments.length > 0 ? (
            <ul className="plain-list">
              {appointments.map((a) => (
                <li key={a.id}>
                  <span className="when">{fmt.time(a.at)}</span>{' '}
                  <button type="button" className="link" onClick={() => navigate({ page: 'account', accountId: a.accountId })}>
                    {name(a.accountId)}
                  </button>{' '}
                  <span className="muted">{a.subject || t(`common:interactionType.${a.type}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty-state">{t('noAppointments')}</p>
          )}
        </section>
        <ComplaintsToday complaints={complaints} name={name} />
        {selfId && <CoveragePanel selfId={selfId} isLead={me?.role === 'lead'} />}
        <HistorySearchPanel />
        <MeetingStatsPanel />
      </div>
    </section>
  );
}
