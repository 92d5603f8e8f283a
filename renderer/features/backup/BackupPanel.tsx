import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/bridge/contract';
import { getBridge } from '../../bridge';
import { takeBackup } from '../../db/backup/backup';
import { ProgressBar } from '../../components/ProgressBar';
import { BackupList } from './BackupList';
import { DailyBackupNotice } from './DailyBackupNotice';
import { EncryptionField } from './EncryptionField';
import { RestoreDialog, RestoreLoading } from './RestoreSteps';
import { useRestore } from './useRestore';
import { useBackupStatus } from './useBackupStatus';

/** Settings → Datensicherung: where backups live, back up now, restore with preview, second location. */
export function BackupPanel() {
  const { t } = useTranslation('backup');
  const { status, reload, setStatus } = useBackupStatus();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  const restore = useRestore((text, ok) => {
    setMessage({ text, ok });
    void reload();
  });

  const backupNow = async () => {
    setBusy(true);
    setProgress(0);
    setMessage(undefined);
    try {
      const result = await takeBackup('manual', undefined, undefined, setProgress);
      setMessage(
        result.secondCopyError
          ? { text: t('secondCopyFailed', { message: result.secondCopyError }), ok: false }
          : { text: t('backupDone'), ok: true },
      );
    } catch (error) {
      setMessage({ text: t('backupFailed', { message: (error as Error).message }), ok: false });
    } finally {
      setBusy(false);
      void reload();
    }
  };

  const setSecond = async (action: 'choose' | 'clear') => {
    const next: BackupStatus = await getBridge().setSecondBackupFolder(action);
    setStatus(next);
  };

  const working = busy || restore.state.step === 'loading' || restore.state.step === 'restoring';
  return (
    <section className="panel wide" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <DailyBackupNotice onRetried={() => void reload()} />
      <dl className="facts">
        <div>
          <dt>{t('folder')}</dt>
          <dd>{status?.folder ?? t('browserFolder')}</dd>
        </div>
        {status?.canChooseSecondFolder && (
          <div>
            <dt>{t('secondFolder')}</dt>
            <dd>
              {status.secondFolder ?? t('secondFolderNone')} <span className="hint">{t('secondFolderHint')}</span>
              <div className="toolbar">
                <button type="button" onClick={() => setSecond('choose')}>
                  {t('chooseSecondFolder')}
                </button>
                {status.secondFolder && (
                  <button type="button" onClick={() => setSecond('clear')}>
                    {t('clearSecondFolder')}
                  </button>
                )}
              </div>
            </dd>
          </div>
        )}
      </dl>
      <EncryptionField />
      <div className="toolbar">
        <button type="button" className="primary" onClick={backupNow} disabled={working}>
          {busy ? t('backingUp') : t('backupNow')}
        </button>
      </div>
      {busy && <ProgressBar value={progress} label={t('backingUp')} />}
      <RestoreLoading restore={restore} />
      <div role="status" aria-live="polite">
        {message && <p className={message.ok ? 'ok-text' : 'error'}>{message.text}</p>}
      </div>
      <BackupList entries={status?.entries} disabled={working} onRestore={restore.open} />
      <RestoreDialog restore={restore} />
    </section>
  );
}
