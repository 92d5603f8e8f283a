import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/bridge/contract';
import { getBridge } from '../../bridge';
import { switchLanguage } from '../../i18n';
import { useLive } from '../../db/core/live';
import { setSetting } from '../../db/team/settings';
import { SyncPanel } from '../sync';
import { TeamPanel } from '../team';
import { BackupPanel, RetentionPanel } from '../backup';
import { RhythmSettingsSection } from '../rhythm';
import { RepWeekPanel } from '../rep-week';
import { PlacesCredit } from '../places';

/** Language, the seat's identity, the team and where the data lives. */
export function SettingsPage() {
  const { t, i18n } = useTranslation('settings');
  const info = useLive(() => getBridge().appInfo());

  const changeLanguage = (lang: UiLanguage) =>
    switchLanguage(i18n, lang, (l) => setSetting('language', l), (l) => getBridge().setLanguage(l));

  return (
    <section aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('title')}</h1>
      </header>
      <div className="account-grid">
        <section className="panel" aria-labelledby="lang-title">
          <h2 id="lang-title">{t('language')}</h2>
          <label className="field">
            <span>{t('uiLanguage')}</span>
            <select value={i18n.language} onChange={(e) => changeLanguage(e.target.value as UiLanguage)}>
              {UI_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languageName.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </section>
        <TeamPanel />
        <SyncPanel />
        <BackupPanel />
        <RetentionPanel />
        <RhythmSettingsSection />
        <RepWeekPanel />
        <section className="panel" aria-labelledby="import-export-link">
          <h2 id="import-export-link">{t('import-export:title')}</h2>
          <p className="hint">{t('import-export:lead')}</p>
          <a href="#/settings/import-export">{t('import-export:openPage')}</a>
        </section>
        <section className="panel" aria-labelledby="about-title">
          <h2 id="about-title">{t('about')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('version')}</dt>
              <dd>{info ? `${info.name} ${info.version}` : ''}</dd>
            </div>
            <div>
              <dt>{t('dataLocation')}</dt>
              <dd>{info?.dataPath ?? t('browserStorage')}</dd>
            </div>
            {info?.logPath && (
              <div>
                <dt>{t('logFile')}</dt>
                <dd>{info.logPath}</dd>
              </div>
            )}
            <PlacesCredit />
          </dl>
        </section>
      </div>
    </section>
  );
}
