import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Contact } from '../../../shared/domain';
import { birthdayGreeting, mailtoUrl, type GreetingLang } from '../../../shared/planning/greeting';
import type { Reminder } from '../../../shared/planning/reminders';
import { getBridge } from '../../bridge';
import { useRouter } from '../../core/router';
import { useSession } from '../../core/session';
import type { IsoDate } from '../../../shared/time';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../../shared/time/today';
import { formatters } from '../../i18n/format';
import { useLogDialog } from '../interactions';
import { startOfDayIn, startOfIsoDate, useReminders } from './reminder-store';

type Props = { reminder: Reminder; account?: Account; contact?: Contact; senderName: string };

/** The message of a reminder in the UI language (also used for notifications). */
export function reminderText(t: (key: string, opts?: Record<string, unknown>) => string, r: Reminder, fmtDate: (d: string) => string, contact?: Contact, money?: (v: number) => string): string {
  const p = r.params;
  const days = Number(p.daysOverdue ?? p.days ?? 0);
  switch (r.kind) {
    case 'overdue':
      return t('text.overdue', { count: days, rhythm: t('common:counted.days', { count: Number(p.rhythmDays) }), date: fmtDate(r.dueDate) });
    case 'due':
      return days <= 0 ? t('text.dueToday', { rhythm: t('common:counted.days', { count: Number(p.rhythmDays) }) }) : t('text.due', { count: days, date: fmtDate(r.dueDate) });
    case 'birthday': {
      const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : '';
      const until = Number(p.daysUntil ?? 0);
      const key = until === 0 ? 'text.birthdayToday' : until > 0 ? 'text.birthdayAhead' : 'text.birthdayPast';
      const text = t(key, { name, date: fmtDate(r.dueDate), count: Math.abs(until) });
      return p.age !== undefined ? `${text} ${t('text.age', { age: p.age })}` : text;
    }
    case 'follow_up':
      return t('text.followUp', { subject: p.subject || t('text.noSubject'), date: fmtDate(r.dueDate) });
    case 'offer_no_follow_up':
      return t('text.offer', { title: p.title, value: money ? money(Number(p.value)) : p.value, count: days });
    case 'complaint_open':
      return t('text.complaint', { count: days, status: t(`common:complaintStatus.${p.status}`) });
  }
}

/** One inbox entry: what is due, and done / snooze (1 day, 1 week, a chosen day) / greeting. */
export function ReminderItem({ reminder: r, account, contact, senderName }: Props) {
  const { t, i18n } = useTranslation('reminders');
  const fmt = formatters(i18n.language);
  const navigate = useRouter((s) => s.navigate);
  const { done, snooze, load } = useReminders();
  const selfId = useSession((s) => s.selfId);
  const openLog = useLogDialog((s) => s.open);
  const [day, setDay] = useState<IsoDate | ''>('');
  // A due visit is only really done when the visit is logged: that resets the rhythm. "Erledigt" asks first.
  const isVisit = r.kind === 'overdue' || r.kind === 'due';
  const [asking, setAsking] = useState(false);
  const logVisit = () => {
    openLog({ accountId: r.accountId, type: 'visit' });
    // Once the dialog closes (saved or cancelled) the list is recomputed: a logged visit takes the account off it.
    const stop = useLogDialog.subscribe((s) => {
      if (s.request !== undefined) return;
      stop();
      setAsking(false);
      void load(selfId, true);
    });
  };
  const tomorrow = todayIso(startOfDayIn(1));
  const name = account?.name ?? t('unknownAccount');

  const greet = () => {
    if (!contact || !account) return;
    const lang: GreetingLang = i18n.language === 'en' ? 'en' : 'de';
    const template = { subject: t('greeting.subject'), body: t('greeting.body') };
    const age = typeof r.params.age === 'number' ? r.params.age : undefined;
    const mail = birthdayGreeting(template, contact, account, lang, { ...(age !== undefined ? { age } : {}), sender: senderName });
    void getBridge().openExternal(mailtoUrl(contact.email ? [contact.email] : [], mail.subject, mail.body));
  };

  return (
    <li className={`reminder reminder-${r.kind}`} data-key={r.key}>
      <div className="reminder-main">
        <button type="button" className="link" onClick={() => navigate({ page: 'account', accountId: r.accountId })}>
          {name}
        </button>{' '}
        <span>{reminderText(t, r, fmt.date, contact, fmt.currency)}</span>
      </div>
      <div className="row-actions">
        <button type="button" onClick={() => (isVisit ? setAsking(true) : void done(r.key))} aria-label={t('doneFor', { name })} aria-expanded={isVisit ? asking : undefined}>
          {t('done')}
        </button>
        <details className="snooze">
          <summary aria-label={t('snoozeFor', { name })}>{t('snooze')}</summary>
          <div className="snooze-menu">
            <button type="button" onClick={() => void snooze(r.key, startOfDayIn(1))}>{t('snoozeDay')}</button>
            <button type="button" onClick={() => void snooze(r.key, startOfDayIn(7))}>{t('snoozeWeek')}</button>
            <DateField label={t('snoozeUntil')} min={tomorrow} value={day} onChange={setDay} />
            <button type="button" disabled={!day || day < tomorrow} onClick={() => day && void snooze(r.key, startOfIsoDate(day))}>{t('snoozeApply')}</button>
          </div>
        </details>
        {r.kind === 'birthday' && contact && (
          <button type="button" onClick={greet} title={contact.email || t('noEmail')}>
            {t('greet')}
          </button>
        )}
      </div>
      {isVisit && asking && (
        <div className="reminder-ask" role="group" aria-label={t('askLog', { name })}>
          <span>{t('askLog', { name })}</span>
          <button type="button" className="primary" onClick={logVisit}>{t('logVisit')}</button>
          <button type="button" onClick={() => void done(r.key)}>{t('onlyDone')}</button>
          <button type="button" className="link" onClick={() => setAsking(false)}>{t('common:action.cancel')}</button>
        </div>
      )}
    </li>
  );
}
