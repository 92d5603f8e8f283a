import { useEffect, useState } from 'react';
import { getBridge } from '../bridge';
import { logError } from '../core/error-log';

/**
 * Shown when the app cannot start (e.g. the database will not open). It must not depend on
 * i18n having loaded, so it carries both languages; the data on disk is untouched.
 */
export function FatalError({ error }: { error: unknown }) {
  const [logPath, setLogPath] = useState<string>();
  useEffect(() => logError('Rapport could not start', error), [error]);
  useEffect(() => {
    getBridge()
      .appInfo()
      .then((info) => setLogPath(info.logPath))
      .catch(() => undefined);
  }, []);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <main className="fatal" role="alert">
      <h1>Rapport konnte nicht starten · Rapport could not start</h1>
      <p>
        Ihre Daten wurden nicht verändert. Bitte starten Sie Rapport neu. · Your data has not been changed. Please
        restart Rapport.
      </p>
      <pre>{message}</pre>
      {logPath && <p>Log: {logPath}</p>}
    </main>
  );
}
