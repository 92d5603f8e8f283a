import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTemplate, TEMPLATE_DEFAULTS, TEMPLATE_MAX, TEMPLATE_PLACEHOLDERS, type TemplateField } from '../../../shared/automation';
import type { AutomationRule } from '../../../shared/domain';

type Props = {
  rule: AutomationRule;
  field: TemplateField;
  /** Saves the checked text. */
  onSave: (text: string) => void;
};

/**
 * One editable text of an automation rule (a task subject or the greeting draft), with the
 * placeholders it may use. The text is checked as it is typed and saved when the field is left,
 * only when it passes; "Default text" puts the default of the interface language back.
 */
export function RuleTextField({ rule, field, onSave }: Props) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const stored = typeof rule.params[field] === 'string' ? (rule.params[field] as string) : (TEMPLATE_DEFAULTS.de[rule.kind][field] ?? '');
  const [draft, setDraft] = useState<string | undefined>();
  const value = draft ?? stored;
  const problem = checkTemplate(rule.kind, field, value);
  const id = `rule-${rule.kind}-${field}`;
  const placeholders = TEMPLATE_PLACEHOLDERS[rule.kind].map((p) => `{${p}}`).join(', ');
  const commit = (text: string) => {
    if (checkTemplate(rule.kind, field, text) !== null) return;
    if (text !== stored) onSave(text);
    setDraft(undefined);
  };
  const message = problem === null ? null : t(`template.${problem.kind}`, { count: 'max' in problem ? problem.max : 0, names: 'names' in problem ? problem.names.map((n) => `{${n}}`).join(', ') : '', allowed: placeholders });
  const common = {
    id,
    value,
    maxLength: TEMPLATE_MAX[field] + 50,
    'aria-invalid': problem !== null || undefined,
    'aria-describedby': `${id}-hint${problem ? ` ${id}-error` : ''}`,
    onBlur: () => commit(value),
  };
  return (
    <div className="field rule-text">
      <label htmlFor={id}>{t(`template.field.${field}`)}</label>
      {field === 'text' ? (
        <textarea rows={3} {...common} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && commit(value)} />
      )}
      <span id={`${id}-hint`} className="hint">
        {t('template.placeholders', { list: placeholders })}{' '}
        <button
          type="button"
          className="link"
          onClick={() => {
            const fallback = TEMPLATE_DEFAULTS[lang][rule.kind][field] ?? '';
            setDraft(undefined);
            if (fallback !== stored) onSave(fallback);
          }}
        >
          {t('template.reset')}
        </button>
      </span>
      {message && (
        <span id={`${id}-error`} className="error field-error">
          {message}
        </span>
      )}
    </div>
  );
}
