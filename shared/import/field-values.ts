import { z } from 'zod';
import { CATEGORIES, type Salutation } from '../domain';
import { foldForSearch } from '../text/normalize';
import { isEmail } from '../validation/email';

/**
 * Shapes of imported values, checked with zod; each message is the error code the UI translates.
 * Postal codes: five digits in Germany, four in Austria and Switzerland, else 2–10 letters/digits.
 */
/** The forms' own check (shared/validation/email.ts), not zod's ASCII-only `z.email()`: `jörg.3@example.de` is an address. */
export const emailSchema = z.string().refine(isEmail, { error: 'email.invalid' });
export const categorySchema = z.enum(CATEGORIES, { error: 'category.invalid' });
export const websiteSchema = z.string().regex(/^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i, { error: 'website.invalid' });
const POSTAL: Record<string, RegExp> = { DE: /^\d{5}$/, AT: /^\d{4}$/, CH: /^\d{4}$/ };
const postalSchemas = new Map<string, z.ZodString>();
/** Cached per country: building a zod schema costs ~20 µs, which adds up over 100k rows. */
export function postalCodeSchema(country: string): z.ZodString {
  let schema = postalSchemas.get(country);
  if (!schema) {
    schema = z.string().regex(POSTAL[country] ?? /^[A-Z0-9][A-Z0-9 -]{1,9}$/i, { error: 'postalCode.invalid' });
    postalSchemas.set(country, schema);
  }
  return schema;
}

/** Excel drops the leading zero of Saxon postal codes (01067 → 1067); it is put back for Germany. */
export function normalisePostalCode(raw: string, country: string): string {
  const v = raw.trim();
  return country === 'DE' && /^\d{4}$/.test(v) ? `0${v}` : v;
}

let countryIndex: Map<string, string> | undefined;

/** Country name or code (German or English, e.g. "Deutschland", "Germany", "DE", "D") → ISO alpha-2. */
export function resolveCountry(raw: string): string | undefined {
  const key = foldForSearch(raw).replace(/[^a-z]/g, '');
  if (key === '') return undefined;
  if (!countryIndex) {
    countryIndex = new Map([['d', 'DE'], ['brd', 'DE'], ['a', 'AT'], ['uk', 'GB']]);
    const names = ['de', 'en'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        for (const dn of names) {
          const name = dn.of(code);
          if (!name || name === code) continue;
          countryIndex.set(code.toLowerCase(), code);
          countryIndex.set(foldForSearch(name).replace(/[^a-z]/g, ''), code);
        }
      }
    }
  }
  return countryIndex.get(key);
}

const SALUTATION_WORDS: Record<string, Salutation> = {
  herr: 'mr', hr: 'mr', herrn: 'mr', mr: 'mr', mister: 'mr', sir: 'mr',
  frau: 'ms', fr: 'ms', mrs: 'ms', ms: 'ms', miss: 'ms', madam: 'ms',
  divers: 'mx', mx: 'mx',
};

/**
 * Splits a salutation cell: "Herr", "Frau Dr.", "Mr." or just "Dr." (Outlook's "Title"/"Anrede" column
 * holds both). The salutation word gives `salutation`; the rest is the academic title.
 */
export function parseSalutation(raw: string): { salutation?: Salutation; title: string } {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  const first = SALUTATION_WORDS[(words[0] ?? '').toLowerCase().replace(/\.$/, '')];
  return first ? { salutation: first, title: words.slice(1).join(' ') } : { title: words.join(' ') };
}

/** Tags from Outlook "Kategorien" (`;`), plain lists (`,`) or Google "Labels" (` ::: `, `* myContacts`). */
export function parseTags(raw: string): string[] {
  const tags = raw
    .split(/ ::: |[;,]/)
    .map((t) => t.trim().replace(/^\* /, ''))
    .filter((t) => t !== '' && t !== 'myContacts');
  return [...new Set(tags)];
}
