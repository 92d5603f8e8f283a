import { z } from 'zod';
import { CHANNELS, SALUTATIONS, type Contact } from '../domain';
import { stripDirectionControls } from '../text/bidi';
import { isEmail } from './email';
import { TEXT_MAX } from './limits';
import { validateWith, type Validated } from './result';

/** The fields of a contact a person edits. */
export type ContactInput = Pick<
  Contact,
  'salutation' | 'title' | 'firstName' | 'lastName' | 'position' | 'phone' | 'mobile' | 'email' | 'birthday' | 'preferredChannel' | 'consent' | 'notes'
>;

const PHONE = /^\+?[0-9 ()/.\-–]{3,30}$/;
// Direction controls go before anything else sees the text (shared/text/bidi.ts says why).
const text = (max: number) => z.string().overwrite(stripDirectionControls).trim().max(max, { error: 'tooLong' });
const optionalMatch = (re: RegExp, code: string) => text(200).refine((v) => v === '' || re.test(v), { error: code });
/** shared/validation/email.ts: the one check the import and the account form use too. */
const optionalEmail = text(200).refine((v) => v === '' || isEmail(v), { error: 'invalidEmail' });
/** Days per month, February with 29: a birthday without a year may be 29 February. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const birthday = z
  .object({
    day: z.number({ error: 'invalidBirthday' }).int().min(1, { error: 'invalidBirthday' }).max(31, { error: 'invalidBirthday' }),
    month: z.number({ error: 'invalidBirthday' }).int().min(1, { error: 'invalidBirthday' }).max(12, { error: 'invalidBirthday' }),
    year: z.number().int().min(1900, { error: 'invalidBirthYear' }).max(new Date().getFullYear(), { error: 'invalidBirthYear' }).optional(),
  })
  .refine((b) => b.day <= (MONTH_DAYS[b.month - 1] ?? 0), { error: 'invalidBirthday' })
  .refine((b) => b.year === undefined || b.month !== 2 || b.day !== 29 || new Date(b.year, 1, 29).getMonth() === 1, {
    error: 'invalidBirthday',
  });

const consent = z.object({
  granted: z.boolean(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalidDate' }),
  source: text(200).min(1, { error: 'consentSourceRequired' }),
});

export const contactInputSchema = z.object({
  salutation: z.enum(SALUTATIONS),
  title: text(TEXT_MAX.title),
  firstName: text(TEXT_MAX.short),
  lastName: text(TEXT_MAX.short).min(1, { error: 'required' }),
  position: text(TEXT_MAX.short),
  phone: optionalMatch(PHONE, 'invalidPhone'),
  mobile: optionalMatch(PHONE, 'invalidPhone'),
  email: optionalEmail,
  birthday: birthday.optional(),
  preferredChannel: z.enum(CHANNELS),
  consent: consent.optional(),
  notes: text(TEXT_MAX.long),
});

export function validateContact(input: unknown): Validated<ContactInput> {
  return validateWith(contactInputSchema, input) as Validated<ContactInput>;
}
