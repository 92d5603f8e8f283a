import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eraseContact } from '../../db/accounts/gdpr';

/** "GDPR erasure" of a contact person, after a dialog that says exactly what happens. */
export function EraseContactButton({ contactId, name }: { contactId: string; name: string }) {
  const { t } = useTranslation('backup');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    try {
      await eraseContact(contactId, t('erase.placeholder'));
      setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="link" onClick={() => setOpen(true)} aria-label={t('erase.label', { name })}>
        {t('erase.button')}
      </button>
      {open && (
        <dialog ref={ref} className="dialog" aria-labelledby={`erase-title-${contactId}`} aria-describedby={`erase-what-${contactId}`} onCancel={() => setOpen(false)}>
          <h2 id={`erase-title-${contactId}`}>{t('erase.title', { name })}</h2>
          <p id={`erase-what-${contactId}`}>{t('erase.what')}</p>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="toolbar">
            <button type="button" className="danger" disabled={busy} onClick={confirm}>
              {t('erase.confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>
              {t('common:action.cancel')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
