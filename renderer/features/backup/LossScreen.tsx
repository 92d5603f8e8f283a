import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, LossAssessment } from '../../../shared/backup';
import { acknowledgeLoss } from '../../db/backup/backup';
import { formatters } from '../../i18n/format';
import { BackupContents } from './RestorePreview';
import { RestoreDialog, RestoreLoading } from './RestoreSteps';
import { useRestore } from './useRestore';

/**
 * Shown instead of the app when the database came back empty or much smaller than the newest
 * backup says it held: never start silently empty. Restore (with preview) or continue explicitly.
 */
export function LossScreen({ assessment, newest, onResolved }: { assessment: Exclude<LossAssessment, { status: 'ok' }>; newest: BackupEntry; onResolved: () => void }) {
  const { t, i18n } = useTranslation('backup');
  const f = formatters(i18n.language);
  const [error, setError] = useState<string>();
  // Its own field: the Settings page (with the session passphrase) is out of reach on this screen.
  const [passphrase, setPassphrase] = useState('');
  const encrypted = newest.manifest.encrypted;
  // An empty database holds nothing worth a pre-restore backup; a partial one does.
  const restore = useRestore(
    (message, ok) => (ok ? onResolved() : setError(message)),
    { backupFirst: assessment.status !== 'empty' },
  );
  const date = f.dateTime(newest.manifest.createdAt);

  const open = () => {
    setError(undefined);
    restore.open(newest, encrypted ? passphrase : undefined);
  };

  const continueAnyway = async () => {
    if (!window.confirm(t('loss.continueConfirm'))) return;
    await acknowledgeLoss(newest.name);
    onResolved();
  };

  return (
    <main className="fatal loss-screen" aria-labelledby="loss-title">
      <h1 id="loss-title">{t(assessment.status === 'empty' ? 'loss.titleEmpty' : 'loss.titleSmaller')}</h1>
      <p role="alert">
        {assessment.status === 'empty'
          ? t('loss.empty', { date, count: assessment.expected, n: f.number(assessment.expected) })
          : t('loss.smaller', { date, actual: t('common:counted.entries', { count: assessment.actual }), expected: f.number(assessment.expected) })}
      </p>
      <p>{t('loss.advice')}</p>
      <BackupContents counts={newest.manifest.counts} />
      {encrypted && (
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            open();
          }}
        >
          <p className="hint">{t('loss.encryptedHint')}</p>
          <input type="text" name="username" autoComplete="username" value="rapport-backup" readOnly hidden />
          <label className="field">
            <span>{t('loss.passphrase')}</span>
            <input type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={restore.state.step !== 'idle' || passphrase === ''}>
            {t('loss.restoreNewest')}
          </button>
        </form>
      )}
      <div className="toolbar">
        {!encrypted && (
          <button type="button" className="primary" disabled={restore.state.step !== 'idle'} onClick={() => open()}>
            {t('loss.restoreNewest')}
          </button>
        )}
        <button type="button" disabled={restore.state.step !== 'idle'} onClick={continueAnyway}>
          {t('loss.continue')}
        </button>
      </div>
      <RestoreLoading restore={restore} />
      {error && <p className="error" role="alert">{error}</p>}
      <RestoreDialog restore={restore} backupFirst={assessment.status !== 'empty'} />
    </main>
  );
}
