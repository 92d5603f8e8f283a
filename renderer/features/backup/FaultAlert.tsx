import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onDbFault, type DbFault } from '../../db/core/faults';

/** The app-wide alert for database faults: full disk, an upgrade or reset from another window. */
export function FaultAlert() {
  const { t } = useTranslation('backup');
  const [fault, setFault] = useState<DbFault>();
  useEffect(() => onDbFault((f) => setFault((current) => (current?.kind === 'versionchange' ? current : f))), []);
  if (!fault || fault.kind === 'blocked') return null;
  const closed = fault.kind === 'versionchange';
  return (
    <div className="fault-region" role="alert">
      <div className={`fault ${closed ? 'fault-blocking' : ''}`}>
        <p>{closed ? t(fault.deleted ? 'fault.deleted' : 'fault.versionchange') : t('fault.storageFull')}</p>
        {closed ? (
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t('fault.reload')}
          </button>
        ) : (
          <button type="button" className="link" onClick={() => setFault(undefined)} aria-label={t('fault.dismiss')}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}
