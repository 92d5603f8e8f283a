import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBackupEncryptionOn, setBackupPassphrase } from '../../db/backup/backup';

/**
 * Session-only passphrase for encrypted backups (never stored, so a stolen stick or laptop copy stays closed).
 * The passphrase outlives this field (it holds until Rapport closes), so the on state and "turn off" are
 * read from it whenever Settings opens, not kept here.
 */
export function EncryptionField() {
  const { t } = useTranslation('backup');
  const [value, setValue] = useState('');
  const [active, setActive] = useState(isBackupEncryptionOn);
  return (
    <fieldset className="backup-encryption">
      <legend>{t('encryption.title')}</legend>
      <p className="hint">{t('encryption.hint')}</p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (value === '') return;
          setBackupPassphrase(value);
          setValue('');
          setActive(isBackupEncryptionOn());
        }}
      >
        <input type="text" name="username" autoComplete="username" value="rapport-backup" readOnly hidden />
        <label className="field">
          <span>{t('encryption.label')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={value}
            placeholder={active ? t('encryption.set') : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        {/* An empty field applies nothing: turning encryption off is its own button, never an accident. */}
        <button type="submit" disabled={value === ''}>
          {t('encryption.apply')}
        </button>
        {active && (
          <button
            type="button"
            onClick={() => {
              setBackupPassphrase(undefined);
              setValue('');
              setActive(false);
            }}
          >
            {t('encryption.off')}
          </button>
        )}
      </form>
      <div role="status" aria-live="polite">
        {active && <p className="ok-text">{t('encryption.on')}</p>}
      </div>
    </fieldset>
  );
}
