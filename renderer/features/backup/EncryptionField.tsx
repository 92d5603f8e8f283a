import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setBackupPassphrase } from '../../db/backup/backup';

/** Session-only passphrase for encrypted backups (never stored, so a stolen stick or laptop copy stays closed). */
export function EncryptionField() {
  const { t } = useTranslation('backup');
  const [value, setValue] = useState('');
  const [active, setActive] = useState(false);
  return (
    <fieldset className="backup-encryption">
      <legend>{t('encryption.title')}</legend>
      <p className="hint">{t('encryption.hint')}</p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setBackupPassphrase(value);
          setActive(value !== '');
        }}
      >
        <input type="text" name="username" autoComplete="username" value="rapport-backup" readOnly hidden />
        <label className="field">
          <span>{t('encryption.label')}</span>
          <input type="password" autoComplete="new-password" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit">{t('encryption.apply')}</button>
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
