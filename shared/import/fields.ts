/** Account fields a column can fill. */
export const ACCOUNT_FIELDS = [
  'name',
  'customerNumber',
  'street',
  'postalCode',
  'city',
  'country',
  'phone',
  'email',
  'website',
  'category',
  'tags',
  'notes',
  'annualRevenue',
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

/** Contact-person fields a column can fill; one row may create an account and its contact. */
export const CONTACT_FIELDS = ['salutation', 'title', 'firstName', 'lastName', 'position', 'phone', 'mobile', 'email', 'birthday', 'notes'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Where a column goes, e.g. `account.postalCode` or `contact.firstName`. */
export type TargetField = `account.${AccountField}` | `contact.${ContactField}`;

/** Every target, accounts first, in the order the mapping UI lists them. */
export const TARGET_FIELDS: readonly TargetField[] = [
  ...ACCOUNT_FIELDS.map((f) => `account.${f}` as const),
  ...CONTACT_FIELDS.map((f) => `contact.${f}` as const),
];

/** One entry per column: its target, or `null` to ignore the column. */
export type ColumnMapping = (TargetField | null)[];
