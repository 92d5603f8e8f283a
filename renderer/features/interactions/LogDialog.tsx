import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../core/session';
import { useSave } from '../../core/write-error';
import { SaveError } from '../../components/SaveError';
import { logError } from '../../core/error-log';
import { listContactsOf } from '../../db/accounts/accounts';
import { deleteDraft, loadDraft, saveDraft } from '../../db/core/drafts';
import { completeAppointment, logInteraction, planAppointment } from '../../db/history/interaction-writes';
import { getInteraction } from '../../db/history/interactions';
import { useLive } from '../../db/core/live';
import { listTeam } from '../../db/team/team';
import { AccountPicker } from './AccountPicker';
import { emptyForm, fromPlanned, toInput, validate, type FormErrors, type LogFormValues } from './form';
import { InteractionFields } from './InteractionFields';
import { draftKeyOf, type LogRequest } from './log-store';
import './interactions.css';

const DRAFT_DELAY_MS = 300;

async function initialValues(r: LogRequest, selfId: string): Promise<{ values: LogFormValues; restored: boolean }> {
  const draft = await loadDraft<LogFormValues>(draftKeyOf(r));
  if (draft) return { values: draft, restored: true };
  if (r.completeId) {
    const planned = await getInteraction(r.completeId);
    if (planned) return { values: fromPlanned(planned), restored: false };
  }
  return { values: emptyForm(new Date(), selfId, r.accountId ?? '', r.planned ?? false, r.type), restored: false };
}

/** The log form as a modal dialog; input is kept as a draft while typing and restored on reopen. */
export function LogDialog({ request, onClose }: { request: LogRequest; onClose: () => void }) {
  const { t } = useTranslation('interactions');
  const selfId = useSession((s) => s.selfId);
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<LogFormValues>();
  const [restored, setRestored] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const { failure, save } = useSave(request.completeId || values?.planned ? 'appointment' : 'interaction');
  const key = draftKeyOf(request);
  const team = useLive(listTeam) ?? [];
  const accountId = values?.accountId ?? '';
  const contacts = useLive(() => (accountId ? listContactsOf(accountId) : []), [accountId]) ?? [];

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    let live = true;
    void initialValues(request, selfId).then((init) => {
      if (!live) return;
      setValues(init.values);
      setRestored(init.restored);
    });
    return () => {
      live = false;
    };
  }, [request, selfId]);

  const edit = (next: LogFormValues) => {
    setValues(next);
    setDirty(true);
    setErrors({});
  };

  // Save the draft shortly after the user stops typing.
  useEffect(() => {
    if (!values || !dirty) return;
    const timer = setTimeout(() => void saveDraft(key, values), DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, values, dirty]);

  const discard = async () => {
    await deleteDraft(key);
    onClose();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!values) return;
    const found = validate(values, new Date());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = toInput(values);
    // A failed save (e.g. a full disk) is shown in the dialog, which stays open with the input and its draft.
    const done = await save(() =>
      request.completeId ? completeAppointment(request.completeId, input) : values.planned ? planAppointment(input) : logInteraction(input),
    );
    if (!done.ok) return;
    // Saved: the draft goes (a draft that could not be removed is only logged, the entry is saved).
    await deleteDraft(key).catch((e: unknown) => logError('Removing a saved draft failed', e));
    onClose();
  };

  const title = request.completeId ? t('title.complete') : values?.planned ? t('title.plan') : t('title.log');
  return (
    <dialog
      ref={dialog}
      className="log-dialog"
      aria-labelledby="log-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="log-dialog-title">{title}</h2>
        {!values ? (
          <p role="status">{t('common:loading')}</p>
        ) : (
          <>
            {restored && <p className="hint" role="status">{t('draftRestored')}</p>}
            {!request.accountId && !request.completeId && (
              <AccountPicker value={values.accountId} onChange={(id) => edit({ ...values, accountId: id, contactIds: [] })} error={errors.accountId} />
            )}
            {!request.completeId && (
              <label className="inline-check">
                <input type="checkbox" checked={values.planned} onChange={(e) => edit({ ...values, planned: e.target.checked })} />
                {t('field.planned')}
              </label>
            )}
            <InteractionFields values={values} onChange={edit} contacts={contacts} team={team} errors={errors} />
            <SaveError failure={failure} />
            <div className="actions">
              <button type="submit" className="primary" aria-keyshortcuts="Control+Enter">
                {request.completeId ? t('action.complete') : values.planned ? t('action.plan') : t('action.log')}
              </button>
              <button type="button" onClick={onClose}>{t('action.later')}</button>
              <button type="button" onClick={() => void discard()}>{t('action.discard')}</button>
              <span className="hint">{t('draftHint')}</span>
            </div>
          </>
        )}
      </form>
    </dialog>
  );
}
