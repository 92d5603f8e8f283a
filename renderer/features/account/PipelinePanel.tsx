import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, IsoDate } from '../../../shared/domain';
import { listDealsOf, listSalesOf, touchDeal } from '../../db/pipeline/pipeline';
import { getFollowUpDays } from '../../db/pipeline/admin';
import { useLive } from '../../db/core/live';
import { formatters } from '../../i18n/format';
import { todayIso } from '../../../shared/time/today';
import { DealDialog, SalesList, staleOffers } from '../pipeline';

function yearAgo(): IsoDate {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  return todayIso(d);
}

/** Deals (with stale offers flagged) and the last twelve months' sales of the account. */
export function PipelinePanel({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation('account');
  const fmt = formatters(i18n.language);
  const deals = useLive(() => listDealsOf(accountId), [accountId]);
  const sales = useLive(() => listSalesOf(accountId, yearAgo()), [accountId]);
  const days = useLive(getFollowUpDays) ?? 14;
  const [editing, setEditing] = useState<Deal | 'new' | undefined>();
  const revenue = (sales ?? []).reduce((sum, s) => sum + s.amount, 0);
  const stale = useMemo(() => staleOffers(deals ?? [], [], todayIso(), days), [deals, days]);
  return (
    <section className="panel" aria-labelledby="pipeline-title">
      <div className="title-row">
        <h2 id="pipeline-title">{t('pipeline')}</h2>
        <button type="button" onClick={() => setEditing('new')}>
          {t('pipeline:newDeal')}
        </button>
      </div>
      <p>
        {t('revenue12m')}: <strong>{fmt.currency(revenue)}</strong>
      </p>
      {deals && deals.length > 0 ? (
        <ul className="deal-list" aria-label={t('pipeline:deals')}>
          {deals.map((d) => {
            const staleDays = stale.get(d.id);
            return (
              <li key={d.id}>
                <span>{d.title}</span> <span className="muted">{t(`common:dealStage.${d.stage}`)}</span> <span>{fmt.currency(d.value)}</span>
                {staleDays !== undefined && <span className="error"> · {t('pipeline:staleFor', { count: staleDays })}</span>}{' '}
                {(d.stage === 'offer_sent' || d.stage === 'negotiation') && (
                  <button type="button" className="link" onClick={() => void touchDeal(d.id)} aria-label={t('pipeline:touchOf', { title: d.title })}>
                    {t('pipeline:touch')}
                  </button>
                )}{' '}
                <button type="button" className="link" onClick={() => setEditing(d)} aria-label={t('pipeline:editOf', { title: d.title })}>
                  {t('pipeline:edit')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="empty-state">{t('noDeals')}</p>
      )}
      <SalesList accountId={accountId} sales={sales ?? []} />
      {editing !== undefined && <DealDialog accountId={accountId} {...(editing === 'new' ? {} : { deal: editing })} onClose={() => setEditing(undefined)} />}
    </section>
  );
}
