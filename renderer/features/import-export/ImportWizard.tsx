import { useTranslation } from 'react-i18next';
import { issueText } from './messages';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ProgressStep } from './ProgressStep';
import { ReportStep } from './ReportStep';
import { chooseFile, resetWizard, useImportWizard, type WizardStep } from './wizard';

const STEPS: WizardStep[] = ['choose', 'mapping', 'preview', 'running', 'report'];

/** The import wizard: file → mapping → preview → import (progress, cancel) → report (download, undo). */
export function ImportWizard() {
  const { t } = useTranslation('import-export');
  const step = useImportWizard((s) => s.step);
  const error = useImportWizard((s) => s.error);
  const file = useImportWizard((s) => s.file);
  return (
    <section className="panel wide import-wizard" aria-labelledby="import-title">
      <div className="title-row">
        <h2 id="import-title">{t('wizard.title')}</h2>
        {step !== 'choose' && step !== 'running' && (
          <button type="button" onClick={resetWizard}>
            {t('wizard.restart')}
          </button>
        )}
      </div>
      <ol className="wizard-steps" aria-label={t('wizard.steps')}>
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t(`wizard.step.${s}`)}
          </li>
        ))}
      </ol>
      {file && step !== 'choose' && <p className="muted">{t('wizard.file', { name: file.name })}</p>}
      {error && (
        <p role="alert" className="error">
          {error.code === 'cancelled'
            ? t('wizard.cancelled')
            : error.code === 'storage-full'
              ? t('common:write.storageFull', { what: t('common:write.what.import') })
              : issueText(t, error.code, error.params)}
        </p>
      )}
      {step === 'choose' && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void chooseFile()}>
            {t('wizard.choose')}
          </button>
          <span className="hint">{t('wizard.chooseHint')}</span>
        </div>
      )}
      {step === 'mapping' && <MappingStep />}
      {step === 'preview' && <PreviewStep />}
      {step === 'running' && <ProgressStep />}
      {step === 'report' && <ReportStep />}
    </section>
  );
}
