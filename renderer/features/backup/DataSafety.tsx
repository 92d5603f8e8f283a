import { useEffect, useState, type ReactNode } from 'react';
import type { LossCheck } from '../../db/backup/backup';
import { checkForLoss } from '../../db/backup/backup';
import { logError } from '../../core/error-log';
import { afterStartSettles } from './after-start';
import { runDailyBackup } from './daily-backup';
import { DailyBackupAlert } from './DailyBackupNotice';
import { FaultAlert } from './FaultAlert';
import { LossScreen } from './LossScreen';

/**
 * Between boot and the app: checks the database against the newest backup (loss screen if it came
 * back empty or much smaller), then lets the app run and takes the daily backup (in a worker) once the
 * first screen has settled and the browser is idle.
 */
export function DataSafety({ children }: { children: ReactNode }) {
  const [check, setCheck] = useState<LossCheck | 'pending' | 'ok'>('pending');

  useEffect(() => {
    let cancelled = false;
    checkForLoss()
      .then((result) => !cancelled && setCheck(result.assessment.status === 'ok' ? 'ok' : result))
      .catch((error: unknown) => {
        // No backup storage (an old browser) must not keep the user out of their data.
        logError('Loss check failed', error);
        if (!cancelled) setCheck('ok');
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (check !== 'ok') return;
    // A failure is shown (DailyBackupAlert, the Settings panel), not only logged.
    return afterStartSettles(() => void runDailyBackup());
  }, [check]);

  if (check === 'pending') return <div className="boot" role="status" aria-busy="true" />;
  if (check !== 'ok' && check.assessment.status !== 'ok' && check.newest) {
    return <LossScreen assessment={check.assessment} newest={check.newest} onResolved={() => setCheck('ok')} />;
  }
  return (
    <>
      {children}
      <FaultAlert />
      <DailyBackupAlert />
    </>
  );
}
