import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATUSES, type ComplaintStatus, type Interaction, type TeamMember } from '../../../shared/domain';
import { updateComplaint } from '../../db/history/interaction-writes';
import { listComplaintsOf } from '../../db/history/interactions';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { MemberSelect } from '../../components/MemberSelect';
import { formatters } from '../../i18n/format';
import { useLogDialog } from './log-store';
import { ageInDays } from './complaint-age';

function ComplaintRow({ item, team }: { item: Interaction; team: TeamMember[] }) {
  const { t, i18n } = useTranslation('interactions');
  const fmt = formatters(i18n.language);
  const c = item.complaint ?? { status: 'open' as const, ownerId: item.userId, resolution: '' };
  const [resolution, setResolution] = useState(c.resolution);
  const age = ageInDays(item, new Date());
  const base = `complaint-${item.id}`;
  return (
    <li className={`complaint complaint-${c.status}`} aria-labelledby={`${base}-subject`}>
      <div className="timeline-head">
        <strong id={`${base}-subject`}>{item.subject}</strong>
        <span className={`badge complaint-${c.status}`}>{t(`common:complaintStatus.${c.status}`)}</span>
        <span className="muted">
          {fmt.date(item.at)} · {c.status === 'resolved' ? t('resolvedAfter', { count: age }) : t('age', { count: age })}
        </span>
      </div>
      {item.summary && <p className="summary">{item.summary}</p>}
      <div className="inline-form">
        <label className="field">
          <span>{t('field.complaintStatus')}</span>
          <select value={c.status} onChange={(e) => void updateComplaint(item.id, { status: e.target.value as ComplaintStatus, resolution })}>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`common:complaintStatus.${s}`)}</option>
            ))}
          </select>
        </label>
        <MemberSelect label={t('field.complaintOwner')} team={team} value={c.ownerId} onChange={(ownerId) => void updateComplaint(item.id, { ownerId })} />
        <label className="field grow">
          <span>{t('field.resolution')}</span>
          <input
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            onBlur={() => resolution !== c.resolution && void updateComplaint(item.id, { resolution })}
          />
        </label>
      </div>
    </li>
  );
}

/** The account's complaints: unresolved on top with status, owner, resolution and age. */
export function ComplaintsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('interactions');
  const open = useLogDialog((s) => s.open);
  const complaints = useLive(() => listComplaintsOf(accountId), [accountId]);
  const team = useLive(listTeam) ?? [];
  const openCount = (complaints ?? []).filter((c) => c.complaint?.status !== 'resolved').length;
  return (
    <section className="panel" aria-labelledby="complaints-panel-title">
      <div className="panel-head">
        <h2 id="complaints-panel-title">{t('complaints', { count: openCount })}</h2>
        <button type="button" onClick={() => open({ accountId, type: 'complaint' })}>{t('action.newComplaint')}</button>
      </div>
      {complaints === undefined ? (
        <p role="status">{t('common:loading')}</p>
      ) : complaints.length === 0 ? (
        <p className="empty-state">{t('noComplaints')}</p>
      ) : (
        <ul className="plain-list">
          {complaints.map((c) => (
            <ComplaintRow key={`${c.id}-${c.updatedAt}`} item={c} team={team} />
          ))}
        </ul>
      )}
    </section>
  );
}
