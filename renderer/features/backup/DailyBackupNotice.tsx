import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retryDailyBackup, useDailyBackupFailure, type DailyBackupFailure } from './daily-backup';

function useRetry() {
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    try {
      await retryDailyBackup();
    } finally {
      setBusy(false);
    }
  };
  return { busy, retry };
}

function text(t: (key: string, params?: Record<string, string>) => string, failure: DailyBackupFailure): string {
  const reason = failure.storageFull ? t('daily.storageFull') : failure.lost ? t('daily.lost') : failure.reason;
  return t('daily.failed', { reason });
}

/** At start: a failed daily backup as a dismissible alert with a retry (it stays in Settings until a backup succeeds). */
export function DailyBackupAlert() {
  const { t } = useTranslation('backup');
  const failure = useDailyBackupFailure();
  const [dismissed, setDismissed] = useState<DailyBackupFailure>();
  const { busy, retry } = useRetry();
  if (!failure || failure === dismissed) return null;
  return (
    <div className="fault-region" role="alert">
      <div className="fault">
        <p>{text(t, failure)}</p>
        <button type="button" className="primary" disabled={busy} onClick={retry}>
          {t('daily.retry')}
        </button>
        <button type="button" className="link" onClick={() => setDismissed(failure)} aria-label={t('fault.dismiss')}>
          ×
        </button>
      </div>
    </div>
  );
}

/** In Settings → Datensicherung: the failed daily backup until one succeeds, with a retry. */
export function DailyBackupNotice({ onRetried }: { onRetried?: () => void }) {
  const { t } = useTranslation('backup');
  const failure = useDailyBackupFailure();
  const { busy, retry } = useRetry();
  if (!failure) return null;
  return (
    <div className="notice error" role="alert">
      <p>{text(t, failure)}</p>
      <button type="button" disabled={busy} onClick={() => void retry().then(onRetried)}>
        {busy ? t('backingUp') : t('daily.retry')}
      </button>
    </div>
  );
}
