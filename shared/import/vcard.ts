import ICAL from 'ical.js';
import type { Birthday } from '../domain';
import { decodeText } from './decode';
import type { ColumnMapping, TargetField } from './fields';
import { parseBirthday } from './values';
import { upgradeVcard21 } from './vcard21';
import type { ImportIssue, SheetData } from './types';

/** A phone number or e-mail address with its TYPE values (lower case) and Apple/Google label. */
export type VcardEntry = { value: string; types: string[]; label?: string };
export type VcardAddress = { poBox: string; extended: string; street: string; city: string; region: string; postalCode: string; country: string; types: string[]; label?: string };

/** One contact read from a .vcf file; photos are never kept. */
export type ParsedVcard = {
  /** 1-based position in the file, used as "row" in error reports. */
  card: number;
  version: string;
  formattedName: string;
  prefix: string;
  firstName: string;
  middleName: string;
  lastName: string;
  suffix: string;
  org: string;
  department: string;
  title: string;
  phones: VcardEntry[];
  emails: VcardEntry[];
  addresses: VcardAddress[];
  urls: string[];
  birthday?: Birthday;
  note: string;
  categories: string[];
  /** A card for a company, not a person (4.0 `KIND:org`, Apple `X-ABShowAs:COMPANY`, or no N and FN = ORG). */
  isCompany: boolean;
};

type JProp = [string, Record<string, unknown>, string, ...unknown[]];

/** Decodes the bytes (UTF-8, UTF-16 or Windows-1252, see `decodeText`) and parses every card. */
export function parseVcardBytes(bytes: Uint8Array): { cards: ParsedVcard[]; errors: ImportIssue[] } {
  return parseVcardText(decodeText(bytes).text);
}

/**
 * Parses vCard 2.1, 3.0 and 4.0 with ical.js; 2.1 cards go through `upgradeVcard21` first. Each card
 * is parsed alone, so one broken card is reported (`vcard.malformed`) and the rest still import.
 */
export function parseVcardText(text: string): { cards: ParsedVcard[]; errors: ImportIssue[] } {
  const cards: ParsedVcard[] = [];
  const errors: ImportIssue[] = [];
  splitCards(text).forEach(({ lines, cutOff }, i) => {
    const number = i + 1;
    if (cutOff) {
      // A card without its END (a file cut short, or a card pasted into another) is reported, not guessed at.
      const name = lines.find((l) => /^FN[;:]/i.test(l))?.replace(/^FN[^:]*:/i, '').trim() ?? '';
      errors.push({ row: number, code: 'vcard.cut_off', params: { name } });
      return;
    }
    const version = lines.find((l) => /^VERSION:/i.test(l))?.slice(8).trim() ?? '';
    try {
      const source = version === '2.1' ? upgradeVcard21(lines) : lines.join('\r\n') + '\r\n';
      const jcard = ICAL.parse(source) as [string, JProp[], unknown[]];
      cards.push(readCard(jcard[1], number, version));
    } catch (e) {
      errors.push({ row: number, code: 'vcard.malformed', params: { detail: e instanceof Error ? e.message : String(e) } });
    }
  });
  return { cards, errors };
}

/** One card's lines; `cutOff` when the text ended, or the next card began, before its END:VCARD. */
type CardLines = { lines: string[]; cutOff: boolean };

function splitCards(text: string): CardLines[] {
  const cards: CardLines[] = [];
  let current: string[] | undefined;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (/^BEGIN:VCARD\s*$/i.test(line)) {
      if (current) cards.push({ lines: current, cutOff: true });
      current = [];
    }
    if (current) current.push(line);
    if (current && /^END:VCARD\s*$/i.test(line)) {
      cards.push({ lines: current, cutOff: false });
      current = undefined;
    }
  }
  if (current) cards.push({ lines: current, cutOff: true });
  return cards;
}

/** A property value as plain text: structured parts and multi-values joined by commas. */
function textOf(values: unknown[]): string {
  return values
    .map((v) => (Array.isArray(v) ? v.join(',') : String(v ?? '')))
    .join(',')
    .replace(/\\([;:])/g, '$1'); // ical.js leaves `\;` and Apple's `\:` (in URLs) escaped
}

function parts(value: unknown, n: number): string[] {
  const list = Array.isArray(value) ? value : [value];
  return Array.from({ length: n }, (_, i) => textOf([list[i] ?? '']).trim());
}

function typesOf(params: Record<string, unknown>): string[] {
  const t = params.type;
  const list = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list.flatMap((x) => String(x).toLowerCase().split(','));
}

function readCard(props: JProp[], card: number, version: string): ParsedVcard {
  const labels = new Map<string, string>();
  for (const [name, params, , value] of props) {
    if (name === 'x-ablabel' && typeof params.group === 'string') labels.set(params.group, String(value).replace(/^_\$!<(.*)>!\$_$/, '$1'));
  }
  const c: ParsedVcard = { card, version, formattedName: '', prefix: '', firstName: '', middleName: '', lastName: '', suffix: '', org: '', department: '', title: '', phones: [], emails: [], addresses: [], urls: [], note: '', categories: [], isCompany: false };
  for (const [name, params, , ...values] of props) {
    const label = typeof params.group === 'string' ? labels.get(params.group) : undefined;
    const entry = (value: string): VcardEntry => ({ value, types: typesOf(params), ...(label ? { label } : {}) });
    switch (name) {
      case 'fn': c.formattedName = textOf(values).trim(); break;
      case 'n': [c.lastName = '', c.firstName = '', c.middleName = '', c.prefix = '', c.suffix = ''] = parts(values[0], 5); break;
      case 'org': [c.org = '', c.department = ''] = parts(values[0], 2); break;
      case 'title': c.title = textOf(values).trim(); break;
      case 'tel': c.phones.push(entry(textOf(values).replace(/^tel:/i, '').trim())); break;
      case 'email': c.emails.push(entry(textOf(values).replace(/^mailto:/i, '').trim())); break;
      case 'url': c.urls.push(textOf(values).trim()); break;
      case 'note': c.note = textOf(values); break;
      case 'kind': c.isCompany ||= textOf(values).toLowerCase() === 'org'; break;
      case 'x-abshowas': c.isCompany ||= textOf(values).toUpperCase() === 'COMPANY'; break;
      case 'categories': c.categories.push(...values.map((v) => String(v).trim()).filter(Boolean)); break;
      case 'adr': {
        const [poBox = '', extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = parts(values[0], 7);
        c.addresses.push({ poBox, extended, street, city, region, postalCode, country, types: typesOf(params), ...(label ? { label } : {}) });
        break;
      }
      case 'bday': {
        const b = parseBirthday(String(values[0] ?? '').slice(0, 10), 'dmy');
        // Apple writes yearless birthdays as 1604-MM-DD with X-APPLE-OMIT-YEAR=1604.
        const omit = params['x-apple-omit-year'];
        if (b) c.birthday = omit !== undefined && Number(omit) === b.year ? { day: b.day, month: b.month } : b;
        break;
      }
    }
  }
  if (!c.firstName && !c.lastName && c.org !== '' && c.formattedName === c.org) c.isCompany = true;
  return c;
}

/** Columns of the sheet `vcardsToSheet` makes, already mapped. */
const COLUMNS: TargetField[] = [
  'account.name', 'contact.salutation', 'contact.firstName', 'contact.lastName', 'contact.position', 'contact.phone', 'contact.phoneLabel', 'contact.mobile',
  'contact.mobileLabel', 'contact.email', 'contact.emailLabel', 'contact.birthday', 'account.street', 'account.postalCode', 'account.city', 'account.country',
  'account.website', 'account.tags', 'contact.notes',
];

const MOBILE = /^(cell|mobile|iphone)$|^mobil|handy/i;
/** Labels that only say "mobile": nothing the field does not say itself. */
const JUST_MOBILE = /^(cell|mobile?|mobiltelefon|handy|iphone)$/i;

/**
 * Lays the cards out as a mapped sheet, so vCards go through the same preview, validation
 * (`buildRecords`) and duplicate handling as CSV and XLSX. Row numbers are card numbers.
 * The N prefix ("Herr Dr.") gives salutation and title. Choice of values: mobile = first TEL typed cell or labelled Mobile/iPhone; phone = first other TEL;
 * e-mail = the one typed pref, else the first; address = the one typed work, else the first. Phone, mobile and e-mail keep their
 * Apple/Google label (`itemN.X-ABLabel`: "Zentrale", or Apple's own `_$!<Main>!$_` as "Main", which the app translates).
 */
export function vcardsToSheet(cards: readonly ParsedVcard[]): SheetData & { mapping: ColumnMapping } {
  const rows = cards.map((c) => {
    const isMobile = (p: VcardEntry) => p.types.includes('cell') || MOBILE.test(p.label ?? '');
    const mobile = c.phones.find(isMobile);
    const phone = c.phones.find((p) => !isMobile(p) && !p.types.includes('fax'));
    const email = c.emails.find((e) => e.types.includes('pref')) ?? c.emails[0];
    // "Mobile" on the mobile number says nothing the field does not; "Diensthandy" does.
    const mobileLabel = mobile?.label && !JUST_MOBILE.test(mobile.label) ? mobile.label : '';
    const adr = c.addresses.find((a) => a.types.includes('work')) ?? c.addresses[0];
    const street = adr ? [adr.street, adr.extended].filter(Boolean).join(', ') : '';
    const b = c.birthday;
    const bday = b ? (b.year ? `${b.year}-${pad(b.month)}-${pad(b.day)}` : `--${pad(b.month)}-${pad(b.day)}`) : '';
    const names = c.isCompany ? ['', ''] : c.firstName || c.lastName ? [c.firstName, c.lastName] : ['', c.formattedName];
    return [
      c.org || (c.isCompany ? c.formattedName : ''), c.isCompany ? '' : c.prefix, names[0] ?? '', names[1] ?? '', c.title, phone?.value ?? '', phone?.label ?? '',
      mobile?.value ?? '', mobileLabel, email?.value ?? '', email?.label ?? '', bday, street, adr?.postalCode ?? '', adr?.city ?? '', adr?.country ?? '',
      c.urls[0] ?? '', c.categories.join(','), c.note,
    ];
  });
  return { headers: [...COLUMNS], rows, rowNumbers: cards.map((c) => c.card), mapping: [...COLUMNS] };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
