import { useTranslation } from 'react-i18next';
import { listDealsOf, listSalesOf } from '../../db/pipeline';
import { useLive } from '../../db/live';
import { formatters } from '../../i18n/format';
import { todayIso } from '../../app/today';

function yearAgo(): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  return todayIso(d);
}

/** Deals and the last twelve months' revenue of the account. */
export function PipelinePanel({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation('account');
  const fmt = formatters(i18n.language);
  const deals = useLive(() => listDealsOf(accountId), [accountId]);
  const sales = useLive(() => listSalesOf(accountId, yearAgo()), [accountId]);
  const revenue = (sales ?? []).reduce((sum, s) => sum + s.amount, 0);
  return (
    <section className="panel" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title">{t('pipeline')}</h2>
      <p>
        {t('revenue12m')}: <strong>{fmt.currency(revenue)}</strong>
      </p>
      {deals && deals.length > 0 ? (
        <ul className="deal-list">
          {deals.map((d) => (
            <li key={d.id}>
              <span>{d.title}</span> <span className="muted">{t(`common:dealStage.${d.stage}`)}</span>{' '}
              <span>{fmt.currency(d.value)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t('noDeals')}</p>
      )}
    </section>
  );
}
