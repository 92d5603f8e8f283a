import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/bridge/contract';
import { getBridge } from '../../bridge';
import { switchLanguage } from '../../i18n';
import { useSession } from '../../app/session';
import { useLive } from '../../db/live';
import { setSetting } from '../../db/settings';
import { listTeam } from '../../db/team';

/** Language, the seat's identity, the team and where the data lives. */
export function SettingsPage() {
  const { t, i18n } = useTranslation('settings');
  const selfId = useSession((s) => s.selfId);
  const team = useLive(listTeam) ?? [];
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
        <section className="panel" aria-labelledby="team-title">
          <h2 id="team-title">{t('team')}</h2>
          <ul className="plain-list">
            {team.map((m) => (
              <li key={m.id}>
                <span className="avatar" style={{ background: m.color }} aria-hidden="true">
                  {m.initials}
                </span>{' '}
                {m.name} <span className="muted">· {t(`common:role.${m.role}`)}</span>
                {m.id === selfId && <strong> · {t('thisSeat')}</strong>}
              </li>
            ))}
          </ul>
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
          </dl>
        </section>
      </div>
    </section>
  );
}
