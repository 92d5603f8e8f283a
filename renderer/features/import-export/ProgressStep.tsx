import { useTranslation } from 'react-i18next';
import { formatters } from '../../i18n/format';
import { cancelRunning, useImportWizard } from './wizard';

/** Progress of checking or writing, with Cancel: cancelling leaves the database as it was. */
export function ProgressStep() {
  const { t, i18n } = useTranslation('import-export');
  const progress = useImportWizard((s) => s.progress);
  const fmt = formatters(i18n.language);
  if (!progress) return null;
  const label = t(`wizard.progress.${progress.phase}`);
  return (
    <div className="actions">
      <div className="progress">
        <span className="progress-label" id="import-progress-label">
          {label} {t('wizard.progressCount', { done: fmt.number(progress.done), total: fmt.number(progress.total) })}
        </span>
        <progress aria-labelledby="import-progress-label" max={Math.max(progress.total, 1)} value={progress.done} />
      </div>
      <button type="button" onClick={cancelRunning}>
        {t('wizard.cancel')}
      </button>
    </div>
  );
}
