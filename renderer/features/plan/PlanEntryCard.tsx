import { IsolatedParts } from '../../components/Isolated';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../shared/domain';
import { nextBirthday } from '../../../shared/planning/birthday';
import type { ScheduledVisit } from '../../../shared/planning/week-plan-visits';
import type { PlanAccountDetails } from '../../db/planning/load';
import { formatters } from '../../i18n/format';

type Props = {
  /** The visit as scheduleOf reads it: the same stop number and time as the .ics. */
  visit: ScheduledVisit;
  details: PlanAccountDetails | undefined;
  monday: IsoDate;
  /** Neighbouring working days (for the move buttons), null at the week's edge. */
  earlier: { date: IsoDate; label: string } | null;
  later: { date: IsoDate; label: string } | null;
  onMove: (to: IsoDate, focus: string) => void;
  onDrop: () => void;
};

const MAX_SUMMARY = 180;

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SUMMARY ? `${flat.slice(0, MAX_SUMMARY - 1)}…` : flat;
}

/** One visit of the plan with the short briefing that goes on paper: address, people, history, open items. */
export function PlanEntryCard({ visit, details, monday, earlier, later, onMove, onDrop }: Props) {
  const { t, i18n } = useTranslation('plan');
  const fmt = formatters(i18n.language);
  const { entry } = visit;
  const a = details?.account;
  const name = a?.name ?? entry.accountId;
  const reason = entry.manual ? 'manual' : entry.reason;
  const birthdays = (details?.contacts ?? []).flatMap((c) => {
    const next = c.birthday ? nextBirthday(c.birthday, monday) : null;
    return next && next.daysUntil <= 6 ? [{ c, next }] : [];
  });
  const last = details?.last;
  return (
    <li className="plan-entry" data-account={entry.accountId}>
      <div className="plan-entry-head">
        <h4>
          <span className="stop">{visit.stop}.</span>
          <span className={visit.start ? 'when' : 'when untimed'}>
            {visit.start && visit.end ? t('timeSpan', { start: visit.start, end: visit.end }) : t('noTime')}
          </span>
          <a href={`#/account/${encodeURIComponent(entry.accountId)}`}>{name}</a>
          {a && <span className={`badge cat-${a.category}`}>{a.category}</span>}
        </h4>
        <span className={`plan-reason reason-${reason}`}>{t(`reason.${reason}`, { count: entry.daysOverdue ?? 0 })}</span>
      </div>
      {(entry.driveKm !== undefined && entry.driveMinutes !== undefined) || entry.waitMinutes ? (
        <p className="plan-line drive">
          {[
            entry.driveKm !== undefined && entry.driveMinutes !== undefined ? t('driveTo', { km: fmt.km(entry.driveKm), time: fmt.duration(entry.driveMinutes) }) : '',
            entry.waitMinutes ? t('wait', { time: fmt.duration(entry.waitMinutes) }) : '',
          ].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      {a && (
        <p className="plan-line">
          <IsolatedParts parts={[a.street, `${a.postalCode} ${a.city}`.trim()]} separator=", " />
          {a.phone && <> · {t('phone')} {a.phone}</>}
        </p>
      )}
      {details && details.contacts.length > 0 && (
        <p className="plan-line">
          <strong>{t('contacts')}:</strong>{' '}
          {details.contacts
            .slice(0, 3)
            .map((c) => [`${c.title} ${c.firstName} ${c.lastName}`.replace(/\s+/g, ' ').trim(), c.position, c.mobile || c.phone].filter(Boolean).join(', '))
            .join(' · ')}
        </p>
      )}
      <p className="plan-line">
        <strong>{t('lastContact')}:</strong>{' '}
        {last
          ? [fmt.date(last.at), t(`common:interactionType.${last.type}`), last.outcome ? t(`common:outcome.${last.outcome}`) : '', short(last.summary || last.subject)]
              .filter(Boolean)
              .join(' – ')
          : t('never')}
      </p>
      {details?.nextStep && (
        <p className="plan-line">
          <strong>{t('nextStep')}:</strong> {short(details.nextStep.nextStep || details.nextStep.subject)}
          {details.nextStep.followUpDate && ` (${t('followUpOn', { date: fmt.date(details.nextStep.followUpDate) })})`}
        </p>
      )}
      {details?.openComplaints.map((c) => (
        <p key={c.id} className="plan-line warn">
          <strong>{t('openComplaint')}:</strong> {short(c.subject)} ({t(`common:complaintStatus.${c.complaint?.status ?? 'open'}`)}, {fmt.date(c.at)})
        </p>
      ))}
      {details?.openOffers.map((d) => (
        <p key={d.id} className="plan-line">
          <strong>{t('openOffer')}:</strong> {d.title} ({fmt.currency(d.value)}, {t(`common:dealStage.${d.stage}`)})
        </p>
      ))}
      {birthdays.map(({ c, next }) => (
        <p key={c.id} className="plan-line birthday">
          <strong>{t('birthday')}:</strong> {`${c.firstName} ${c.lastName}`.trim()}, {fmt.date(next.date)}
          {next.age !== undefined && ` (${t('age', { age: next.age })})`}
        </p>
      ))}
      <div className="row-actions no-print">
        {earlier && (
          <button type="button" data-focus={`${entry.accountId}:earlier`} onClick={() => onMove(earlier.date, `${entry.accountId}:earlier`)}
            aria-label={t('moveToFor', { day: earlier.label, name })}>
            ← {earlier.label}
          </button>
        )}
        {later && (
          <button type="button" data-focus={`${entry.accountId}:later`} onClick={() => onMove(later.date, `${entry.accountId}:later`)}
            aria-label={t('moveToFor', { day: later.label, name })}>
            {later.label} →
          </button>
        )}
        <button type="button" className="danger" onClick={onDrop} aria-label={t('dropFor', { name })}>
          {t('drop')}
        </button>
      </div>
    </li>
  );
}
