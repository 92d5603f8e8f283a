import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_STATUSES, CONTACT_MODES, INTERACTION_TYPES, OUTCOMES,
  type Contact, type InteractionType, type TeamMember,
} from '../../../shared/domain';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { withType, type FormErrors, type LogFormValues } from './form';

type Props = {
  values: LogFormValues;
  onChange: (next: LogFormValues) => void;
  contacts: Contact[];
  team: TeamMember[];
  errors: FormErrors;
};

function ErrorText({ code }: { code?: string }) {
  const { t } = useTranslation('interactions');
  return code ? <span className="error" role="alert">{t(code)}</span> : null;
}

/** The fields of the log form; what an appointment cannot know yet (outcome, next step) is hidden while planning. */
export function InteractionFields({ values: v, onChange, contacts, team, errors }: Props) {
  const { t } = useTranslation('interactions');
  const id = useId();
  const set = (patch: Partial<LogFormValues>) => onChange({ ...v, ...patch });
  const toggleContact = (id: string) =>
    set({ contactIds: v.contactIds.includes(id) ? v.contactIds.filter((c) => c !== id) : [...v.contactIds, id] });
  return (
    <div className="log-fields">
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('field.type')}</label>
        <select id={`${id}-type`} value={v.type} onChange={(e) => onChange(withType(v, e.target.value as InteractionType))}>
          {INTERACTION_TYPES.map((type) => (
            <option key={type} value={type}>{t(`common:interactionType.${type}`)}</option>
          ))}
        </select>
      </div>
      <fieldset className="field inline-choice">
        <legend>{t('field.mode')}</legend>
        {CONTACT_MODES.map((mode) => (
          <label key={mode}>
            <input type="radio" name="mode" value={mode} checked={v.mode === mode} onChange={() => set({ mode })} />
            {t(`mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      <DateField label={t('field.date')} value={v.date} onChange={(date) => set({ date })} error={errors.date && t(errors.date)} />
      <TimeField label={t('field.time')} value={v.time} onChange={(time) => set({ time })} />
      <label className="field">
        <span>{t('field.duration')}</span>
        <input type="number" min={1} max={1440} step={5} inputMode="numeric" value={v.duration} onChange={(e) => set({ duration: e.target.value })} />
        <ErrorText code={errors.duration} />
      </label>
      <label className="field">
        <span>{t('field.user')}</span>
        <select value={v.userId} onChange={(e) => set({ userId: e.target.value })}>
          {team.map((m) => (
            <option key={m.id} value={m.id}>{m.name}</option>
          ))}
        </select>
      </label>
      <fieldset className="field wide contacts-choice">
        <legend>{t('field.contacts')}</legend>
        {contacts.length === 0 ? (
          <span className="hint">{v.accountId ? t('noContactsForAccount') : t('pickAccountFirst')}</span>
        ) : (
          contacts.map((c) => (
            <label key={c.id}>
              <input type="checkbox" checked={v.contactIds.includes(c.id)} onChange={() => toggleContact(c.id)} />
              {`${c.firstName} ${c.lastName}`.trim()}
            </label>
          ))
        )}
      </fieldset>
      <label className="field wide">
        <span>{t('field.subject')}</span>
        <input value={v.subject} onChange={(e) => set({ subject: e.target.value })} aria-invalid={errors.subject ? true : undefined} />
        <ErrorText code={errors.subject} />
      </label>
      <label className="field wide">
        <span>{v.planned ? t('field.agenda') : t('field.summary')}</span>
        <textarea rows={4} value={v.summary} onChange={(e) => set({ summary: e.target.value })} aria-invalid={errors.summary ? true : undefined} />
        <ErrorText code={errors.summary} />
      </label>
      {!v.planned && (
        <>
          <fieldset className="field wide inline-choice">
            <legend>{t('field.outcome')}</legend>
            {OUTCOMES.map((o) => (
              <label key={o} className={`outcome ${o}`}>
                <input type="radio" name="outcome" value={o} checked={v.outcome === o} onChange={() => set({ outcome: o })} />
                {t(`common:outcome.${o}`)}
              </label>
            ))}
            <label>
              <input type="radio" name="outcome" value="" checked={v.outcome === ''} onChange={() => set({ outcome: '' })} />
              {t('outcomeNone')}
            </label>
          </fieldset>
          <label className="field wide">
            <span>{t('field.nextStep')}</span>
            <input value={v.nextStep} onChange={(e) => set({ nextStep: e.target.value })} aria-invalid={errors.nextStep ? true : undefined} />
            <ErrorText code={errors.nextStep} />
          </label>
          <label className="field">
            <span>{t('field.nps')}</span>
            <input inputMode="numeric" value={v.nps ?? ''} onChange={(e) => set({ nps: e.target.value })} aria-invalid={errors.nps ? true : undefined}
              aria-describedby={`${id}-nps-hint`} />
            <span id={`${id}-nps-hint`} className="hint">{t('npsHint')}</span>
            <ErrorText code={errors.nps} />
          </label>
          <DateField
            label={t('field.followUpDate')}
            value={v.followUpDate}
            onChange={(followUpDate) => set({ followUpDate })}
            error={errors.followUpDate && t(errors.followUpDate)}
          />
        </>
      )}
      {v.type === 'complaint' && (
        <>
          <label className="field">
            <span>{t('field.complaintStatus')}</span>
            <select value={v.complaintStatus} onChange={(e) => set({ complaintStatus: e.target.value as LogFormValues['complaintStatus'] })}>
              {COMPLAINT_STATUSES.map((s) => (
                <option key={s} value={s}>{t(`common:complaintStatus.${s}`)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('field.complaintOwner')}</span>
            <select value={v.complaintOwnerId} onChange={(e) => set({ complaintOwnerId: e.target.value })}>
              {team.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
          </label>
          <label className="field wide">
            <span>{t('field.resolution')}</span>
            <input value={v.resolution} onChange={(e) => set({ resolution: e.target.value })} />
          </label>
        </>
      )}
    </div>
  );
}
