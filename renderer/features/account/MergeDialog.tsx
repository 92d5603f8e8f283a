import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { useRouter } from '../../core/router';
import { useLive } from '../../db/core/live';
import { mergeAccounts, previewMerge, undoMerge } from '../../db/accounts/merge';
import { AccountSearch } from '../account-form';
import { useFindAccounts } from '../customers';
import { useUndo } from '../undo';

/** Picks a second account, previews what moves, and merges; the toast offers to undo the merge. */
export function MergeDialog({ survivor, onClose }: { survivor: Account; onClose: () => void }) {
  const { t } = useTranslation('account');
  const ref = useRef<HTMLDialogElement>(null);
  const navigate = useRouter((s) => s.navigate);
  const offer = useUndo((s) => s.offer);
  const findAccounts = useFindAccounts();
  const [otherId, setOtherId] = useState<string>();
  const [swapped, setSwapped] = useState(false);
  const [keepId, dropId] = swapped ? [otherId, survivor.id] : [survivor.id, otherId];
  const preview = useLive(() => (keepId && dropId ? previewMerge(keepId, dropId) : undefined), [keepId, dropId]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const merge = async () => {
    if (!preview) return;
    const id = await mergeAccounts(preview.survivor.id, preview.loser.id);
    onClose();
    navigate({ page: 'account', accountId: preview.survivor.id });
    offer(t('undo.merged', { loser: preview.loser.name, survivor: preview.survivor.name }), () => undoMerge(id));
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="merge-title" onCancel={onClose}>
      <h2 id="merge-title">{t('merge.title', { name: survivor.name })}</h2>
      {!otherId ? (
        <AccountSearch label={t('merge.pick')} exceptId={survivor.id} onPick={(o) => setOtherId(o.id)} find={findAccounts} autoFocus />
      ) : (
        preview && (
          <section aria-labelledby="merge-preview-title" className="merge-preview">
            <h3 id="merge-preview-title">{t('merge.preview')}</h3>
            <p>{t('merge.keeps', { survivor: describe(preview.survivor), loser: describe(preview.loser) })}</p>
            <ul>
              <li>{t('merge.moveContacts', { count: preview.counts.contacts })}</li>
              <li>{t('merge.moveInteractions', { count: preview.counts.interactions })}</li>
              <li>{t('merge.moveDeals', { count: preview.counts.deals })}</li>
              <li>{t('merge.moveSales', { count: preview.counts.sales })}</li>
              <li>
                {preview.filled.length > 0
                  ? t('merge.filled', { fields: preview.filled.map((f) => t(`merge.field.${f}`)).join(', ') })
                  : t('merge.nothingFilled')}
              </li>
            </ul>
            <p className="hint">{t('merge.undoHint')}</p>
            <button type="button" onClick={() => setSwapped(!swapped)}>
              {t('merge.swap')}
            </button>
          </section>
        )
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={!preview} onClick={merge}>
          {t('merge.confirm')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common:action.cancel')}
        </button>
      </div>
    </dialog>
  );
}

function describe(a: Account): string {
  return [a.name, `${a.postalCode} ${a.city}`.trim()].filter(Boolean).join(', ');
}
