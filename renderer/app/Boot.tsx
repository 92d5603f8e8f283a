import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { getBridge } from '../bridge';
import { getSetting } from '../db/team/settings';
import { getDb } from '../db/core/db';
import { initI18n, pickLanguage } from '../i18n';
import type { UiLanguage } from '../../shared/bridge/contract';
import { FatalError } from './FatalError';
import { BlockedNotice, DataSafety, prepareDatabase } from '../features/backup';

/** Opens the database and the translations before anything else renders. */
export function Boot({ children }: { children: ReactNode }) {
  const [i18n, setI18n] = useState<I18n>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      await prepareDatabase();
      await getDb().open();
      // Ask the browser not to evict our data under storage pressure; Electron grants it anyway.
      await navigator.storage?.persist?.().catch(() => false);
      const info = await getBridge().appInfo();
      const saved = await getSetting<UiLanguage | null>('language', null);
      const language = saved ?? pickLanguage(info.systemLocale);
      const instance = await initI18n(language);
      await getBridge().setLanguage(language);
      if (!cancelled) setI18n(instance);
    })().catch((e: unknown) => {
      if (!cancelled) setError(e);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (error) return <FatalError error={error} />;
  if (!i18n)
    return (
      <div className="boot" role="status" aria-live="polite" aria-busy="true">
        <BlockedNotice />
      </div>
    );
  return (
    <I18nextProvider i18n={i18n}>
      <DataSafety>{children}</DataSafety>
    </I18nextProvider>
  );
}
