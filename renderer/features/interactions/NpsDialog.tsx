import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { npsEntryInput, type NpsEntryValues } from '../../../shared/interactions';
import { todayIso } from '../../../shared/time/today';
import { DateField } from '../../components/DateField';
import { SaveError } from '../../components/SaveError';
import { useSession } from '../../core/session';
import { useSave } from '../../core/write-error';
import { listContactsOf } from '../../db/accounts/accounts';
import { logInteraction } from '../../db/history/interaction-writes';
import { useLive } from '../../db/core/live';

type Errors = Partial<Record<keyof NpsEntryValues, string>>;

/**
 * "NPS-Antwort erfassen": a contact's 0–10 answer to a survey, with its day and an optional comment,
 * outside any visit. Saved through the one write path (logInteraction) as a note carrying `npsScore`,
 * which the NPS KPI reads like imported answers.
 */
export function NpsDialog({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation('interactions');
  const selfId = useSession((s) => s.selfId);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const contacts = useLive(async () => (await listContactsOf(accountId)).filter((c) => !c.erased), [accountId]);
  const [values, setValues] = useState<NpsEntryValues>({ contactId: '', score: '', day: todayIso(), comment: '' });
  const [errors, setErrors] = useState<Errors>({});
  const { failure, save } = useSave('interaction');
  // One contact: nobody else can have answered.
  const only = contacts?.length === 1 ? contacts[0]!.id : '';
  const contactId = values.contactId || only;

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  const edit = (patch: Partial<NpsEntryValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const r = npsEntryInput({ ...values, contactId }, {
      accountId, userId: selfId, today: todayIso(),
      subject: (score) => t('npsEntry.subject', { score }),
      at: (day) => new Date(`${day}T12:00:00`).toISOString(),
    });
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    const done = await save(() => logInteraction(r.value));
    if (done.ok) onClose();
  };

  const message = (field: keyof NpsEntryValues) => (errors[field] ? t(`npsEntry.error.${field}.${errors[field]}`) : undefined);
  return (
    <dialog ref={dialog} className="log-dialog nps-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('npsEntry.title')}</h2>
        {contacts === undefined ? (
          <p role="status">{t('common:loading')}</p>
        ) : contacts.length === 0 ? (
          <>
            <p className="empty-state">{t('npsEntry.noContacts')}</p>
            <div className="actions"><button type="button" onClick={onClose}>{t('common:action.close')}</button></div>
          </>
        ) : (
          <>
            <label className="field">
              <span>{t('npsEntry.contact')}</span>
              <select value={contactId} onChange={(e) => edit({ contactId: e.target.value })} aria-invalid={errors.contactId ? true : undefined}
                aria-describedby={`${id}-contact-error`}>
                {!only && <option value="">{t('npsEntry.chooseContact')}</option>}
                {contacts.map((c) => <option key={c.id} value={c.id}>{`${c.firstName} ${c.lastName}`.trim()}</option>)}
              </select>
              <span id={`${id}-contact-error`} className="field-error">{message('contactId')}</span>
            </label>
            <label className="field">
              <span>{t('npsEntry.score')}</span>
              <input inputMode="numeric" value={values.score} onChange={(e) => edit({ score: e.target.value })} aria-invalid={errors.score ? true : undefined}
                aria-describedby={`${id}-score-hint ${id}-score-error`} autoFocus />
              <span id={`${id}-score-hint`} className="hint">{t('npsEntry.scoreHint')}</span>
              <span id={`${id}-score-error`} className="field-error" role={errors.score ? 'alert' : undefined}>{message('score')}</span>
            </label>
            <DateField label={t('npsEntry.day')} value={values.day} max={todayIso()} onChange={(day) => edit({ day })} required error={message('day')} />
            <label className="field">
              <span>{t('npsEntry.comment')}</span>
              <textarea rows={3} value={values.comment} onChange={(e) => edit({ comment: e.target.value })} aria-invalid={errors.comment ? true : undefined}
                aria-describedby={`${id}-comment-error`} />
              <span id={`${id}-comment-error`} className="field-error">{message('comment')}</span>
            </label>
            <SaveError failure={failure} />
            <div className="actions">
              <button type="submit" className="primary">{t('npsEntry.save')}</button>
              <button type="button" onClick={onClose}>{t('common:action.cancel')}</button>
            </div>
          </>
        )}
      </form>
    </dialog>
  );
}
