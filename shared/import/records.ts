import type { z } from 'zod';
import type { Account, Contact } from '../domain';
import type { AccountField, ColumnMapping, ContactField, TargetField } from './fields';
import {
  categorySchema,
  emailSchema,
  normalisePostalCode,
  parseSalutation,
  parseTags,
  postalCodeSchema,
  resolveCountry,
  websiteSchema,
} from './field-values';
import { stripDirectionControls } from '../text/bidi';
import { TEXT_MAX } from '../validation/limits';
import type { ImportIssue } from './types';
import { readChoices, readLabels, type ImportLookups } from './account-values';
import { cleanPhone, detectDateOrder, detectNumberStyle, parseBirthday, parseNumber, type NumberStyle, type SlashOrder } from './values';

export type BuildOptions = ImportLookups & {
  /** Excel row number of each row (from `SheetData.rowNumbers`); default index + 2. */
  rowNumbers?: readonly number[];
  /** UI locale: decides number style when a column does not tell (default `de`). */
  locale?: 'de' | 'en';
  /** Day/month order of slashed dates, as answered by the user (see `inspectColumns`) or detected over the whole file. */
  slashOrder?: SlashOrder;
  /** Decimal style of the revenue column when decided over the whole file (a caller building in chunks). */
  numberStyle?: NumberStyle;
  /** Country for rows without one (default `DE`). */
  defaultCountry?: string;
  /** Problems found while reading (e.g. `CsvResult.errors`): their rows are left out, already reported. */
  readErrors?: readonly ImportIssue[];
};

/** One valid row: the account it describes and, when the row names a person, its contact. */
export type ImportRecord = {
  row: number;
  account: Partial<Account>;
  contact?: Partial<Contact>;
};

export type BuildResult = { records: ImportRecord[]; errors: ImportIssue[] };

/**
 * Turns mapped rows into account/contact records, validating every field. A row with any error is left
 * out whole and reported (row, field, code, params); the other rows go on. A row without a company name
 * but with a person becomes a private account named after the person.
 */
export function buildRecords(rows: readonly string[][], mapping: ColumnMapping, options: BuildOptions = {}): BuildResult {
  const columns = new Map<TargetField, number>();
  mapping.forEach((target, i) => target && !columns.has(target) && columns.set(target, i));
  const column = (target: TargetField) => columns.get(target) ?? -1;
  const values = (target: TargetField) => rows.map((r) => r[column(target)] ?? '');
  const numberStyle: NumberStyle = options.numberStyle ?? detectNumberStyle(values('account.annualRevenue'), options.locale === 'en' ? 'dot' : 'comma');
  const dateInfo = detectDateOrder(values('contact.birthday'));
  const slashOrder = options.slashOrder ?? dateInfo.order;
  const records: ImportRecord[] = [];
  const errors: ImportIssue[] = [];

  const unreadable = new Set(options.readErrors?.map((e) => e.row));
  rows.forEach((cells, i) => {
    const row = options.rowNumbers?.[i] ?? i + 2;
    if (unreadable.has(row)) return;
    const rowErrors: ImportIssue[] = [];
    const fail = (field: TargetField, code: string, value: string, more: Record<string, string | number> = {}) =>
      rowErrors.push({ row, field, code, params: { value, ...more } });
    const account: Partial<Account> = {};
    const contact: Partial<Contact> = {};
    // Direction controls go before anything else sees a cell (shared/text/bidi.ts says why).
    const get = (target: TargetField) => stripDirectionControls(cells[column(target)] ?? '').trim();
    // Free text gets the forms' length limits (shared/validation/limits.ts): a row is refused, not cut.
    const text = (target: TargetField, max: number) => {
      const value = get(target).replace(/\r\n?/g, '\n');
      if (value.length > max) fail(target, 'text.too_long', `${value.slice(0, 40)}…`, { max, length: value.length });
      return value;
    };
    const check = <T>(schema: z.ZodType<T>, field: TargetField, value: string): T | undefined => {
      const r = schema.safeParse(value);
      if (!r.success) fail(field, r.error.issues[0]?.message ?? 'value.invalid', value);
      return r.success ? r.data : undefined;
    };

    const countryRaw = get('account.country');
    const country = countryRaw === '' ? (options.defaultCountry ?? 'DE') : resolveCountry(countryRaw);
    if (!country) fail('account.country', 'country.unknown', countryRaw);
    account.country = country ?? '';

    const plain: [Extract<AccountField, 'name' | 'customerNumber' | 'street' | 'city' | 'notes'>, TargetField, number][] = [
      ['name', 'account.name', TEXT_MAX.line], ['customerNumber', 'account.customerNumber', TEXT_MAX.customerNumber],
      ['street', 'account.street', TEXT_MAX.line], ['city', 'account.city', TEXT_MAX.short], ['notes', 'account.notes', TEXT_MAX.long],
    ];
    for (const [field, target, max] of plain) if (get(target) !== '') account[field] = text(target, max);
    if (get('account.phone') !== '') account.phone = cleanPhone(get('account.phone'));
    const postal = normalisePostalCode(get('account.postalCode'), account.country);
    if (postal !== '') account.postalCode = check(postalCodeSchema(account.country), 'account.postalCode', postal);
    const email = cleanPhone(get('account.email'));
    if (email !== '') account.email = check(emailSchema, 'account.email', email);
    if (get('account.website') !== '') account.website = check(websiteSchema, 'account.website', get('account.website'));
    if (get('account.category') !== '') account.category = check(categorySchema, 'account.category', get('account.category').toUpperCase());
    if (get('account.tags') !== '') account.tags = parseTags(get('account.tags'));
    Object.assign(account, readChoices({ get, fail }, options));
    const revenue = get('account.annualRevenue');
    if (revenue !== '') {
      account.annualRevenue = parseNumber(revenue, numberStyle);
      if (account.annualRevenue === undefined) fail('account.annualRevenue', 'number.invalid', revenue);
    }

    const contactText: [Extract<ContactField, 'firstName' | 'lastName' | 'position' | 'title' | 'notes'>, TargetField, number][] = [
      ['firstName', 'contact.firstName', TEXT_MAX.short], ['lastName', 'contact.lastName', TEXT_MAX.short],
      ['position', 'contact.position', TEXT_MAX.short], ['title', 'contact.title', TEXT_MAX.title], ['notes', 'contact.notes', TEXT_MAX.long],
    ];
    for (const [field, target, max] of contactText) if (get(target) !== '') contact[field] = text(target, max);
    if (get('contact.salutation') !== '') {
      const s = parseSalutation(get('contact.salutation'));
      if (s.salutation) contact.salutation = s.salutation;
      if (s.title !== '' && !contact.title) contact.title = s.title;
    }
    if (get('contact.phone') !== '') contact.phone = cleanPhone(get('contact.phone'));
    if (get('contact.mobile') !== '') contact.mobile = cleanPhone(get('contact.mobile'));
    const contactEmail = cleanPhone(get('contact.email'));
    if (contactEmail !== '') contact.email = check(emailSchema, 'contact.email', contactEmail);
    Object.assign(contact, readLabels({ get, fail }, contact));
    const bday = get('contact.birthday');
    if (bday !== '') {
      if (!slashOrder && bday.includes('/') && dateInfo.ambiguous) fail('contact.birthday', 'date.order_unknown', bday);
      else {
        const parsed = parseBirthday(bday, slashOrder ?? 'dmy');
        if (parsed === undefined) fail('contact.birthday', 'birthday.invalid', bday);
        else if (parsed) contact.birthday = parsed;
      }
    }

    const person = Boolean(contact.firstName || contact.lastName);
    if (!person) {
      // Phone and e-mail without a person describe the account itself.
      if (contact.phone && !account.phone) account.phone = contact.phone;
      if (contact.email && !account.email) account.email = contact.email;
    }
    if (!account.name) {
      if (person) {
        account.name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
        account.kind ??= 'private';
      } else if (rowErrors.length === 0) rowErrors.push({ row, code: 'row.no_name' });
    } else account.kind ??= 'company';

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else records.push(person ? { row, account, contact } : { row, account });
  });
  return { records, errors };
}
