import { useTranslation } from 'react-i18next';
import { DEAL_STAGES, type Deal, type DealStage, type Id } from '../../../shared/domain';
import { effectiveProbability } from '../../../shared/pipeline/deal';
import { moveDeal, touchDeal } from '../../db/pipeline/pipeline';
import { formatters } from '../../i18n/format';

type Props = {
  deals: readonly Deal[];
  accountNames: ReadonlyMap<Id, string>;
  stale: ReadonlyMap<Id, number>;
  onEdit: (deal: Deal) => void;
};

/** Deals in columns by stage, with count and value per column; moved by a stage select (keyboard-friendly). */
export function DealBoard({ deals, accountNames, stale, onEdit }: Props) {
  const { t, i18n } = useTranslation('pipeline');
  const fmt = formatters(i18n.language);
  const byStage = new Map<DealStage, Deal[]>(DEAL_STAGES.map((s) => [s, []]));
  for (const d of deals) byStage.get(d.stage)?.push(d);
  return (
    <div className="board" aria-label={t('board')} role="region">
      {DEAL_STAGES.map((stage) => {
        const list = (byStage.get(stage) ?? []).sort((a, b) => (stale.get(b.id) ?? -1) - (stale.get(a.id) ?? -1) || b.value - a.value);
        const sum = list.reduce((s, d) => s + d.value, 0);
        const titleId = `stage-${stage}`;
        return (
          <section key={stage} className="board-column" aria-labelledby={titleId} data-stage={stage}>
            <h3 id={titleId}>
              <span>{t(`common:dealStage.${stage}`)}</span>
              <span className="muted">{t('columnSummary', { count: list.length, sum: fmt.currency(sum) })}</span>
            </h3>
            {list.length === 0 ? (
              <p className="hint">{t('emptyColumn')}</p>
            ) : (
              <ol>
                {list.slice(0, 200).map((d) => {
                  const days = stale.get(d.id);
                  return (
                    <li key={d.id} className={days === undefined ? 'deal-card' : 'deal-card stale'} aria-label={d.title}>
                      <strong>{d.title}</strong>
                      <div>
                        <a href={`#/account/${encodeURIComponent(d.accountId)}`}>{accountNames.get(d.accountId)}</a>
                      </div>
                      <div>
                        {fmt.currency(d.value)} · {fmt.percent(effectiveProbability(d) / 100)}
                      </div>
                      {days !== undefined && <div className="stale-flag">{t('staleFor', { count: days })}</div>}
                      <select aria-label={t('stageOf', { title: d.title })} value={d.stage} onChange={(e) => void moveDeal(d.id, e.target.value as DealStage)}>
                          {DEAL_STAGES.map((s) => (
                            <option key={s} value={s}>
                              {t(`common:dealStage.${s}`)}
                            </option>
                          ))}
                      </select>
                      <div className="row-actions">
                        {(d.stage === 'offer_sent' || d.stage === 'negotiation') && (
                          <button type="button" onClick={() => void touchDeal(d.id)} aria-label={t('touchOf', { title: d.title })}>
                            {t('touch')}
                          </button>
                        )}
                        <button type="button" onClick={() => onEdit(d)} aria-label={t('editOf', { title: d.title })}>
                          {t('edit')}
                        </button>
                      </div>
                    </li>
                  );
                })}
                {list.length > 200 && <li className="hint">{t('moreInTable', { count: list.length - 200 })}</li>}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
