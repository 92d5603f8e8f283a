import { useTranslation } from 'react-i18next';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import { NpsImport } from './NpsImport';
import { RecentImports } from './RecentImports';
import './import-export.css';

/** Settings → Import/Export: the import wizard, recent imports with undo, and every export. */
export function ImportExportPage() {
  const { t } = useTranslation('import-export');
  return (
    <section aria-labelledby="import-export-title">
      <header className="page-header">
        <h1 id="import-export-title">{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>
      <div className="import-export-grid">
        <ImportWizard />
        <RecentImports />
        <NpsImport />
        <ExportPanel />
      </div>
    </section>
  );
}
