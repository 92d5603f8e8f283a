import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onDbFault, type DbFault } from '../../db/core/faults';

function faultMessage(fault: DbFault): string {
  if (fault.kind === 'versionchange') return fault.deleted ? 'fault.deleted' : 'fault.versionchange';
  return fault.kind === 'lost' ? 'fault.lost' : 'fault.storageFull';
}

/** The app-wide alert for database faults: full disk, an upgrade or reset from another window. */
export function FaultAlert() {
  const { t } = useTranslation('backup');
  const [fault, setFault] = useState<DbFault>();
  useEffect(
    () =>
      onDbFault((f) =>
        setFault((current) => {
          // A closed database outranks a full disk: only a reload helps then.
          if (current?.kind === 'versionchange' || current?.kind === 'lost') return current;
          // Space is back (a later write succeeded): the full-disk notice has done its job.
          if (f.kind === 'storage-recovered') return current?.kind === 'storage-full' ? undefined : current;
          return f;
        }),
      ),
    [],
  );
  if (!fault || fault.kind === 'blocked' || fault.kind === 'storage-recovered') return null;
  const closed = fault.kind === 'versionchange' || fault.kind === 'lost';
  return (
    <div className="fault-region" role="alert">
      <div className={`fault ${closed ? 'fault-blocking' : ''}`}>
        <p>{t(faultMessage(fault))}</p>
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
