import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsvBytes } from '../../../shared/export/csv';
import { countOutcomes, OUTCOME_KINDS } from '../../../shared/import/outcomes';
import { outcomeMessage, reportRows } from '../../../shared/import/report';
import { getBridge } from '../../bridge';
import { formatters } from '../../i18n/format';
import { todayIso } from '../../../shared/time/today';
import { issueText } from './messages';
import { undoLastImport, useImportWizard } from './wizard';

/** Lines shown on screen; the downloadable report has all of them. */
const SHOWN = 200;

/**
 * Step 5: what the import did. Every data row has one outcome; the counts by outcome add up to the rows
 * read, and every row that was not simply new is named with its row number (on screen the first
 * lines, in the downloadable report all). Then undo.
 */
export function ReportStep() {
  const { t, i18n } = useTranslation('import-export');
  const report = useImportWizard((s) => s.report);
  const undone = useImportWizard((s) => s.undone);
  const [busy, setBusy] = useState(false);
  if (!report) return null;
  const counted = (n: { accounts: number; contacts: number }) => ({
    accounts: t('common:counted.customers', { count: n.accounts }),
    contacts: t('common:counted.contacts', { count: n.contacts }),
  });
  const lines = [
    ...report.errors.map((e) => ({ row: e.row, field: e.field ? t(`import.field.${e.field}`) : '', text: issueText(t, e.code, e.params), error: true })),
    ...report.outcomes.flatMap((o) => {
      const m = outcomeMessage(o);
      return m ? [{ row: o.row, field: t(`import.table.${m.table}`), text: t(m.key, m.params), error: false }] : [];
    }),
  ].sort((a, b) => a.row - b.row);
  const counts = countOutcomes(report.outcomes);
  const fmt = formatters(i18n.language).number;

  const download = async () => {
    const rows = reportRows(report, (key, params) => (key.startsWith('import.error.') ? issueText(t, key.slice(13), params) : t(key, params)));
    const locale = i18n.language === 'en' ? 'en' : 'de';
    await getBridge().saveFile({
      suggestedName: `${t('export.fileBase.report')}-${todayIso()}.csv`,
      mimeType: 'text/csv',
      data: toCsvBytes(rows, { locale }),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  };
  const undo = async () => {
    setBusy(true);
    try {
      await undoLastImport();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-step">
      <h3>{t('wizard.reportTitle')}</h3>
      <p>{t('wizard.reportFile', { name: report.fileName, count: report.rowsRead })}</p>
      <table className="data-table outcome-table" aria-label={t('wizard.outcomeTable')}>
        <thead>
          <tr>
            <th scope="col">{t('wizard.outcome.kind')}</th>
            <th scope="col">{t('wizard.outcome.rows')}</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOME_KINDS.map((kind) => (
            <tr key={kind} className={kind === 'error' && counts.error > 0 ? 'invalid' : undefined}>
              <th scope="row">{t(`wizard.outcome.${kind}`)}</th>
              <td>{fmt(counts[kind])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('wizard.outcome.total')}</th>
            <td>{fmt(report.outcomes.length)}</td>
          </tr>
        </tfoot>
      </table>
      <ul className="plain-list" aria-label={t('wizard.reportTitle')}>
        <li>{t('wizard.created', counted(report.created))}</li>
        <li>{t('wizard.updated', counted(report.updated))}</li>
      </ul>
      {lines.length === 0 ? (
        <p>{t('wizard.noDetails')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label={t('wizard.rowTable')}>
            <thead>
              <tr>
                <th scope="col">{t('import.report.row')}</th>
                <th scope="col">{t('import.report.field')}</th>
                <th scope="col">{t('import.report.message')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.slice(0, SHOWN).map((l, i) => (
                <tr key={i} className={l.error ? 'invalid' : undefined}>
                  <th scope="row">{l.row}</th>
                  <td>{l.field}</td>
                  <td>{l.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {lines.length > SHOWN && <p className="hint">{t('wizard.moreRows', { count: lines.length - SHOWN })}</p>}
        </div>
      )}
      {undone && <p role="status">{t('wizard.undone')}</p>}
      <div className="actions">
        <button type="button" onClick={() => void download()}>
          {t('wizard.download')}
        </button>
        <button type="button" disabled={undone || busy} onClick={() => void undo()}>
          {t('wizard.undo')}
        </button>
      </div>
    </div>
  );
}
