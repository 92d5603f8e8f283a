import { useTranslation } from 'react-i18next';
import { CSV_DELIMITERS } from '../../../shared/import/csv';
import type { TextEncodingName } from '../../../shared/import/decode';
import type { SourceKind } from './pipeline';
import { reread, useImportWizard } from './wizard';

const KINDS: SourceKind[] = ['csv', 'xlsx', 'vcard'];
const ENCODINGS: TextEncodingName[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];

/** What was detected about the file (type, character set, separator, sheet), each changeable. */
export function SourceBar() {
  const { t } = useTranslation('import-export');
  const source = useImportWizard((s) => s.source);
  const options = useImportWizard((s) => s.options);
  if (!source) return null;
  return (
    <fieldset className="toolbar source-bar">
      <legend>{t('wizard.detected')}</legend>
      <label className="field">
        <span>{t('wizard.kind')}</span>
        <select value={source.kind} onChange={(e) => void reread({ kind: e.target.value as SourceKind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`wizard.kindName.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {source.kind === 'csv' && (
        <>
          <label className="field">
            <span>{t('wizard.encoding')}</span>
            <select value={source.encoding} onChange={(e) => void reread({ ...options, kind: 'csv', encoding: e.target.value as TextEncodingName })}>
              {ENCODINGS.map((enc) => (
                <option key={enc} value={enc}>
                  {t(`wizard.encodingName.${enc}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('wizard.delimiter')}</span>
            <select value={source.delimiter} onChange={(e) => void reread({ ...options, kind: 'csv', delimiter: e.target.value as (typeof CSV_DELIMITERS)[number] })}>
              {CSV_DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {t(`wizard.delimiterName.${d}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {source.kind === 'xlsx' && source.sheetNames && (
        <label className="field">
          <span>{t('wizard.sheet')}</span>
          <select value={source.sheet} onChange={(e) => void reread({ kind: 'xlsx', sheet: e.target.value })}>
            {source.sheetNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="count">{t('wizard.rowsFound', { count: source.rows.length })}</p>
    </fieldset>
  );
}
