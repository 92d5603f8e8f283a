import type { AutomationRule } from '../domain/support';

// The editable texts of the automation rules: which texts each rule has, which placeholders they
// may use, and the checks a text passes before it is saved or used. A stored text that fails them
// (an old or hand-edited row, a sync from elsewhere) is never used: the rule falls back to its default.

type Kind = AutomationRule['kind'];
/** A rule's text parameter: the task's subject, or the greeting draft's body. */
export type TemplateField = 'subject' | 'text';

/** Which texts each rule writes. */
export const TEMPLATE_FIELDS: Record<Kind, readonly TemplateField[]> = {
  deal_value_call: ['subject'],
  won_deal_followup: ['subject'],
  birthday_greeting: ['subject', 'text'],
};

/** Placeholders each rule fills in (written `{name}` in the text). */
export const TEMPLATE_PLACEHOLDERS: Record<Kind, readonly string[]> = {
  deal_value_call: ['title'],
  won_deal_followup: ['title'],
  birthday_greeting: ['name', 'firstName', 'lastName', 'account'],
};

/** Longest texts: a subject is one line in the calendar, a draft one letter. */
export const TEMPLATE_MAX: Record<TemplateField, number> = { subject: 120, text: 2000 };

/** The default texts per language; the German ones are also the rules' fallback (AUTOMATION_DEFAULTS). */
export const TEMPLATE_DEFAULTS: Record<'de' | 'en', Record<Kind, Partial<Record<TemplateField, string>>>> = {
  de: {
    deal_value_call: { subject: 'Anruf zum Angebot „{title}“' },
    won_deal_followup: { subject: 'Nachbesuch zum Auftrag „{title}“' },
    birthday_greeting: {
      subject: 'Geburtstagsgruß an {name}',
      text: 'Herzlichen Glückwunsch zum Geburtstag, {name}! Für das neue Lebensjahr alles Gute, viel Gesundheit und Erfolg.',
    },
  },
  en: {
    deal_value_call: { subject: 'Call about the offer “{title}”' },
    won_deal_followup: { subject: 'Follow-up visit for the order “{title}”' },
    birthday_greeting: {
      subject: 'Birthday greeting to {name}',
      text: 'Happy birthday, {name}! All the best for the year ahead, good health and every success.',
    },
  },
};

/** Why a text cannot be used; `names` lists unknown placeholders. */
export type TemplateProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'lineBreak' }
  | { kind: 'unknownPlaceholder'; names: string[] }
  | { kind: 'strayBrace' };

/**
 * Checks a text for a rule: not blank, not too long, a subject on one line, only the rule's own
 * placeholders, and no brace outside a placeholder (a typo like `{name` would reach the customer).
 * Control characters other than line breaks and tabs are refused as line breaks in a subject are.
 */
export function checkTemplate(kind: Kind, field: TemplateField, text: string): TemplateProblem | null {
  if (text.trim() === '') return { kind: 'empty' };
  if (text.length > TEMPLATE_MAX[field]) return { kind: 'tooLong', max: TEMPLATE_MAX[field] };
  // eslint-disable-next-line no-control-regex
  if ((field === 'subject' && /[\r\n]/.test(text)) || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { kind: 'lineBreak' };
  const allowed = new Set(TEMPLATE_PLACEHOLDERS[kind]);
  const unknown = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').filter((n) => !allowed.has(n));
  if (unknown.length > 0) return { kind: 'unknownPlaceholder', names: [...new Set(unknown)] };
  if (/[{}]/.test(text.replace(/\{\w+\}/g, ''))) return { kind: 'strayBrace' };
  return null;
}

/** The text a rule uses: the stored one when it passes `checkTemplate`, else the (German) default. */
export function ruleTemplate(kind: Kind, field: TemplateField, params: Record<string, number | string>): string {
  const fallback = TEMPLATE_DEFAULTS.de[kind][field] ?? '';
  const v = params[field];
  return typeof v === 'string' && checkTemplate(kind, field, v) === null ? v : fallback;
}
