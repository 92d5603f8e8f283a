import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERACTION_TYPES, type ActivityPlan, type ActivityStep, type InteractionType, type SegmentKey } from '../../../shared/domain';
import { SEGMENT_KEYS } from '../../../shared/planning/rhythm';
import { useSession } from '../../core/session';
import { todayIso } from '../../../shared/time/today';
import { deleteActivityPlan, generateActivityTasks, saveActivityPlan } from '../../db/planning/planning';

const QUARTERS = [1, 2, 3, 4] as const;

/** One activity plan: segment, name, steps per quarter; saving, deleting and generating its tasks. */
export function ActivityPlanEditor({ plan }: { plan: ActivityPlan }) {
  const { t } = useTranslation('rhythm');
  const selfId = useSession((s) => s.selfId);
  const [draft, setDraft] = useState(plan);
  const [year, setYear] = useState(String(Number(todayIso().slice(0, 4))));
  const [result, setResult] = useState('');
  // A save (here, by generating, or from a sync) replaces the draft with what is stored.
  const [shown, setShown] = useState(plan);
  if (plan !== shown) {
    setShown(plan);
    setDraft(plan);
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(plan);
  const id = `ap-${plan.id}`;
  const segmentLabel = (s: SegmentKey) => `${s.split('-')[0]} · ${t(`common:accountType.${s.split('-')[1]}`)}`;
  const setStep = (i: number, patch: Partial<ActivityStep>) =>
    setDraft({ ...draft, steps: draft.steps.map((s, k) => (k === i ? { ...s, ...patch } : s)) });

  const generate = async () => {
    if (dirty) await saveActivityPlan(draft);
    const y = Number(year);
    const today = todayIso();
    // The current year is planned from today on: no tasks land in the past.
    const from = String(y) === today.slice(0, 4) ? today : undefined;
    const created = await generateActivityTasks(plan.id, y, { ...(from ? { from } : {}), userId: selfId });
    setResult(t('plans.generated', { count: created, year: y }));
  };

  return (
    <fieldset className="activity-plan" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{draft.name || t('plans.unnamed')}</legend>
      <div className="inline-form">
        <label className="field grow">
          <span>{t('plans.name')}</span>
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('plans.segment')}</span>
          <select value={draft.segment} onChange={(e) => setDraft({ ...draft, segment: e.target.value as SegmentKey })}>
            {SEGMENT_KEYS.map((s) => <option key={s} value={s}>{segmentLabel(s)}</option>)}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
          {t('plans.enabled')}
        </label>
      </div>
      <ol className="plain-list steps">
        {draft.steps.map((s, i) => (
          <li key={i} className="inline-form">
            <label className="field">
              <span>{t('plans.quarter')}</span>
              <select value={s.quarter} onChange={(e) => setStep(i, { quarter: Number(e.target.value) as ActivityStep['quarter'] })}>
                {QUARTERS.map((q) => <option key={q} value={q}>{t('plans.q', { q })}</option>)}
              </select>
            </label>
            <label className="field">
              <span>{t('plans.type')}</span>
              <select value={s.type} onChange={(e) => setStep(i, { type: e.target.value as InteractionType })}>
                {INTERACTION_TYPES.filter((x) => x !== 'complaint' && x !== 'note').map((x) => (
                  <option key={x} value={x}>{t(`common:interactionType.${x}`)}</option>
                ))}
              </select>
            </label>
            <label className="field grow">
              <span>{t('plans.stepTitle')}</span>
              <input value={s.title} onChange={(e) => setStep(i, { title: e.target.value })} />
            </label>
            <button type="button" onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, k) => k !== i) })}
              aria-label={t('plans.removeStep', { n: i + 1 })}>
              {t('common:action.delete')}
            </button>
          </li>
        ))}
      </ol>
      {draft.steps.length === 0 && <p className="muted">{t('plans.noSteps')}</p>}
      <div className="row-actions">
        <button type="button" onClick={() => setDraft({ ...draft, steps: [...draft.steps, { quarter: 1, type: 'visit', title: '' }] })}>
          {t('plans.addStep')}
        </button>
        <button type="button" className="primary" disabled={!dirty || !draft.name.trim()} onClick={() => void saveActivityPlan(draft)}>
          {t('common:action.save')}
        </button>
        <button type="button" className="danger" onClick={() => void deleteActivityPlan(plan.id)}>{t('common:action.delete')}</button>
      </div>
      <div className="inline-form">
        <label className="field">
          <span>{t('plans.year')}</span>
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
        </label>
        <button type="button" disabled={!draft.enabled || draft.steps.length === 0 || !/^\d{4}$/.test(year)} onClick={() => void generate()}>
          {t('plans.generate')}
        </button>
        <span role="status">{result}</span>
      </div>
    </fieldset>
  );
}
