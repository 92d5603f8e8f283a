import type { Account, Contact, Salutation } from '../domain';

/** A greeting template as the team lead writes it in settings, one per language. */
export type GreetingTemplate = { subject: string; body: string };

export type GreetingLang = 'de' | 'en';

// Salutation words are letter conventions tied to the template's language, not UI chrome, so they
// live with the template filler; "mx"/"none" give no word and the template reads naturally without.
const SALUTATION_WORDS: Record<GreetingLang, Record<Salutation, string>> = {
  de: { mr: 'Herr', ms: 'Frau', mx: '', none: '' },
  en: { mr: 'Mr', ms: 'Ms', mx: '', none: '' },
};

export type GreetingValues = {
  /** Age reached on this birthday, when the year of birth is known. */
  age?: number;
  /** Name of the sending rep, for the signature. */
  sender?: string;
};

/**
 * Fills {salutation} {title} {firstName} {lastName} {age} {company} {sender}. A section
 * `{#age}…{/age}` is kept only when the age is known (likewise for any placeholder), so "zum
 * {age}. Geburtstag" never prints as "zum . Geburtstag". Unknown placeholders stay visible, so a
 * typo in the template shows up in the draft instead of vanishing. Blanks left by empty values are
 * collapsed ("Sehr geehrte Frau  Weber" → "Sehr geehrte Frau Weber").
 */
export function birthdayGreeting(
  template: GreetingTemplate, contact: Contact, account: Pick<Account, 'name' | 'kind'>, lang: GreetingLang, values: GreetingValues = {},
): GreetingTemplate {
  const fields: Record<string, string> = {
    salutation: SALUTATION_WORDS[lang][contact.salutation] ?? '',
    title: contact.title.trim(),
    firstName: contact.firstName.trim(),
    lastName: contact.lastName.trim(),
    age: values.age !== undefined ? String(values.age) : '',
    company: account.kind === 'company' ? account.name.trim() : '',
    sender: values.sender?.trim() ?? '',
  };
  // Grammar depends on the salutation ("Sehr geehrter Herr" / "Sehr geehrte Frau"), so sections
  // {#mr}…{/mr}, {#ms}…{/ms} and {#other}…{/other} (mx or none) let the template say it itself.
  const flags: Record<string, boolean> = { mr: contact.salutation === 'mr', ms: contact.salutation === 'ms', other: contact.salutation === 'mx' || contact.salutation === 'none' };
  return { subject: fill(template.subject, fields, flags), body: fill(template.body, fields, flags) };
}

function fill(text: string, fields: Record<string, string>, flags: Record<string, boolean>): string {
  const sections = text.replace(/\{#(\w+)\}([\s\S]*?)\{\/\1\}/g, (_, name: string, inner: string) => ((flags[name] ?? Boolean(fields[name])) ? inner : ''));
  const filled = sections.replace(/\{(\w+)\}/g, (whole, name: string) => (name in fields ? (fields[name] ?? '') : whole));
  return filled
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.!?])/g, '$1').trimEnd())
    .join('\n');
}

/**
 * A `mailto:` URL (RFC 6068) that opens a draft in the mail program. Everything is
 * percent-encoded as UTF-8 (spaces as %20, never "+", which mail clients print literally), line
 * breaks become %0D%0A as the RFC asks, and "@" and "," between addresses stay readable.
 */
export function mailtoUrl(to: string | readonly string[], subject: string, body: string): string {
  const recipients = (typeof to === 'string' ? [to] : to).map((addr) => encode(addr.trim()).replace(/%40/g, '@')).join(',');
  const params: string[] = [];
  if (subject) params.push(`subject=${encode(subject)}`);
  if (body) params.push(`body=${encode(body.replace(/\r\n|\r|\n/g, '\r\n'))}`);
  return `mailto:${recipients}${params.length ? `?${params.join('&')}` : ''}`;
}

/** encodeURIComponent throws on a lone surrogate (text pasted from a broken source); write U+FFFD instead. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
