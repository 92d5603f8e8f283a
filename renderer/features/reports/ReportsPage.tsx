import { useTranslation } from 'react-i18next';
import { CATEGORIES, LIFECYCLES } from '../../../shared/domain';
import { getDb } from '../../db/db';
import { useLive } from '../../db/live';
import { listOpenDeals } from '../../db/pipeline';
import { formatters } from '../../i18n/format';

/** The customer base at a glance: how it splits by lifecycle and category, and the open pipeline. */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const fmt = formatters(i18n.language);
  const accounts = useLive(() => getDb().accounts.toArray());
  const deals = useLive(listOpenDeals);
  const live = (accounts ?? []).filter((a) => a.deletedAt === undefined);
  const openValue = (deals ?? []).reduce((s, d) => s + d.value, 0);
  const weighted = (deals ?? []).reduce((s, d) => s + (d.value * d.probability) / 100, 0);
  return (
    <section aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">{t('title')}</h1>
      </header>
      <div className="account-grid">
        <section className="panel" aria-labelledby="base-title">
          <h2 id="base-title">{t('base')}</h2>
          <table className="figures">
            <tbody>
              {LIFECYCLES.map((l) => (
                <tr key={l}>
                  <th scope="row">{t(`common:lifecycle.${l}`)}</th>
                  <td>{fmt.number(live.filter((a) => a.lifecycle === l).length)}</td>
                </tr>
              ))}
              {CATEGORIES.map((c) => (
                <tr key={c}>
                  <th scope="row">{t('category', { category: c })}</th>
                  <td>{fmt.number(live.filter((a) => a.category === c).length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel" aria-labelledby="deals-title">
          <h2 id="deals-title">{t('openDeals')}</h2>
          <table className="figures">
            <tbody>
              <tr>
                <th scope="row">{t('dealCount')}</th>
                <td>{fmt.number(deals?.length ?? 0)}</td>
              </tr>
              <tr>
                <th scope="row">{t('dealValue')}</th>
                <td>{fmt.currency(openValue)}</td>
              </tr>
              <tr>
                <th scope="row">{t('dealWeighted')}</th>
                <td>{fmt.currency(weighted)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
