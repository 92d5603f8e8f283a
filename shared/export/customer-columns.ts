import type { CsvCell } from './csv';
import type { XlsxColumnType } from './xlsx';
import { ACCOUNT_KINDS, ACCOUNT_TYPES, LIFECYCLES, SALUTATIONS, type Account, type Birthday, type Contact } from '../domain';

/** One line of the customer export: an account with one of its contacts (or none), and the names its ids point to. */
export type CustomerExportRow = { account: Account; contact?: Contact; ownerName: string; leadSourceName?: string };

/** Translation of the header and label keys (`export.col.*`, `common:*`); the worker gets them as a dictionary. */
export type Translate = (key: string) => string;

/** A column of the customer export: header key (`export.col.<key>`), type and value. */
type ExportColumn = { key: string; type: XlsxColumnType; value: (r: CustomerExportRow, t: Translate, locale: 'de' | 'en') => CsvCell };

function birthdayText(b: Birthday | undefined, locale: 'de' | 'en'): string {
  if (!b) return '';
  const dd = String(b.day).padStart(2, '0');
  const mm = String(b.month).padStart(2, '0');
  if (locale === 'de') return b.year ? `${dd}.${mm}.${b.year}` : `${dd}.${mm}.`;
  return b.year ? `${b.year}-${mm}-${dd}` : `--${mm}-${dd}`;
}

/**
 * Columns in import order: the headers are ones the importer's mapping recognises (German or English),
 * and the values are the labels the app shows (owner and lead source by name), which the importer reads
 * back (shared/import/account-values.ts): an exported file imports again without touching the mapping,
 * with every field the account shows (customer-export.roundtrip.test.ts).
 */
export const CUSTOMER_COLUMNS: ExportColumn[] = [
  { key: 'customerNumber', type: 'text', value: (r) => r.account.customerNumber },
  { key: 'name', type: 'text', value: (r) => r.account.name },
  { key: 'kind', type: 'text', value: (r, t) => t(`common:accountKind.${r.account.kind}`) },
  { key: 'street', type: 'text', value: (r) => r.account.street },
  { key: 'postalCode', type: 'text', value: (r) => r.account.postalCode },
  { key: 'city', type: 'text', value: (r) => r.account.city },
  { key: 'country', type: 'text', value: (r) => r.account.country },
  { key: 'phone', type: 'text', value: (r) => r.account.phone },
  { key: 'email', type: 'text', value: (r) => r.account.email },
  { key: 'website', type: 'text', value: (r) => r.account.website },
  { key: 'category', type: 'text', value: (r) => r.account.category },
  { key: 'accountType', type: 'text', value: (r, t) => t(`common:accountType.${r.account.accountType}`) },
  { key: 'lifecycle', type: 'text', value: (r, t) => t(`common:lifecycle.${r.account.lifecycle}`) },
  { key: 'churnReason', type: 'text', value: (r) => r.account.churnReason },
  { key: 'owner', type: 'text', value: (r) => r.ownerName },
  { key: 'leadSource', type: 'text', value: (r) => r.leadSourceName },
  { key: 'productLines', type: 'text', value: (r) => r.account.productLines.join(', ') },
  { key: 'annualRevenue', type: 'number', value: (r) => r.account.annualRevenue },
  { key: 'tags', type: 'text', value: (r) => r.account.tags.join(', ') },
  { key: 'notes', type: 'text', value: (r) => r.account.notes },
  { key: 'salutation', type: 'text', value: (r, t) => (r.contact && r.contact.salutation !== 'none' ? t(`common:salutation.${r.contact.salutation}`) : '') },
  { key: 'title', type: 'text', value: (r) => r.contact?.title },
  { key: 'firstName', type: 'text', value: (r) => r.contact?.firstName },
  { key: 'lastName', type: 'text', value: (r) => r.contact?.lastName },
  { key: 'position', type: 'text', value: (r) => r.contact?.position },
  { key: 'contactPhone', type: 'text', value: (r) => r.contact?.phone },
  { key: 'contactPhoneLabel', type: 'text', value: (r) => r.contact?.phoneLabel },
  { key: 'mobile', type: 'text', value: (r) => r.contact?.mobile },
  { key: 'mobileLabel', type: 'text', value: (r) => r.contact?.mobileLabel },
  { key: 'contactEmail', type: 'text', value: (r) => r.contact?.email },
  { key: 'contactEmailLabel', type: 'text', value: (r) => r.contact?.emailLabel },
  { key: 'birthday', type: 'text', value: (r, _t, locale) => birthdayText(r.contact?.birthday, locale) },
  { key: 'contactNotes', type: 'text', value: (r) => r.contact?.notes },
];

/** Header row and data rows for `toCsv`. */
export function customerTable(rows: readonly CustomerExportRow[], t: Translate, locale: 'de' | 'en'): CsvCell[][] {
  return [CUSTOMER_COLUMNS.map((c) => t(`export.col.${c.key}`)), ...rows.map((r) => CUSTOMER_COLUMNS.map((c) => c.value(r, t, locale)))];
}

/** Row objects and columns for `exportXlsx`. */
export function customerSheet(rows: readonly CustomerExportRow[], t: Translate, locale: 'de' | 'en') {
  const columns = CUSTOMER_COLUMNS.map((c) => ({ header: t(`export.col.${c.key}`), key: c.key, type: c.type }));
  const data = rows.map((r) => Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c.key, c.value(r, t, locale)])));
  return { columns, rows: data };
}

/** Every translation key the columns can ask for: the main thread translates them once for the export worker. */
export function customerLabelKeys(): string[] {
  const keys = CUSTOMER_COLUMNS.map((c) => `export.col.${c.key}`);
  for (const kind of ACCOUNT_KINDS) keys.push(`common:accountKind.${kind}`);
  for (const type of ACCOUNT_TYPES) keys.push(`common:accountType.${type}`);
  for (const stage of LIFECYCLES) keys.push(`common:lifecycle.${stage}`);
  for (const s of SALUTATIONS) keys.push(`common:salutation.${s}`);
  return keys;
}
