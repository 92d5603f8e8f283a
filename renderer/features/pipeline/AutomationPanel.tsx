import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_FIELDS } from '../../../shared/automation';
import type { AutomationRule } from '../../../shared/domain';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { listAutomationRules, runAutomationNow, saveAutomationRule } from '../../db/pipeline/admin';
import { RuleTextField } from './RuleTextField';

/** Numeric parameters shown per rule; the texts (TEMPLATE_FIELDS) have their own fields. */
const NUMBER_PARAMS: Record<AutomationRule['kind'], string[]> = {
  deal_value_call: ['minValue', 'dueInDays'],
  won_deal_followup: ['afterDays', 'maxAgeDays'],
  birthday_greeting: ['daysAhead', 'prepareDaysBefore'],
};

/** The three built-in automation rules: on/off, thresholds, their texts, and a manual run with its result. */
export function AutomationPanel() {
  const { t } = useTranslation('pipeline');
  const rules = useLive(listAutomationRules);
  const [result, setResult] = useState('');
  const [running, setRunning] = useState(false);
  const save = (rule: AutomationRule, patch: Partial<AutomationRule>) => void saveAutomationRule({ ...rule, ...patch });
  const run = async () => {
    setRunning(true);
    try {
      const count = await runAutomationNow(todayIso());
      setResult(t('automationResult', { count }));
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="automation-title">
      <h2 id="automation-title">{t('automationTitle')}</h2>
      <p className="hint">{t('automationLead')}</p>
      {(rules ?? []).map((rule) => (
        <fieldset key={rule.kind} className="automation-rule">
          <legend>
            <label className="check">
              <input type="checkbox" checked={rule.enabled} onChange={(e) => save(rule, { enabled: e.target.checked })} />
              {t(`automation.${rule.kind}`)}
            </label>
          </legend>
          {NUMBER_PARAMS[rule.kind].map((p) => (
            <label key={p} className="field inline">
              <span>{t(`param.${p}`)}</span>
              <input
                type="number"
                min={0}
                value={Number(rule.params[p] ?? 0)}
                onChange={(e) => save(rule, { params: { ...rule.params, [p]: Number(e.target.value) } })}
              />
            </label>
          ))}
          {TEMPLATE_FIELDS[rule.kind].map((field) => (
            <RuleTextField key={field} rule={rule} field={field} onSave={(text) => save(rule, { params: { ...rule.params, [field]: text } })} />
          ))}
        </fieldset>
      ))}
      <button type="button" className="primary" disabled={running} onClick={() => void run()}>
        {t('runNow')}
      </button>
      <p role="status" className="hint">{result}</p>
    </section>
  );
}
