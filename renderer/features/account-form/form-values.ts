import type { Account } from '../../../shared/domain';
import { splitList, type AccountInput } from '../../../shared/validation/account';
import { parseAmount } from './fields';

/** The account form's state: text as typed. */
export type AccountFormValues = {
  name: string; customerNumber: string; kind: Account['kind']; street: string; postalCode: string; city: string; country: string;
  phone: string; email: string; website: string; category: Account['category']; accountType: Account['accountType'];
  lifecycle: Account['lifecycle']; lifecycleDates: Account['lifecycleDates']; churnReason: string; ownerId: string;
  productLines: string; annualRevenue: string; leadSourceId: string; referredByAccountId: string; tags: string; notes: string;
};

export function emptyValues(ownerId: string): AccountFormValues {
  return {
    name: '', customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE', phone: '', email: '', website: '',
    category: 'C', accountType: 'maintain', lifecycle: 'lead', lifecycleDates: {}, churnReason: '', ownerId, productLines: '',
    annualRevenue: '', leadSourceId: '', referredByAccountId: '', tags: '', notes: '',
  };
}

export function valuesOf(a: Account, language: string): AccountFormValues {
  return {
    ...a,
    productLines: a.productLines.join(', '),
    tags: a.tags.join(', '),
    annualRevenue: a.annualRevenue === undefined ? '' : a.annualRevenue.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB'),
    leadSourceId: a.leadSourceId ?? '',
    referredByAccountId: a.referredByAccountId ?? '',
  };
}

/** What the db layer validates: lists split, the amount parsed, empty ids left out. */
export function inputOf(v: AccountFormValues, language: string): AccountInput {
  return {
    ...v,
    productLines: splitList(v.productLines),
    tags: splitList(v.tags),
    annualRevenue: parseAmount(v.annualRevenue, language),
    leadSourceId: v.leadSourceId || undefined,
    referredByAccountId: v.referredByAccountId || undefined,
  };
}
