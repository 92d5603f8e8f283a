import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/bridge/contract';
import { getBridge } from '../../bridge';
import { switchLanguage } from '../../i18n';
import { DemoLoadError, loadDemoData } from '../../db/transfer/demo';
import { setSetting } from '../../db/team/settings';
import { createSelf } from '../../db/team/team';
import { todayIso } from '../../../shared/time/today';
import { ProgressBar } from '../../components/ProgressBar';

const DEMO_ACCOUNTS = 700;
const DEMO_SEED = 20261123;

/** Asks who sits at this laptop and offers a demo customer base to try things out. */
export function FirstRun() {
  const { t, i18n } = useTranslation('onboarding');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const abort = useRef<AbortController>(null);

  const changeLanguage = (lang: UiLanguage) =>
    switchLanguage(i18n, lang, (l) => setSetting('language', l), (l) => getBridge().setLanguage(l));

  const start = async (event: FormEvent, withDemo: boolean) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(true);
      return;
    }
    setError(undefined);
    await setSetting('language', i18n.language);
    if (!withDemo) {
      await createSelf(name);
      return;
    }
    abort.current = new AbortController();
    setProgress(0);
    try {
      await loadDemoData(
        { seed: DEMO_SEED, accounts: DEMO_ACCOUNTS, today: todayIso(), selfName: name.trim() },
        (done, total) => setProgress(done / total),
        abort.current.signal,
      );
    } catch (e) {
      setProgress(undefined);
      if (e instanceof DemoLoadError && e.code === 'cancelled') return;
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="first-run">
      <form className="card" onSubmit={(e) => start(e, true)} noValidate>
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <fieldset className="language">
          <legend>{t('language')}</legend>
          {UI_LANGUAGES.map((lang) => (
            <label key={lang}>
              <input
                type="radio"
                name="language"
                value={lang}
                checked={i18n.language === lang}
                onChange={() => changeLanguage(lang)}
              />
              {t(`languageName.${lang}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('nameLabel')}</span>
          <input
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(false);
            }}
            autoFocus
            autoComplete="name"
            aria-invalid={nameError}
            aria-describedby={nameError ? 'name-error' : 'name-hint'}
          />
          {nameError ? (
            <span id="name-error" className="error" role="alert">
              {t('nameRequired')}
            </span>
          ) : (
            <span id="name-hint" className="hint">
              {t('nameHint')}
            </span>
          )}
        </label>
        {progress === undefined ? (
          <div className="actions">
            <button type="submit" className="primary">
              {t('startWithDemo', { count: DEMO_ACCOUNTS })}
            </button>
            <button type="button" onClick={(e) => start(e, false)}>
              {t('startEmpty')}
            </button>
          </div>
        ) : (
          <div className="actions">
            <ProgressBar value={progress} label={t('loadingDemo')} />
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('common:action.cancel')}
            </button>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {t('demoFailed', { message: error })}
          </p>
        )}
      </form>
    </main>
  );
}
