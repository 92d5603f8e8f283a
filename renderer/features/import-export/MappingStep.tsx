import { useTranslation } from 'react-i18next';
import { ACCOUNT_FIELDS, CONTACT_FIELDS, TARGET_FIELDS, type TargetField } from '../../../shared/import/fields';
import { formatters } from '../../i18n/format';
import { columnSamples } from './samples';
import { SourceBar } from './SourceBar';
import { mappingStatus, setSlashOrder, setTarget, toPreview, useImportWizard } from './wizard';

/** Step 2: detected file settings, one line per column with its target field, and the date-order question. */
export function MappingStep() {
  const { t, i18n } = useTranslation('import-export');
  const state = useImportWizard();
  const { source, mapping, slashOrder } = state;
  if (!source) return null;
  const locale = i18n.language === 'en' ? 'en' : 'de';
  const status = mappingStatus(state, locale);
  const field = (target: TargetField) => t(`import.field.${target}`);
  // A vCard has no header row: its columns are named by the field they were read into ("Firma", "Geburtstag").
  const named = (h: string | undefined) => (source.kind === 'vcard' && TARGET_FIELDS.includes(h as TargetField) ? field(h as TargetField) : h);
  const header = (column: number) => named(source.headers[column]) || `${t('wizard.column')} ${column + 1}`;
  const head = source.rows.slice(0, 200);
  const fmt = formatters(i18n.language);
  const numberStyle = status.questions.find((q) => q.kind === 'number_style')?.style;

  return (
    <div className="mapping-step">
      <SourceBar />
      <h3 id="mapping-title">{t('wizard.mappingTitle')}</h3>
      <p className="hint">{t('wizard.mappingHint')}</p>
      <div className="table-wrap">
        <table className="data-table" aria-labelledby="mapping-title">
          <thead>
            <tr>
              <th scope="col">{t('wizard.column')}</th>
              <th scope="col">{t('wizard.samples')}</th>
              <th scope="col">{t('wizard.target')}</th>
            </tr>
          </thead>
          <tbody>
            {source.headers.map((_, column) => (
              <tr key={column}>
                <th scope="row">{header(column)}</th>
                <td className="samples">{columnSamples(head, column, mapping[column] ?? null, fmt, { ...(slashOrder ? { slashOrder } : {}), ...(numberStyle ? { numberStyle } : {}) }).join(' · ')}</td>
                <td>
                  <select
                    aria-label={t('wizard.targetFor', { header: header(column) })}
                    value={mapping[column] ?? ''}
                    onChange={(e) => setTarget(column, (e.target.value || null) as TargetField | null)}
                  >
                    <option value="">{t('wizard.ignore')}</option>
                    <optgroup label={t('wizard.groupAccount')}>
                      {ACCOUNT_FIELDS.map((f) => (
                        <option key={f} value={`account.${f}`}>
                          {field(`account.${f}`)}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label={t('wizard.groupContact')}>
                      {CONTACT_FIELDS.map((f) => (
                        <option key={f} value={`contact.${f}`}>
                          {field(`contact.${f}`)}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {status.questions.map((q) =>
        q.kind === 'slash_order' ? (
          <fieldset key={`o${q.column}`} className="question">
            <legend>{t('wizard.dateOrderTitle', { header: header(q.column) })}</legend>
            <p className="hint">{t('wizard.dateOrderHint')}</p>
            {(['dmy', 'mdy'] as const).map((order) => (
              <label key={order} className="check">
                <input type="radio" name={`order-${q.column}`} checked={slashOrder === order} onChange={() => setSlashOrder(order)} />
                {t(`wizard.${order}`)}
              </label>
            ))}
          </fieldset>
        ) : q.kind === 'date_conflict' ? (
          <p key={`c${q.column}`} className="warning">
            {t('wizard.dateConflict', { header: header(q.column) })}
          </p>
        ) : (
          <p key={`n${q.column}`} className="hint">
            {t('wizard.numberStyle', { header: header(q.column), style: t(`wizard.numberStyleName.${q.style}`) })}
          </p>
        ),
      )}
      {status.dups.map((d) => (
        <p key={d} role="alert" className="error">
          {t('wizard.duplicateTarget', { field: field(d) })}
        </p>
      ))}
      {!mapping.some(Boolean) && <p className="error">{t('wizard.nothingMapped')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={!status.ready} onClick={() => void toPreview(locale)}>
          {t('wizard.toPreview')}
        </button>
      </div>
    </div>
  );
}
