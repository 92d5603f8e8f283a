import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES, type Contact, type InteractionType } from '../../../shared/domain';
import { listContactTimeline, listPlannedOf, listTimeline, type TimelineFilter } from '../../db/history/interactions';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { PlannedList } from './PlannedList';
import { TimelineItem } from './TimelineItem';
import './interactions.css';

const PAGE = 50;

/** The account's history, newest first, paged, with filters by type, team member and contact. */
export function Timeline({ accountId, contacts }: { accountId: string; contacts: Contact[] }) {
  const { t } = useTranslation('interactions');
  const [type, setType] = useState<InteractionType | ''>('');
  const [userId, setUserId] = useState('');
  const [contactId, setContactId] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const filter: TimelineFilter = { ...(type ? { types: [type] } : {}), ...(userId ? { userId } : {}) };
  const page = useLive(
    () => (contactId ? listContactTimeline(contactId, limit, filter) : listTimeline(accountId, limit, filter)),
    [accountId, limit, type, userId, contactId],
  );
  const planned = useLive(() => listPlannedOf(accountId), [accountId]) ?? [];
  const team = useLive(listTeam) ?? [];
  const people = new Map(team.map((m) => [m.id, m.name]));
  const contactNames = new Map(contacts.map((c) => [c.id, `${c.firstName} ${c.lastName}`.trim()]));
  const filtered = type !== '' || userId !== '' || contactId !== '';
  const resetPaging = () => setLimit(PAGE);
  const id = useId();

  return (
    <section className="panel wide history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      <PlannedList items={planned} people={people} />
      <div className="toolbar compact" role="group" aria-label={t('filter.label')}>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('filter.type')}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => { setType(e.target.value as InteractionType | ''); resetPaging(); }}>
            <option value="">{t('filter.allTypes')}</option>
            {INTERACTION_TYPES.map((x) => (
              <option key={x} value={x}>{t(`common:interactionType.${x}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('filter.user')}</label>
          <select id={`${id}-user`} value={userId} onChange={(e) => { setUserId(e.target.value); resetPaging(); }}>
            <option value="">{t('filter.allUsers')}</option>
            {team.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-contact`}>{t('filter.contact')}</label>
          <select id={`${id}-contact`} value={contactId} onChange={(e) => { setContactId(e.target.value); resetPaging(); }}>
            <option value="">{t('filter.allContacts')}</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>{contactNames.get(c.id)}</option>
            ))}
          </select>
        </div>
      </div>
      {page === undefined ? (
        <p role="status">{t('common:loading')}</p>
      ) : page.rows.length === 0 ? (
        <p className="empty-state">{filtered ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <>
          <ol className="timeline" aria-label={t('timelineLabel')}>
            {page.rows.map((i) => (
              <TimelineItem key={i.id} item={i} people={people} contactNames={contactNames} />
            ))}
          </ol>
          {page.hasMore && (
            <button type="button" onClick={() => setLimit((l) => l + PAGE)}>{t('action.loadMore')}</button>
          )}
        </>
      )}
    </section>
  );
}
