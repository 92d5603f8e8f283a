/** Account fields a column can fill; `owner` and `leadSource` are names, matched to the team and the lead sources. */
export const ACCOUNT_FIELDS = [
  'name',
  'customerNumber',
  'kind',
  'street',
  'postalCode',
  'city',
  'country',
  'phone',
  'email',
  'website',
  'category',
  'accountType',
  'lifecycle',
  'churnReason',
  'owner',
  'leadSource',
  'productLines',
  'tags',
  'notes',
  'annualRevenue',
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

/** Contact-person fields a column can fill; one row may create an account and its contact. */
export const CONTACT_FIELDS = [
  'salutation', 'title', 'firstName', 'lastName', 'position', 'phone', 'phoneLabel', 'mobile', 'mobileLabel', 'email', 'emailLabel', 'birthday', 'notes',
] as const;
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
