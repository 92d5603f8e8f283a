import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/backup';
import { BackupCryptoError } from '../../../shared/backup/encryption';
import { BackupReadError } from '../../../shared/export/backup-reader';
import type { OpenFileHandle } from '../../../shared/bridge/contract';
import { getBridge } from '../../bridge';
import { openFileSource } from '../../bridge/chunked-save';
import { loadBackup, openBackupSource, restoreBackup, RestoreCancelled, type CheckedBackup, type LoadedBackup, type RestoreProgress } from '../../db/backup/restore';
import { describeCrypto, describeIssue } from './issue-text';

type Checked = Extract<CheckedBackup, { ok: true }>;

export type RestoreState =
  | { step: 'idle' }
  | { step: 'loading'; progress: number }
  /** `createdAt`: when the backup was taken (the stored entry's manifest, or a file's own header). */
  | { step: 'preview'; createdAt: string; backup: Checked; counts: Record<string, number> }
  | { step: 'restoring'; createdAt: string; backup: Checked; counts: Record<string, number>; progress: number };

/**
 * Open a backup (every row checked) → preview → confirm → restore (after a backup of the current state); cancellable until it commits.
 * `open` takes one from the backup folder, `openFile` a file the user chose (Import/Export page), read in
 * ranges through the bridge like a stored backup; that file is let go once the restore is over either way.
 */
export function useRestore(onDone: (message: string, ok: boolean) => void, options: { backupFirst?: boolean } = {}) {
  const { t } = useTranslation('backup');
  const [state, setState] = useState<RestoreState>({ step: 'idle' });
  const abort = useRef<AbortController | undefined>(undefined);
  const chosen = useRef<OpenFileHandle | undefined>(undefined);
  /** The file being checked or restored, named when it no longer matches its hash. */
  const fileName = useRef('');

  const idle = () => {
    setState({ step: 'idle' });
    const file = chosen.current;
    chosen.current = undefined;
    if (file) void getBridge().closeOpenFile(file.id).catch(() => undefined);
  };

  const fail = (error: unknown) => {
    const file = chosen.current;
    idle();
    if (error instanceof RestoreCancelled) onDone(t('restoreCancelled'), false);
    // The chosen file was moved, deleted or its drive pulled while it was read.
    else if (file && /\bERR_FILE_GONE: /.test((error as Error).message ?? '')) onDone(t('restoreFailed', { message: t('fileGone', { name: file.name }) }), false);
    else if (error instanceof BackupReadError) onDone(t('restoreFailed', { message: describeIssue(t, error.issue, fileName.current) }), false);
    // The file changed between the check and the restore (a chunk no longer passes its check).
    else if (error instanceof BackupCryptoError) onDone(t('restoreFailed', { message: describeCrypto(t, error.code, error.params) }), false);
    else onDone(t('restoreFailed', { message: (error as Error).message }), false);
  };

  const openWith = async (load: (progress: RestoreProgress) => Promise<LoadedBackup>, name: string, createdAt?: string) => {
    fileName.current = name;
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'loading', progress: 0 });
    try {
      const onProgress = (progress: number) => setState({ step: 'loading', progress });
      const loaded = await load({ onProgress, signal: controller.signal });
      if (controller.signal.aborted) throw new RestoreCancelled();
      if (!loaded.ok) {
        idle();
        const detail = 'issues' in loaded ? loaded.issues.map((issue) => describeIssue(t, issue, name)).join('; ') : '';
        onDone('crypto' in loaded ? describeCrypto(t, loaded.crypto, loaded.params) : t('invalidBackupDetail', { detail }), false);
        return;
      }
      setState({ step: 'preview', createdAt: createdAt ?? loaded.header.exportedAt, backup: loaded, counts: loaded.counts });
    } catch (error) {
      fail(error);
    }
  };
  /** `passphrase`: for an encrypted backup (the loss screen's own field); otherwise the session's. */
  const open = (entry: BackupEntry, passphrase?: string) =>
    openWith((progress) => loadBackup(entry.name, undefined, undefined, passphrase || undefined, progress), entry.name, entry.manifest.createdAt);
  const openFile = (file: OpenFileHandle) => {
    chosen.current = file;
    return openWith((progress) => openBackupSource(openFileSource(file, getBridge()), undefined, undefined, progress), file.name);
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
        erasedPlaceholder: t('erase.placeholder'),
        signal: controller.signal,
        onProgress: (progress) => setState({ ...current, step: 'restoring', progress }),
      });
      idle();
      onDone(t('restoreDone'), true);
    } catch (error) {
      fail(error);
    }
  };

  const cancel = () => {
    // Loading or restoring: the running step stops at its next batch and reports; nothing changes.
    if ((state.step === 'loading' || state.step === 'restoring') && abort.current) abort.current.abort();
    else idle();
  };

  return { state, open, openFile, confirm, cancel };
}
