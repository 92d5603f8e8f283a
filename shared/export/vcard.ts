import { foldLine } from './fold';
import type { Account, Contact, Salutation } from '../domain';

export type VcardVersion = '4.0' | '3.0';

/** One contact to export with the account it belongs to (for ORG and the work address). */
export type VcardExportItem = {
  contact: Pick<Contact, 'id' | 'firstName' | 'lastName'> & Partial<Contact>;
  account?: Partial<Pick<Account, 'name' | 'kind' | 'street' | 'postalCode' | 'city' | 'country' | 'website'>>;
};

/** Apple's own labels (read as "Main" from `_$!<Main>!$_`), written back in Apple's form. */
const APPLE_LABELS = new Set(['main', 'work', 'home', 'other', 'mobile', 'iphone', 'pager', 'school', 'homefax', 'workfax', 'otherfax']);

/** Prefix written into N for each salutation (German, as the letters are German). */
const PREFIX: Record<Salutation, string> = { mr: 'Herr', ms: 'Frau', mx: '', none: '' };

/**
 * Writes contacts as one .vcf text: vCard 4.0 (RFC 6350), or 3.0 (RFC 2426) for Outlook and older
 * address books. CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, text
 * escaped (`\\ \, \; \n`). A birthday without year is written `--MMDD`. Phone numbers are written as
 * text (`VALUE=text` in 4.0), so `+49 170 1234567` comes back exactly.
 */
export function toVcards(items: readonly VcardExportItem[], version: VcardVersion): string {
  return items.map((item) => toVcard(item, version)).join('');
}

export function toVcard({ contact: c, account: a }: VcardExportItem, version: VcardVersion): string {
  const v4 = version === '4.0';
  const t = (types: string) => (v4 ? `;TYPE=${types.toLowerCase()}` : `;TYPE=${types.toUpperCase()}`);
  const prefix = [PREFIX[c.salutation ?? 'none'], c.title ?? ''].filter(Boolean).join(' ');
  const fn = [c.title, c.firstName, c.lastName].filter(Boolean).join(' ') || a?.name || '';
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`];
  lines.push(`FN:${esc(fn)}`);
  lines.push(`N:${[c.lastName, c.firstName, '', prefix, ''].map((p) => esc(p ?? '')).join(';')}`);
  if (a?.name && a.kind !== 'private') lines.push(`ORG:${esc(a.name)}`);
  if (c.position) lines.push(`TITLE:${esc(c.position)}`);
  const tel = v4 ? ';VALUE=text' : '';
  // A labelled value goes into an Apple item group (`item1.TEL…` + `item1.X-ABLabel:Zentrale`), as Apple and Google write it.
  let item = 0;
  const labelled = (line: string, label: string | undefined) => {
    if (!label) return lines.push(line);
    item += 1;
    lines.push(`item${item}.${line}`, `item${item}.X-ABLabel:${esc(APPLE_LABELS.has(label.toLowerCase()) ? `_$!<${label}>!$_` : label)}`);
  };
  if (c.phone) labelled(`TEL${tel}${t('work,voice')}:${esc(c.phone)}`, c.phoneLabel);
  if (c.mobile) labelled(`TEL${tel}${t('cell')}:${esc(c.mobile)}`, c.mobileLabel);
  if (c.email) labelled(`EMAIL${v4 ? t('work') : t('internet,work')}:${esc(c.email)}`, c.emailLabel);
  if (a && (a.street || a.postalCode || a.city)) {
    const adr = ['', '', a.street ?? '', a.city ?? '', '', a.postalCode ?? '', a.country ?? ''];
    lines.push(`ADR${t('work')}:${adr.map(esc).join(';')}`);
  }
  if (a?.website) lines.push(`URL:${esc(a.website)}`);
  const b = c.birthday;
  if (b) {
    const md = `${pad(b.month)}${v4 ? '' : '-'}${pad(b.day)}`;
    lines.push(`BDAY:${b.year ? `${String(b.year).padStart(4, '0')}${v4 ? '' : '-'}${md}` : `--${md}`}`);
  }
  if (c.notes) lines.push(`NOTE:${esc(c.notes)}`);
  lines.push(v4 ? `UID:urn:uuid:${c.id}` : `UID:${c.id}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** RFC 6350 §3.4 / RFC 2426 text escaping. */
export function esc(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}


function pad(n: number): string {
  return String(n).padStart(2, '0');
}
