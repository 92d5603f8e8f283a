import type { Account, AccountKind, AccountType, Id, Lifecycle } from '../domain';
import { splitList } from '../validation/account';
import type { TargetField } from './fields';

/** A team member as the import matches owners: by name, or by e-mail. */
export type OwnerCandidate = { id: Id; name: string; email?: string };
/** A lead source as the import matches it: by name. */
export type LeadSourceCandidate = { id: Id; name: string };

/** What the file's names are matched against; without a list, every named owner or source is unknown. */
export type ImportLookups = {
  /** The team, for the owner column. */
  team?: readonly OwnerCandidate[];
  /** The lead sources, for the lead-source column. */
  leadSources?: readonly LeadSourceCandidate[];
};

/**
 * Folds a word or a name for comparison: case, accents, ß and the spelled-out umlauts ("Mueller")
 * do not matter, nor punctuation or spacing. Both sides are folded alike, so "Jörg Müller",
 * "JOERG MUELLER" and "jorg muller" are the same person.
 */
export function choiceKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/ß/g, 'ss')
    // Letters NFD does not take apart: Turkish dotless i, Polish ł, Scandinavian ø.
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([aou])e/g, '$1')
    .replace(/[^a-z0-9]+/g, '');
}

function table<T extends string>(words: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, list] of Object.entries(words) as [T, readonly string[]][]) for (const w of [value, ...list]) map.set(choiceKey(w), value);
  return map;
}

// German and English words as the app shows them (common:accountType, common:lifecycle, common:accountKind;
// a test in renderer/db/transfer holds them to the locale files) plus the words people write in their own lists.
const ACCOUNT_TYPE_WORDS = table<AccountType>({
  expand: ['Erweitern', 'Expand', 'Ausbauen', 'Ausbau'],
  maintain: ['Beibehalten', 'Maintain', 'Halten', 'Pflegen'],
});
const LIFECYCLE_WORDS = table<Lifecycle>({
  lead: ['Lead'],
  prospect: ['Interessent', 'Interessentin', 'Prospect'],
  customer: ['Kunde', 'Kundin', 'Bestandskunde', 'Aktiv', 'Customer', 'Active'],
  former: ['Ehemaliger Kunde', 'Ehemalige Kundin', 'Ehemalig', 'Ex-Kunde', 'Verloren', 'Former customer', 'Former', 'Lost'],
});
const KIND_WORDS = table<AccountKind>({
  company: ['Firma', 'Unternehmen', 'Firmenkunde', 'Geschäftskunde', 'Gewerblich', 'Company', 'Business', 'B2B'],
  private: ['Privatkunde', 'Privatkundin', 'Privat', 'Privatperson', 'Private customer', 'Private', 'Person', 'B2C'],
});

/** What a row's choice columns say; `undefined` values were left empty. */
export type ChoiceValues = Partial<Pick<Account, 'kind' | 'accountType' | 'lifecycle' | 'churnReason' | 'ownerId' | 'leadSourceId' | 'productLines'>>;

/** The account form's limit for the churn reason. */
const CHURN_REASON_MAX = 500;

type Reader = {
  /** The cleaned cell of a target ('' when unmapped or empty). */
  get: (target: TargetField) => string;
  /** Records a row error on a target with the cell's value and message parameters. */
  fail: (target: TargetField, code: string, value: string, more?: Record<string, string | number>) => void;
};

/**
 * Reads the account's choice and reference columns: kind, account type and status in German or
 * English (labels or codes, any case), the owner by name or e-mail among the team, the lead source by
 * name, and the product lines as a list (`;` or `,`). An unknown word or name is a row error on its
 * column, naming the value and what would have been accepted; nothing is dropped silently.
 */
export function readChoices({ get, fail }: Reader, lookups: ImportLookups): ChoiceValues {
  const out: ChoiceValues = {};
  const word = <T extends string>(target: TargetField, words: Map<string, T>, code: string): T | undefined => {
    const raw = get(target);
    if (raw === '') return undefined;
    const found = words.get(choiceKey(raw));
    if (!found) fail(target, code, raw);
    return found;
  };
  const kind = word('account.kind', KIND_WORDS, 'kind.invalid');
  if (kind) out.kind = kind;
  const type = word('account.accountType', ACCOUNT_TYPE_WORDS, 'accountType.invalid');
  if (type) out.accountType = type;
  const lifecycle = word('account.lifecycle', LIFECYCLE_WORDS, 'lifecycle.invalid');
  if (lifecycle) out.lifecycle = lifecycle;
  const churn = get('account.churnReason').replace(/\r\n?/g, '\n');
  if (churn.length > CHURN_REASON_MAX) fail('account.churnReason', 'text.too_long', `${churn.slice(0, 40)}…`, { max: CHURN_REASON_MAX, length: churn.length });
  else if (churn !== '') out.churnReason = churn;

  const owner = get('account.owner');
  if (owner !== '') {
    const found = matchOwner(owner, lookups.team ?? []);
    if (typeof found === 'string') out.ownerId = found;
    else fail('account.owner', `owner.${found.problem}`, owner, { known: (lookups.team ?? []).map((m) => m.name).join(', ') });
  }
  const source = get('account.leadSource');
  if (source !== '') {
    const matches = (lookups.leadSources ?? []).filter((s) => choiceKey(s.name) === choiceKey(source));
    if (matches.length === 1 && matches[0]) out.leadSourceId = matches[0].id;
    else fail('account.leadSource', matches.length === 0 ? 'leadSource.unknown' : 'leadSource.ambiguous', source);
  }
  const lines = get('account.productLines');
  if (lines !== '') {
    out.productLines = splitList(lines);
    const long = out.productLines.find((l) => l.length > 60);
    if (long) fail('account.productLines', 'text.too_long', long, { max: 60, length: long.length });
  }
  return out;
}

/**
 * The team member a cell names: full name (also "Last, First"), or e-mail. Inactive members match
 * too (an export of old accounts names them). Two members of the same folded name are ambiguous.
 */
export function matchOwner(raw: string, team: readonly OwnerCandidate[]): Id | { problem: 'unknown' | 'ambiguous' } {
  const value = raw.trim();
  const mail = value.toLowerCase();
  const reversed = /^([^,]+),\s*([^,]+)$/.exec(value);
  const keys = new Set([choiceKey(value), ...(reversed ? [choiceKey(`${reversed[2]} ${reversed[1]}`)] : [])]);
  const hits = team.filter((m) => keys.has(choiceKey(m.name)) || (m.email !== undefined && m.email !== '' && m.email.toLowerCase() === mail));
  if (hits.length === 1 && hits[0]) return hits[0].id;
  return { problem: hits.length === 0 ? 'unknown' : 'ambiguous' };
}

/** Address books keep labels short ("Zentrale", "Büro"); a longer cell is refused like any over-long text. */
const LABEL_MAX = 60;
const LABELS = [['contact.phoneLabel', 'phone', 'phoneLabel'], ['contact.mobileLabel', 'mobile', 'mobileLabel'], ['contact.emailLabel', 'email', 'emailLabel']] as const;

/**
 * The labels of a contact's phone, mobile and e-mail (Apple's `X-ABLabel`, see vcard.ts). A label is
 * kept only with its number or address: `values` are the contact's fields as read so far.
 */
export function readLabels({ get, fail }: Reader, values: Partial<Record<'phone' | 'mobile' | 'email', string>>): Partial<Record<'phoneLabel' | 'mobileLabel' | 'emailLabel', string>> {
  const out: Partial<Record<'phoneLabel' | 'mobileLabel' | 'emailLabel', string>> = {};
  for (const [target, field, key] of LABELS) {
    const label = get(target);
    if (label === '' || !values[field]) continue;
    if (label.length > LABEL_MAX) fail(target, 'text.too_long', `${label.slice(0, 40)}…`, { max: LABEL_MAX, length: label.length });
    else out[key] = label;
  }
  return out;
}
