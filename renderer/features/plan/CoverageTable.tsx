import { useTranslation } from 'react-i18next';
import type { Id } from '../../../shared/domain';
import { formatters } from '../../i18n/format';
import { useCoverage } from './use-coverage';

/** Visit coverage per segment for the rep's accounts: share contacted within their rhythm. */
export function CoverageTable({ rep }: { rep: Id }) {
  const { t, i18n } = useTranslation('plan');
  const fmt = formatters(i18n.language);
  // After the plan has painted: this reads every account of the rep.
  const current = useCoverage(rep);
  return (
    <section className="panel no-print" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <p className="muted">{t('coverage.definition')}</p>
      {!current ? (
        <p role="status">{t('common:loading')}</p>
      ) : (
        <table className="data-table coverage">
          <thead>
            <tr>
              <th scope="col">{t('coverage.segment')}</th>
              <th scope="col">{t('coverage.accounts')}</th>
              <th scope="col">{t('coverage.within')}</th>
              <th scope="col">{t('coverage.share')}</th>
            </tr>
          </thead>
          <tbody>
            {current.map((c) => {
              const [cat, type] = c.segment.split('-');
              return (
                <tr key={c.segment}>
                  <th scope="row">{cat} · {t(`common:accountType.${type}`)}</th>
                  <td>{fmt.number(c.accounts)}</td>
                  <td>{fmt.number(c.withinRhythm)}</td>
                  <td>
                    {c.share === null ? t('common:none') : (
                      <span className="bar-cell"><span className="bar" style={{ width: `${Math.round(c.share * 100)}%` }} />{fmt.percent(c.share)}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
