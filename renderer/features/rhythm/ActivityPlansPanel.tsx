import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/core/live';
import { listActivityPlans, saveActivityPlan } from '../../db/planning/planning';
import { ActivityPlanEditor } from './ActivityPlanEditor';

/** Yearly activity plans per segment; each generates planned tasks on the segment's accounts. */
export function ActivityPlansPanel() {
  const { t } = useTranslation('rhythm');
  const plans = useLive(listActivityPlans);
  const create = () =>
    void saveActivityPlan({
      segment: 'A-expand', name: t('plans.defaultName'), enabled: true,
      steps: [
        { quarter: 1, type: 'visit', title: t('plans.defaultSteps.q1') },
        { quarter: 2, type: 'call', title: t('plans.defaultSteps.q2') },
        { quarter: 3, type: 'visit', title: t('plans.defaultSteps.q3') },
        { quarter: 4, type: 'meeting', title: t('plans.defaultSteps.q4') },
      ],
    });
  return (
    <section className="panel activity-plans" aria-labelledby="activity-plans-title">
      <h2 id="activity-plans-title">{t('plans.title')}</h2>
      <p className="muted">{t('plans.intro')}</p>
      {plans?.length === 0 && <p className="empty-state">{t('plans.empty')}</p>}
      {plans?.map((p) => <ActivityPlanEditor key={p.id} plan={p} />)}
      <button type="button" onClick={create}>{t('plans.new')}</button>
    </section>
  );
}
