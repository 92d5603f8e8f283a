import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_FIELDS } from '../../../shared/automation';
import type { AutomationRule } from '../../../shared/domain';
import { todayIso } from '../../../shared/time/today';
import { useLive } from '../../db/core/live';
import { listAutomationRules, runAutomationNow, saveAutomationRule } from '../../db/pipeline/admin';
import { AmountField, useAmountParser } from '../../components/AmountField';
import { formatters } from '../../i18n/format';
import { AutomationLog } from './AutomationLog';
import { RuleTextField } from './RuleTextField';

/** Numeric parameters shown per rule; the texts (TEMPLATE_FIELDS) have their own fields. */
const NUMBER_PARAMS: Record<AutomationRule['kind'], string[]> = {
  deal_value_call: ['minValue', 'dueInDays'],
  won_deal_followup: ['afterDays', 'maxAgeDays'],
  birthday_greeting: ['daysAhead', 'prepareDaysBefore'],
};

/** Parameters that are amounts of money ("5.000" typed in German is five thousand euros). */
const MONEY_PARAMS = new Set(['minValue']);

/** A rule's number, typed as people write it and saved once it reads as a number of at least 0. */
function RuleNumberField({ label, kind, value, onSave }: { label: string; kind: 'currency' | 'number'; value: number; onSave(n: number): void }) {
  const { i18n } = useTranslation();
  const shown = formatters(i18n.language).number(value, Number.isInteger(value) ? 0 : 2);
  const [text, setText] = useState(shown);
  const parse = useAmountParser();
  const commit = () => {
    const n = parse(text);
    if (n !== undefined && n >= 0 && n !== value) onSave(n);
  };
  return <AmountField label={label} kind={kind} value={text} onChange={setText} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />;
}

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
      const count = await runAutomationNow(todayIso(), Date.now(), { trigger: 'manual' });
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
            <RuleNumberField key={p} label={t(`param.${p}`)} kind={MONEY_PARAMS.has(p) ? 'currency' : 'number'} value={Number(rule.params[p] ?? 0)}
              onSave={(n) => save(rule, { params: { ...rule.params, [p]: n } })} />
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
      <AutomationLog />
    </section>
  );
}
