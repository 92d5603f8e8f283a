import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/bridge/contract';
import { getBridge } from '../../bridge';

/** The shell's backup status, reloadable after a backup or restore. */
export function useBackupStatus() {
  const [status, setStatus] = useState<BackupStatus>();
  const reload = useCallback(async () => {
    setStatus(await getBridge().backupStatus());
  }, []);
  useEffect(() => {
    let cancelled = false;
    getBridge()
      .backupStatus()
      .then((s) => !cancelled && setStatus(s))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return { status, reload, setStatus };
}
