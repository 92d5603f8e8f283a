import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backup';
import type { Backup } from '../../../shared/export/backup';
import { loadBackup, restoreBackup } from '../../db/backup';

export type RestoreState =
  | { step: 'idle' }
  | { step: 'loading'; entry: BackupEntry }
  | { step: 'preview'; entry: BackupEntry; backup: Backup; counts: Record<string, number> }
  | { step: 'restoring'; entry: BackupEntry; backup: Backup; counts: Record<string, number>; progress: number };

/** Open a backup → preview → confirm → restore (after a backup of the current state). */
export function useRestore(onDone: (message: string, ok: boolean) => void, options: { backupFirst?: boolean } = {}) {
  const { t } = useTranslation('backup');
  const [state, setState] = useState<RestoreState>({ step: 'idle' });

  const open = async (entry: BackupEntry) => {
    setState({ step: 'loading', entry });
    try {
      const loaded = await loadBackup(entry.name);
      if (!loaded.ok) {
        setState({ step: 'idle' });
        onDone('crypto' in loaded ? t(`cryptoError.${loaded.crypto}`) : t('invalidBackup', { code: loaded.issues[0]?.code ?? '?' }), false);
        return;
      }
      setState({ step: 'preview', entry, backup: loaded.backup, counts: loaded.counts });
    } catch (error) {
      setState({ step: 'idle' });
      onDone(t('restoreFailed', { message: (error as Error).message }), false);
    }
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    const current = state;
    setState({ ...current, step: 'restoring', progress: 0 });
    try {
      await restoreBackup(current.backup, {
        backupFirst: options.backupFirst ?? true,
        onProgress: (progress) => setState({ ...current, step: 'restoring', progress }),
      });
      setState({ step: 'idle' });
      onDone(t('restoreDone'), true);
    } catch (error) {
      setState({ step: 'idle' });
      onDone(t('restoreFailed', { message: (error as Error).message }), false);
    }
  };

  return { state, open, confirm, cancel: () => setState({ step: 'idle' }) };
}
