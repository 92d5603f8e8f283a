import { useTranslation } from 'react-i18next';
import type { Contact, Deal, Interaction, IsoDate } from '../../../shared/domain';
import { nextBirthday } from '../../../shared/planning/birthday';
import type { ContactState, ModeState } from '../../../shared/planning/rhythm';
import { formatters } from '../../i18n/format';
import { ageInDays } from '../interactions';

/** Birthdays this close are called out, so the rep can congratulate in person. */
const BIRTHDAY_SOON_DAYS = 30;

type Names = { people: ReadonlyMap<string, string>; contacts: ReadonlyMap<string, string> };

function useFmt() {
  const { t, i18n } = useTranslation('briefing');
  return { t, fmt: formatters(i18n.language) };
}

export function ContactsSection({ contacts, today }: { contacts: Contact[]; today: IsoDate }) {
  const { t, fmt } = useFmt();
  return (
    <section className="brief-section" aria-labelledby="brief-contacts">
      <h2 id="brief-contacts">{t('contacts')}</h2>
      {contacts.length === 0 ? (
        <p className="empty-state">{t('noContacts')}</p>
      ) : (
        <ul className="brief-list">
          {contacts.map((c) => {
            const soon = c.birthday ? nextBirthday(c.birthday, today) : null;
            return (
              <li key={c.id}>
                <strong>{[c.title, c.firstName, c.lastName].filter(Boolean).join(' ')}</strong>
                {c.position && <span className="muted"> · {c.position}</span>}
                <div className="muted">{[c.phone, c.mobile, c.email].filter(Boolean).join(' · ')}</div>
                {soon && soon.daysUntil <= BIRTHDAY_SOON_DAYS && (
                  <div className="birthday-soon">
                    {soon.daysUntil === 0
                      ? t('birthdayToday', { age: soon.age ?? '' })
                      : t('birthdaySoon', { count: soon.daysUntil, date: fmt.date(soon.date) })}
                    {soon.age !== undefined && soon.daysUntil > 0 && ` ${t('turns', { age: soon.age })}`}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function RecentSection({ items, names }: { items: Interaction[]; names: Names }) {
  const { t, fmt } = useFmt();
  return (
    <section className="brief-section" aria-labelledby="brief-recent">
      <h2 id="brief-recent">{t('recent')}</h2>
      {items.length === 0 ? (
        <p className="empty-state">{t('noRecent')}</p>
      ) : (
        <ul className="brief-list">
          {items.map((i) => (
            <li key={i.id}>
              <span className="when">{fmt.date(i.at)}</span> <strong>{t(`common:interactionType.${i.type}`)}</strong>{' '}
              {i.status === 'cancelled' ? (
                <span className="badge muted">{t('cancelled')}</span>
              ) : (
                i.outcome && <span className={`outcome ${i.outcome}`}>{t(`common:outcome.${i.outcome}`)}</span>
              )}{' '}
              {i.subject} <span className="muted">({names.people.get(i.userId) ?? t('common:unknownMember')})</span>
              {i.summary && <div className="summary">{i.summary}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NextStepsSection({ items, planned, names }: { items: Interaction[]; planned: Interaction[]; names: Names }) {
  const { t, fmt } = useFmt();
  return (
    <section className="brief-section" aria-labelledby="brief-next">
      <h2 id="brief-next">{t('nextSteps')}</h2>
      {items.length === 0 && planned.length === 0 ? (
        <p className="empty-state">{t('noNextSteps')}</p>
      ) : (
        <ul className="brief-list">
          {planned.map((p) => (
            <li key={p.id}>
              <span className="when">{fmt.dateTime(p.at)}</span> {t('plannedItem', { type: t(`common:interactionType.${p.type}`) })}{' '}
              {p.subject} <span className="muted">({names.people.get(p.userId) ?? ''})</span>
            </li>
          ))}
          {items.map((i) => (
            <li key={i.id}>
              {i.nextStep && <strong>{i.nextStep}</strong>}
              {i.followUpDate && <span className="next"> {t('followUp', { date: fmt.date(i.followUpDate) })}</span>}
              <div className="muted">{t('agreedOn', { date: fmt.date(i.at), type: t(`common:interactionType.${i.type}`) })}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ComplaintsSection({ items, names }: { items: Interaction[]; names: Names }) {
  const { t, fmt } = useFmt();
  const now = new Date();
  return (
    <section className="brief-section" aria-labelledby="brief-complaints">
      <h2 id="brief-complaints">{t('complaints')}</h2>
      {items.length === 0 ? (
        <p className="empty-state">{t('noComplaints')}</p>
      ) : (
        <ul className="brief-list">
          {items.map((c) => (
            <li key={c.id} className="complaint-open">
              <strong>{c.subject}</strong>{' '}
              <span className={`badge complaint-${c.complaint?.status ?? 'open'}`}>{t(`common:complaintStatus.${c.complaint?.status ?? 'open'}`)}</span>
              <div className="muted">
                {t('complaintMeta', {
                  date: fmt.date(c.at),
                  count: ageInDays(c, now),
                  owner: names.people.get(c.complaint?.ownerId ?? c.userId) ?? t('common:unknownMember'),
                })}
              </div>
              {c.complaint?.resolution && <div>{c.complaint.resolution}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OffersSection({ deals }: { deals: Deal[] }) {
  const { t, fmt } = useFmt();
  return (
    <section className="brief-section" aria-labelledby="brief-offers">
      <h2 id="brief-offers">{t('offers')}</h2>
      {deals.length === 0 ? (
        <p className="empty-state">{t('noOffers')}</p>
      ) : (
        <ul className="brief-list">
          {deals.map((d) => (
            <li key={d.id}>
              <strong>{d.title}</strong> · {fmt.currency(d.value)} · {t(`common:dealStage.${d.stage}`)}
              <div className="muted">
                {d.lastFollowUpAt ? t('lastFollowUp', { date: fmt.date(d.lastFollowUpAt) }) : t('noFollowUp')}
                {d.expectedClose && ` · ${t('expectedClose', { date: fmt.date(d.expectedClose) })}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ModeLine({ label, state }: { label: string; state: ModeState | null }) {
  const { t, fmt } = useFmt();
  if (!state) return null;
  return (
    <div className={`rhythm rhythm-${state.status}`}>
      <dt>{label}</dt>
      <dd>
        <strong>{t(`rhythm.${state.status}`)}</strong>
        {state.lastDate && ` · ${t('lastContact', { date: fmt.date(state.lastDate) })}`}
        {state.dueDate && ` · ${t('dueOn', { date: fmt.date(state.dueDate) })}`} · {t('every', { count: state.rhythmDays })}
      </dd>
    </div>
  );
}

export function RhythmSection({ state, last }: { state: ContactState | null; last: { human?: string; digital?: string } }) {
  const { t, fmt } = useFmt();
  return (
    <section className="brief-section" aria-labelledby="brief-rhythm">
      <h2 id="brief-rhythm">{t('rhythmTitle')}</h2>
      <dl className="facts">
        {state ? (
          <>
            <ModeLine label={t('human')} state={state.human} />
            <ModeLine label={t('digital')} state={state.digital} />
          </>
        ) : (
          <>
            <div><dt>{t('human')}</dt><dd>{last.human ? fmt.date(last.human) : t('never')}</dd></div>
            <div><dt>{t('digital')}</dt><dd>{last.digital ? fmt.date(last.digital) : t('never')}</dd></div>
          </>
        )}
      </dl>
    </section>
  );
}
