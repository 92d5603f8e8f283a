import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../core/session';
import { createAccount } from '../../db/accounts/account-writes';
import { AccountForm } from './AccountForm';
import { emptyValues } from './form-values';

/** The "new account" dialog (button or Ctrl+N); opens the new account when saved. */
export function NewAccountDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation('account-form');
  const selfId = useSession((s) => s.selfId);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-account-title" onCancel={onClose}>
      <h2 id="new-account-title">{t('newTitle')}</h2>
      <AccountForm
        initial={emptyValues(selfId)}
        submitLabel={t('create')}
        onCancel={onClose}
        onSubmit={async (input) => {
          const result = await createAccount(input);
          if (!result.ok) return result.errors;
          onClose();
          onCreated(result.row.id);
          return undefined;
        }}
      />
    </dialog>
  );
}
