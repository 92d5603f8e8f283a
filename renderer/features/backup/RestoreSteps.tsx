import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar';
import { RestorePreview } from './RestorePreview';
import type { useRestore } from './useRestore';

type Restore = ReturnType<typeof useRestore>;

/** While a backup is read and checked: progress and cancel (Settings panel and loss screen alike). */
export function RestoreLoading({ restore }: { restore: Restore }) {
  const { t } = useTranslation('backup');
  if (restore.state.step !== 'loading') return null;
  return (
    <div className="toolbar">
      <ProgressBar value={restore.state.progress} label={t('restoreOpening')} />
      <button type="button" onClick={restore.cancel}>
        {t('common:action.cancel')}
      </button>
    </div>
  );
}

/** The preview of a checked backup, then the restore's progress, in one dialog. */
export function RestoreDialog({ restore, backupFirst }: { restore: Restore; backupFirst?: boolean }) {
  const { state } = restore;
  if (state.step !== 'preview' && state.step !== 'restoring') return null;
  return (
    <RestorePreview
      createdAt={state.createdAt}
      counts={state.counts}
      busy={state.step === 'restoring'}
      progress={state.step === 'restoring' ? state.progress : 0}
      backupFirst={backupFirst}
      verified={state.backup.verified}
      onConfirm={restore.confirm}
      onCancel={restore.cancel}
    />
  );
}
