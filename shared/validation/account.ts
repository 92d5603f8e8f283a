import { z } from 'zod';
import { ACCOUNT_KINDS, ACCOUNT_TYPES, CATEGORIES, LIFECYCLES, type Account } from '../domain';
import { stripDirectionControls } from '../text/bidi';
import { isEmail } from './email';
import { TEXT_MAX } from './limits';
import { validateWith, type Validated } from './result';

/** The fields of an account a person edits; ids, timestamps and derived fields are the db layer's. */
export type AccountInput = Pick<
  Account,
  | 'name' | 'customerNumber' | 'kind' | 'street' | 'postalCode' | 'city' | 'country' | 'phone' | 'email' | 'website'
  | 'category' | 'accountType' | 'lifecycle' | 'lifecycleDates' | 'churnReason' | 'ownerId' | 'productLines'
  | 'annualRevenue' | 'leadSourceId' | 'referredByAccountId' | 'tags' | 'notes'
>;

const PHONE = /^\+?[0-9 ()/.\-–]{3,30}$/;
const WEBSITE = /^(https?:\/\/)?[a-z0-9äöüß-]+(\.[a-z0-9äöüß-]+)+(:\d+)?(\/\S*)?$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Postal code shapes of the countries our customers are in; other countries are free text. */
const POSTAL: Record<string, RegExp> = { DE: /^\d{5}$/, AT: /^\d{4}$/, CH: /^\d{4}$/, LI: /^\d{4}$/, LU: /^\d{4}$/, NL: /^\d{4} ?[A-Z]{2}$/i, PL: /^\d{2}-\d{3}$/ };

// Direction controls go before anything else sees the text (shared/text/bidi.ts says why).
const text = (max: number) => z.string().overwrite(stripDirectionControls).trim().max(max, { error: 'tooLong' });
const optionalMatch = (re: RegExp, code: string, max = 200) => text(max).refine((v) => v === '' || re.test(v), { error: code });
const list = z.array(z.string().overwrite(stripDirectionControls).trim().min(1).max(60, { error: 'tooLong' })).max(50, { error: 'tooMany' });

export const accountInputSchema = z
  .object({
    name: text(TEXT_MAX.line).min(1, { error: 'required' }),
    customerNumber: text(TEXT_MAX.customerNumber),
    kind: z.enum(ACCOUNT_KINDS),
    street: text(TEXT_MAX.line),
    postalCode: text(12),
    city: text(TEXT_MAX.short),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'invalidCountry' }),
    phone: optionalMatch(PHONE, 'invalidPhone', 40),
    // shared/validation/email.ts: the one check the import and the contact form use too.
    email: text(200).refine((v) => v === '' || isEmail(v), { error: 'invalidEmail' }),
    website: optionalMatch(WEBSITE, 'invalidWebsite'),
    category: z.enum(CATEGORIES),
    accountType: z.enum(ACCOUNT_TYPES),
    lifecycle: z.enum(LIFECYCLES),
    lifecycleDates: z.partialRecord(z.enum(LIFECYCLES), z.string().regex(ISO_DATE, { error: 'invalidDate' })),
    churnReason: text(500),
    ownerId: z.string().min(1, { error: 'required' }),
    productLines: list,
    annualRevenue: z.number({ error: 'invalidNumber' }).min(0, { error: 'negative' }).max(1e12, { error: 'tooLarge' }).optional(),
    leadSourceId: z.string().min(1).optional(),
    referredByAccountId: z.string().min(1).optional(),
    tags: list,
    notes: text(TEXT_MAX.long),
  })
  .superRefine((a, ctx) => {
    const shape = POSTAL[a.country];
    if (a.postalCode !== '' && shape && !shape.test(a.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'invalidPostalCode' });
    }
    if (a.lifecycle === 'former' && a.churnReason === '') {
      ctx.addIssue({ code: 'custom', path: ['churnReason'], message: 'churnReasonRequired' });
    }
  });

/** Validates an account as entered; trims text, upper-cases the country. */
export function validateAccount(input: unknown): Validated<AccountInput> {
  return validateWith(accountInputSchema, input) as Validated<AccountInput>;
}

/** "Maschinenbau, Service , ,Wartung" → ["Maschinenbau", "Service", "Wartung"], without repeats. */
export function splitList(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(/[,;]/)) {
    const v = part.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}
