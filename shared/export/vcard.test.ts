import { describe, expect, it } from 'vitest';
import type { Contact } from '../domain';
import { buildRecords } from '../import/mapping';
import { parseVcardText, vcardsToSheet } from '../import/vcard';
import { foldLine as fold } from './fold';
import { toVcard, toVcards, type VcardExportItem } from './vcard';

const sampleItems: VcardExportItem[] = [
  {
    contact: { id: '5c1a0e9e-0000-4000-8000-000000000001', salutation: 'mr', title: 'Dr.', firstName: 'Hans', lastName: 'Müller', position: 'Einkaufsleiter, Technik; Süd', phone: '+49 170 1234567', mobile: '0171 2223334', email: 'hans@mueller.de', birthday: { day: 22, month: 11, year: 1985 }, notes: 'Zeile 1\nZeile 2 mit Komma, Semikolon; und \\ Backslash' },
    account: { name: 'Müller Haustechnik GmbH', kind: 'company', street: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE', website: 'https://mueller.de' },
  },
  {
    contact: { id: '5c1a0e9e-0000-4000-8000-000000000002', salutation: 'ms', title: '', firstName: 'Greta', lastName: 'Weiß', position: '', phone: '', mobile: '=1+1', email: '', birthday: { day: 29, month: 2 }, notes: '' },
    account: { name: 'Greta Weiß', kind: 'private', street: '', postalCode: '', city: '', country: 'DE' },
  },
];

describe('toVcard', () => {
  it('writes 4.0 with VALUE=text phones, --MMDD birthdays, CRLF and escaping', () => {
    const text = toVcard(sampleItems[1]!, '4.0');
    expect(text).toBe('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Greta Weiß\r\nN:Weiß;Greta;;Frau;\r\nTEL;VALUE=text;TYPE=cell:=1+1\r\nBDAY:--0229\r\nUID:urn:uuid:5c1a0e9e-0000-4000-8000-000000000002\r\nEND:VCARD\r\n');
    expect(toVcard(sampleItems[0]!, '4.0')).toContain('TITLE:Einkaufsleiter\\, Technik\\; Süd\r\n');
    expect(toVcard(sampleItems[0]!, '4.0')).toContain('BDAY:19851122\r\n');
  });

  it('writes 3.0 with upper-case types and extended dates', () => {
    const text = toVcard(sampleItems[0]!, '3.0');
    expect(text).toContain('VERSION:3.0\r\n');
    expect(text).toContain('TEL;TYPE=WORK,VOICE:+49 170 1234567\r\n');
    expect(text).toContain('EMAIL;TYPE=INTERNET,WORK:hans@mueller.de\r\n');
    expect(text).toContain('ADR;TYPE=WORK:;;Königstraße 12;Stuttgart;;70173;DE\r\n');
    expect(text).toContain('BDAY:1985-11-22\r\n');
    expect(toVcard(sampleItems[1]!, '3.0')).toContain('BDAY:--02-29\r\n');
  });

  it('folds at 75 octets without splitting UTF-8 characters', () => {
    const line = `NOTE:${'ä'.repeat(100)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('vCard round trip: export → import gives the same contact', () => {
  for (const version of ['4.0', '3.0'] as const) {
    it(`version ${version}`, () => {
      const { cards, errors } = parseVcardText(toVcards(sampleItems, version));
      expect(errors).toEqual([]);
      const sheet = vcardsToSheet(cards);
      const built = buildRecords(sheet.rows, sheet.mapping, { rowNumbers: sheet.rowNumbers });
      expect(built.errors).toEqual([]);
      const pick = ({ salutation, title, firstName, lastName, position, phone, mobile, email, birthday, notes }: Partial<Contact>) =>
        Object.fromEntries(Object.entries({ salutation, title, firstName, lastName, position, phone, mobile, email, birthday, notes }).filter(([, v]) => v !== undefined && v !== ''));
      expect(built.records.map((r) => r.contact)).toEqual(sampleItems.map((i) => pick(i.contact)));
      expect(built.records[0]?.account).toEqual({ name: 'Müller Haustechnik GmbH', kind: 'company', street: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE', website: 'https://mueller.de' });
      expect(built.records[1]?.account).toEqual({ name: 'Greta Weiß', kind: 'private', country: 'DE' });
    });
  }
});

describe('labels of phones and e-mails (#17)', () => {
  const item: VcardExportItem = {
    contact: { id: 'c1', firstName: 'Greta', lastName: 'Weiß', phone: '0351 987650', phoneLabel: 'Zentrale', mobile: '0171 2', mobileLabel: 'Diensthandy', email: 'g@weiss.de', emailLabel: 'Work' },
    account: { name: 'Bäckerei Weiß', kind: 'company' },
  };

  for (const version of ['3.0', '4.0'] as const) {
    it(`${version}: written as Apple item groups and read back by our import`, () => {
      const text = toVcard(item, version);
      expect(text).toContain('item1.X-ABLabel:Zentrale\r\n');
      expect(text).toContain('item3.X-ABLabel:_$!<Work>!$_\r\n');
      const sheet = vcardsToSheet(parseVcardText(text).cards);
      const { records } = buildRecords(sheet.rows, sheet.mapping, { rowNumbers: sheet.rowNumbers });
      expect(records[0]?.contact).toMatchObject({ phone: '0351 987650', phoneLabel: 'Zentrale', mobile: '0171 2', mobileLabel: 'Diensthandy', email: 'g@weiss.de', emailLabel: 'Work' });
    });
  }
});
