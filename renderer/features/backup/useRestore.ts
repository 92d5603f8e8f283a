import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backup';
import { BackupReadError } from '../../../shared/export/backup-reader';
import { loadBackup, restoreBackup, RestoreCancelled, type CheckedBackup } from '../../db/backup-restore';
import { describeIssue } from './issue-text';

type Checked = Extract<CheckedBackup, { ok: true }>;

export type RestoreState =
  | { step: 'idle' }
  | { step: 'loading'; entry: BackupEntry; progress: number }
  | { step: 'preview'; entry: BackupEntry; backup: Checked; counts: Record<string, number> }
  | { step: 'restoring'; entry: BackupEntry; backup: Checked; counts: Record<string, number>; progress: number };

/** Open a backup (every row checked) → preview → confirm → restore (after a backup of the current state); cancellable until it commits. */
export function useRestore(onDone: (message: string, ok: boolean) => void, options: { backupFirst?: boolean } = {}) {
  const { t } = useTranslation('backup');
  const [state, setState] = useState<RestoreState>({ step: 'idle' });
  const abort = useRef<AbortController | undefined>(undefined);

  const fail = (error: unknown) => {
    setState({ step: 'idle' });
    if (error instanceof RestoreCancelled) onDone(t('restoreCancelled'), false);
    else if (error instanceof BackupReadError) onDone(t('restoreFailed', { message: describeIssue(t, error.issue) }), false);
    else onDone(t('restoreFailed', { message: (error as Error).message }), false);
  };

  const open = async (entry: BackupEntry) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'loading', entry, progress: 0 });
    try {
      const onProgress = (progress: number) => setState({ step: 'loading', entry, progress });
      const loaded = await loadBackup(entry.name, undefined, undefined, undefined, { onProgress, signal: controller.signal });
      if (controller.signal.aborted) throw new RestoreCancelled();
      if (!loaded.ok) {
        setState({ step: 'idle' });
        const detail = 'issues' in loaded ? loaded.issues.map((issue) => describeIssue(t, issue)).join('; ') : '';
        onDone('crypto' in loaded ? t(`cryptoError.${loaded.crypto}`) : t('invalidBackupDetail', { detail }), false);
        return;
      }
      setState({ step: 'preview', entry, backup: loaded, counts: loaded.counts });
    } catch (error) {
      fail(error);
    }
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    const current = state;
    const controller = new AbortController();
    abort.current = controller;
    setState({ ...current, step: 'restoring', progress: 0 });
    try {
      await restoreBackup(current.backup, {
        backupFirst: options.backupFirst ?? true,
        signal: controller.signal,
        onProgress: (progress) => setState({ ...current, step: 'restoring', progress }),
      });
      setState({ step: 'idle' });
      onDone(t('restoreDone'), true);
    } catch (error) {
      fail(error);
    }
  };

  const cancel = () => {
    // Loading or restoring: the running step stops at its next batch and reports; nothing changes.
    if ((state.step === 'loading' || state.step === 'restoring') && abort.current) abort.current.abort();
    else setState({ step: 'idle' });
  };

  return { state, open, confirm, cancel };
}
