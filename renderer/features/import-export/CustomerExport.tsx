import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerLabelKeys } from '../../../shared/export/customer-columns';
import { getBridge } from '../../bridge';
import { SaveCancelled, saveInChunks } from '../../bridge/chunked-save';
import { todayIso } from '../../../shared/time/today';
import type { CustomerExportProgress } from '../../db/transfer/customer-export';
import { ExportCancelled, runCustomerExport } from '../../db/transfer/export-job';
import { formatters } from '../../i18n/format';
import { useCurrentView } from '../customers';
import { fileErrorText } from './messages';

type Status = { kind: 'done' | 'error'; text: string };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Customers as CSV or XLSX, either the customer list's current view or all accounts. The file is
 * written in a Web Worker with progress and Cancel, so a 100k-account workbook never freezes the window,
 * and streamed to the chosen file chunk by chunk.
 */
export function CustomerExport() {
  const { t, i18n } = useTranslation('import-export');
  const locale = i18n.language === 'en' ? 'en' : 'de';
  const fmt = formatters(i18n.language);
  const view = useCurrentView();
  const [scope, setScope] = useState<'view' | 'all'>('view');
  const [progress, setProgress] = useState<CustomerExportProgress>();
  const [status, setStatus] = useState<Status>();
  const controller = useRef<AbortController>(undefined);
  const busy = progress !== undefined;

  const run = async (kind: 'csv' | 'xlsx') => {
    controller.current = new AbortController();
    setStatus(undefined);
    setProgress({ done: 0, total: scope === 'view' ? view.ids.length : view.all });
    try {
      const labels = Object.fromEntries(customerLabelKeys().map((k) => [k, t(k)]));
      const suggestedName = `${t('export.fileBase.customers')}-${todayIso()}.${kind}`;
      const signal = controller.current.signal;
      // The place is chosen first, then the worker's chunks go straight to it as the file is made: the
      // file is never whole in memory (a 100k-account workbook is tens of MB), and a cancel or a failure
      // aborts the save, so no half file is left.
      const saved = await saveInChunks(
        getBridge(),
        { suggestedName, mimeType: kind === 'csv' ? 'text/csv' : XLSX_MIME, filters: [{ name: kind.toUpperCase(), extensions: [kind] }] },
        async (write) =>
          void (await runCustomerExport(
            { kind, locale, labels, sheetName: t('export.customers'), ...(scope === 'view' ? { accountIds: view.ids } : {}) },
            { signal, onProgress: setProgress, onChunk: write },
          )),
        signal,
      );
      setProgress(undefined);
      if (saved) setStatus({ kind: 'done', text: t('export.saved', { name: saved.name }) });
    } catch (e) {
      setProgress(undefined);
      if (e instanceof ExportCancelled || e instanceof SaveCancelled) setStatus({ kind: 'done', text: t('export.cancelled') });
      else setStatus({ kind: 'error', text: fileErrorText(t, e) });
    }
  };

  return (
    <>
      <h3>{t('export.customers')}</h3>
      <fieldset className="export-scope" disabled={busy}>
        <legend>{t('export.scope')}</legend>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'view'} disabled={!view.ready} onChange={() => setScope('view')} />
          {view.ready ? t('export.scopeView', { count: view.ids.length, n: fmt.number(view.ids.length) }) : t('export.scopeViewLoading')}
        </label>
        <label>
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          {view.ready ? t('export.scopeAll', { count: view.all, n: fmt.number(view.all) }) : t('export.scopeAllPlain')}
        </label>
      </fieldset>
      <div className="actions">
        <button type="button" disabled={busy || (scope === 'view' && !view.ready)} onClick={() => void run('csv')}>
          {t('export.csv')}
        </button>
        <button type="button" disabled={busy || (scope === 'view' && !view.ready)} onClick={() => void run('xlsx')}>
          {t('export.xlsx')}
        </button>
      </div>
      {progress && (
        <div className="actions">
          <div className="progress">
            <span className="progress-label" id="export-progress-label">
              {t('export.working')} {t('wizard.progressCount', { done: fmt.number(progress.done), total: fmt.number(progress.total) })}
            </span>
            <progress aria-labelledby="export-progress-label" max={Math.max(progress.total, 1)} value={progress.done} />
          </div>
          <button type="button" onClick={() => controller.current?.abort()}>
            {t('wizard.cancel')}
          </button>
        </div>
      )}
      {status && (
        <p role="status" className={status.kind === 'error' ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </>
  );
}
