import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPolicy } from '../../../shared/import/duplicates';
import type { ImportIssue } from '../../../shared/import/types';
import { useSession } from '../../core/session';
import { formatters } from '../../i18n/format';
import { FoldList } from './FoldList';
import { issueLine, issueText } from './messages';
import { previewCounts } from './preview-counts';
import { backToMapping, runImport, setPolicy, useImportWizard } from './wizard';

const PREVIEW_ROWS = 20;
const POLICIES: ImportPolicy[] = ['skip', 'update', 'create'];

/** Step 3: the first rows as they will be imported, each marked valid or with its errors; then the duplicate policy. */
export function PreviewStep() {
  const { t, i18n } = useTranslation('import-export');
  const fmt = formatters(i18n.language);
  const { source, mapping, built, counts, policy } = useImportWizard();
  const selfId = useSession((s) => s.selfId);
  const { byRow, summary } = useMemo(() => {
    const issues = [...(source?.readErrors ?? []), ...(built?.errors ?? [])];
    const map = new Map<number, ImportIssue[]>();
    for (const e of issues) map.set(e.row, [...(map.get(e.row) ?? []), e]);
    return { byRow: map, summary: previewCounts(source?.rowNumbers ?? [], issues) };
  }, [source, built]);
  if (!source || !built || !counts) return null;
  const columns = mapping.flatMap((target, i) => (target ? [{ i, target }] : []));
  const rows = source.rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="preview-step">
      <h3 id="preview-title">{t('wizard.previewTitle', { count: rows.length })}</h3>
      <div className="table-wrap">
        <table className="data-table" aria-labelledby="preview-title">
          <thead>
            <tr>
              <th scope="col">{t('wizard.row')}</th>
              <th scope="col">{t('wizard.status')}</th>
              {columns.map((c) => (
                <th key={c.i} scope="col">
                  {t(`import.field.${c.target}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, r) => {
              const row = source.rowNumbers[r] ?? r + 2;
              const issues = byRow.get(row) ?? [];
              return (
                <tr key={row} className={issues.length > 0 ? 'invalid' : undefined}>
                  <th scope="row">{row}</th>
                  <td>
                    {issues.length === 0 ? (
                      <span className="ok" aria-label={t('wizard.ok')}>
                        {t('wizard.okMark')}
                      </span>
                    ) : (
                      <span className="error">
                        {t('wizard.errorMark')} {issues.map((e) => issueText(t, e.code, e.params)).join(' ')}
                      </span>
                    )}
                  </td>
                  {columns.map((c) => (
                    <td key={c.i}>{cells[c.i]}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p role="status">
        {t('wizard.summary', { records: fmt.number(summary.valid), rows: t('common:counted.rows', { count: summary.rows }) })}
        {summary.invalid > 0 && ` ${t('wizard.invalidRows', { count: summary.invalid })}`}
      </p>
      {summary.unlisted.length > 0 && (
        <ul className="issue-list" aria-label={t('wizard.unlisted')}>
          {summary.unlisted.map((e, i) => (
            <li key={i}>{issueLine(t, e)}</li>
          ))}
        </ul>
      )}
      <fieldset className="question">
        <legend>{t('wizard.policyTitle')}</legend>
        {POLICIES.map((p) => (
          <label key={p} className="check">
            <input type="radio" name="import-policy" checked={policy === p} onChange={() => setPolicy(p)} />
            {t(`wizard.policy.${p}`)}
            <span className="muted">
              ({t('wizard.policyCounts', { create: fmt.number(counts[p].create), update: fmt.number(counts[p].update), skip: fmt.number(counts[p].skip) })})
            </span>
          </label>
        ))}
      </fieldset>
      <FoldList records={built.records} />
      <div className="actions">
        <button type="button" onClick={backToMapping}>
          {t('wizard.back')}
        </button>
        <button type="button" className="primary" disabled={!selfId} onClick={() => void runImport(selfId)}>
          {t('wizard.start')}
        </button>
      </div>
    </div>
  );
}
