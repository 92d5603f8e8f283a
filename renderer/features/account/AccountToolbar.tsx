import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import { useRouter } from '../../core/router';
import { restoreAccount, setArchived, trashAccount } from '../../db/accounts/account-writes';
import { useUndo } from '../undo';
import { MergeDialog } from './MergeDialog';

/** Edit, archive, merge and delete; archive and delete can be undone from the toast. */
export function AccountToolbar({ account, onEdit }: { account: Account; onEdit: () => void }) {
  const { t } = useTranslation('account');
  const navigate = useRouter((s) => s.navigate);
  const offer = useUndo((s) => s.offer);
  const [merging, setMerging] = useState(false);

  const toggleArchive = async () => {
    const archived = !account.archived;
    await setArchived(account.id, archived);
    offer(t(archived ? 'undo.archived' : 'undo.unarchived', { name: account.name }), () => setArchived(account.id, !archived));
  };
  const remove = async () => {
    await trashAccount(account.id);
    navigate({ page: 'customers' });
    offer(t('undo.deleted', { name: account.name }), () => restoreAccount(account.id));
  };

  return (
    <div className="actions account-toolbar">
      <button type="button" onClick={onEdit}>
        {t('common:action.edit')}
      </button>
      <button type="button" onClick={toggleArchive}>
        {account.archived ? t('unarchive') : t('archive')}
      </button>
      <button type="button" onClick={() => setMerging(true)}>
        {t('merge.open')}
      </button>
      <button type="button" className="danger" onClick={remove}>
        {t('common:action.delete')}
      </button>
      {merging && <MergeDialog survivor={account} onClose={() => setMerging(false)} />}
    </div>
  );
}
