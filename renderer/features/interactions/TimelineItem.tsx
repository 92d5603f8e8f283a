import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../shared/domain';
import { formatters } from '../../i18n/format';

type Props = {
  item: Interaction;
  /** Team member id → name. */
  people: ReadonlyMap<string, string>;
  /** Contact id → name. */
  contactNames: ReadonlyMap<string, string>;
  /** Shown before the entry, e.g. the account's name in search results. */
  lead?: ReactNode;
};

/** One entry of a history: when, what, who, with whom, what came of it and what was agreed. */
export function TimelineItem({ item: i, people, contactNames, lead }: Props) {
  const { t, i18n } = useTranslation('interactions');
  const fmt = formatters(i18n.language);
  const withWhom = i.contactIds.map((id) => contactNames.get(id)).filter(Boolean).join(', ');
  return (
    <li className={`timeline-item status-${i.status}`}>
      {lead}
      <div className="timeline-head">
        <time className="when" dateTime={i.at}>{fmt.dateTime(i.at)}</time>
        <span className={`what type-${i.type}`}>{t(`common:interactionType.${i.type}`)}</span>
        {i.status === 'cancelled' && <span className="badge muted">{t('status.cancelled')}</span>}
        {i.outcome && <span className={`outcome ${i.outcome}`}>{t(`common:outcome.${i.outcome}`)}</span>}
        {i.complaint && (
          <span className={`badge complaint-${i.complaint.status}`}>{t(`common:complaintStatus.${i.complaint.status}`)}</span>
        )}
        <span className="muted">
          {people.get(i.userId) ?? t('common:unknownMember')}
          {withWhom && ` · ${t('with', { names: withWhom })}`}
          {i.durationMin !== undefined && ` · ${t('minutes', { count: i.durationMin })}`}
        </span>
      </div>
      <div className="subject">{i.subject}</div>
      {i.summary && <p className="summary">{i.summary}</p>}
      {(i.nextStep || i.followUpDate) && (
        <p className="next">
          {i.nextStep && t('nextStep', { step: i.nextStep })}
          {i.followUpDate && ` ${t('followUp', { date: fmt.date(i.followUpDate) })}`}
        </p>
      )}
      {i.complaint?.resolution && <p className="muted">{t('resolution', { text: i.complaint.resolution })}</p>}
      {i.movedFrom && i.movedFrom.length > 0 && (
        <p className="muted">{t('movedFrom', { dates: i.movedFrom.map((d) => fmt.dateTime(d)).join(', ') })}</p>
      )}
    </li>
  );
}
