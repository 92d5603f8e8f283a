import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoldTarget } from '../../../shared/import/duplicates';
import type { ImportRecord } from '../../../shared/import/records';
import { formatters } from '../../i18n/format';
import { foldCounts, foldLines } from './fold-lines';
import { toggleKeepApart, useImportWizard } from './wizard';

/** Lines shown at first and added per click: a 10,000-row file can fold thousands of rows. */
const PAGE = 50;

type Place = Pick<FoldTarget, 'name' | 'postalCode' | 'city' | 'customerNumber'>;

/**
 * Every row that the import would add to an account it did not create (a stored customer, or the
 * customer of an earlier row), with the reason; a checkbox per row keeps it apart as a customer of its own.
 */
export function FoldList({ records }: { records: readonly ImportRecord[] }) {
  const { t, i18n } = useTranslation('import-export');
  const fmt = formatters(i18n.language);
  const { folds, proposed, keepApart } = useImportWizard();
  const [shown, setShown] = useState(PAGE);
  const byRow = useMemo(() => new Map(records.map((r) => [r.row, r])), [records]);
  const lines = useMemo(() => foldLines(folds ?? [], proposed ?? [], keepApart), [folds, proposed, keepApart]);
  const counts = foldCounts(lines);
  const place = (p: Place) =>
    [p.name, [p.postalCode, p.city].filter(Boolean).join(' '), p.customerNumber ? t('folds.number', { number: p.customerNumber }) : '']
      .filter(Boolean)
      .join(' · ');

  if (lines.length === 0) return <p className="muted">{t('folds.none')}</p>;
  return (
    <section className="fold-list" aria-labelledby="folds-title">
      <h4 id="folds-title">{t('folds.title')}</h4>
      {counts.total > 0 && (
        <p id="folds-summary">
          {t('folds.summary', { count: counts.total, total: fmt.number(counts.total), byNumber: fmt.number(counts.byNumber), byNamePlace: fmt.number(counts.byNamePlace) })}
        </p>
      )}
      <div className="table-wrap">
        <table className="data-table" aria-labelledby="folds-title" aria-describedby={counts.total > 0 ? 'folds-summary' : undefined}>
          <thead>
            <tr>
              <th scope="col">{t('wizard.row')}</th>
              <th scope="col">{t('folds.rowCustomer')}</th>
              <th scope="col">{t('folds.into')}</th>
              <th scope="col">{t('folds.why')}</th>
              <th scope="col">{t('folds.apart')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.slice(0, shown).map((line) => {
              const record = byRow.get(line.row);
              const person = [record?.contact?.firstName, record?.contact?.lastName].filter(Boolean).join(' ');
              return (
                <tr key={line.row} className={line.keptApart ? 'kept-apart' : undefined}>
                  <th scope="row">{line.row}</th>
                  <td>{[record ? place({ ...record.account, name: record.account.name ?? '', customerNumber: record.account.customerNumber }) : '', person].filter(Boolean).join(' · ')}</td>
                  <td>
                    {line.into.existing
                      ? t('folds.intoStored', { customer: place(line.into) })
                      : t('folds.intoRow', { row: line.into.row ?? '', customer: place(line.into) })}
                  </td>
                  <td>{t(`folds.by.${line.by}`)}</td>
                  <td>
                    <label className="check">
                      <input type="checkbox" checked={line.keptApart} onChange={() => toggleKeepApart(line.row)} />
                      {t('folds.keepApart', { row: line.row })}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {lines.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          {t('folds.more', { count: Math.min(PAGE, lines.length - shown) })}
        </button>
      )}
    </section>
  );
}
