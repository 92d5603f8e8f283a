import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/read-fixture';
import { buildRecords } from './mapping';
import { parseVcardBytes, parseVcardText, vcardsToSheet } from './vcard';
import { decodeQuotedPrintable, upgradeVcard21 } from './vcard21';

const records = (file: string) => {
  const { cards, errors } = parseVcardBytes(readFixture(file));
  expect(errors).toEqual([]);
  const sheet = vcardsToSheet(cards);
  return { cards, ...buildRecords(sheet.rows, sheet.mapping, { rowNumbers: sheet.rowNumbers }) };
};

describe('vCard fixtures', () => {
  it('Outlook 2.1 in Windows-1252 with quoted-printable NOTE, fax, photo skipped', () => {
    const { cards, records: r, errors } = records('outlook-2.1-cp1252.vcf');
    expect(cards[0]?.phones).toEqual([
      { value: '+49 711 123456', types: ['work', 'voice'] },
      { value: '+49 170 1234567', types: ['cell', 'voice'] },
      { value: '+49 711 123499', types: ['work', 'fax'] },
    ]);
    expect(cards[0]?.department).toBe('Vertrieb');
    expect(errors).toEqual([]);
    expect(r).toEqual([{
      row: 1,
      account: { name: 'Müller Haustechnik GmbH', kind: 'company', street: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE', website: 'http://www.mueller-haustechnik.de' },
      contact: { salutation: 'mr', firstName: 'Hans', lastName: 'Müller', position: 'Einkaufsleiter', phone: '+49 711 123456', mobile: '+49 170 1234567', email: 'hans.mueller@mueller-haustechnik.de', birthday: { day: 22, month: 11, year: 1985 }, notes: 'Mag Kaffee schwarz, ohne Zucker.\nGrüße an die Familie; Kinder: 2 – Ende' },
    }]);
  });

  it('2.1 with UTF-8 quoted-printable and soft line breaks (phone export)', () => {
    const { records: r } = records('android-2.1-qp-utf8.vcf');
    expect(r).toEqual([{
      row: 1,
      account: { name: 'Jürgen Weiß', kind: 'private', street: 'Große Straße 3', postalCode: '01067', city: 'Dresden', country: 'DE' },
      contact: { firstName: 'Jürgen', lastName: 'Weiß', phone: '0351 111', mobile: '+49 171 2223334', email: 'j.weiss@example.de', birthday: { day: 15, month: 3, year: 1990 }, notes: 'Sehr lange Notiz mit Umlauten äöü, die der Export umbricht' },
    }]);
  });

  it('Apple 3.0: item groups with labels, yearless birthday, escaped URL, photo skipped', () => {
    const { cards, records: r, errors } = records('apple-3.0.vcf');
    expect(errors).toEqual([]);
    expect(cards[0]?.phones[1]).toEqual({ value: '+49 171 2223334', types: [], label: 'Mobile' });
    expect(cards[1]?.emails[0]).toEqual({ value: 'juergen@schaefer-elektro.de', types: ['internet'], label: 'Büro' });
    expect(r[0]).toEqual({
      row: 1,
      account: { name: 'Bäckerei Weiß & Söhne', kind: 'company', street: 'Große Straße 3', postalCode: '01067', city: 'Dresden', country: 'DE', website: 'https://baeckerei-weiss.de' },
      contact: { title: 'Dr.', firstName: 'Greta', lastName: 'Weiß', position: 'Inhaberin', phone: '0351 987654', mobile: '+49 171 2223334', email: 'greta@baeckerei-weiss.de', birthday: { day: 15, month: 3 }, notes: 'Bestellt freitags, immer Roggenbrot.\nAnruf ab 7 Uhr.' },
    });
    // The free label "Büro" stays with the address (#17); Apple's own "Mobile" on the mobile number says nothing new and is not kept.
    expect(r[1]?.contact).toEqual({ firstName: 'Jürgen', lastName: 'Schäfer', email: 'juergen@schaefer-elektro.de', emailLabel: 'Büro', birthday: { day: 22, month: 11, year: 1985 } });
  });

  it('4.0: tel: URIs, quoted TYPE list, --MMDD birthday, categories, data-URI photo skipped', () => {
    const { records: r } = records('google-4.0.vcf');
    expect(r).toEqual([{
      row: 1,
      account: { name: 'Petrova Consulting', kind: 'company', street: 'Unter den Linden 5', postalCode: '10117', city: 'Berlin', country: 'DE', website: 'https://petrova-consulting.de', tags: ['Kunden', 'Berlin'] },
      contact: { firstName: 'Olga', lastName: 'Petrova', position: 'Beraterin', phone: '+49-30-1234567', mobile: '+49-160-5550000', email: 'olga@petrova-consulting.de', birthday: { day: 22, month: 11 }, notes: 'Spricht Deutsch, Russisch und Englisch.' },
    }]);
  });
});

describe('parseVcardText', () => {
  it('reports a broken card by its number and keeps the others', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Eins;A\r\nFN:A Eins\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kaputt\r\nNO COLON HERE\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Drei\r\nEND:VCARD\r\n';
    const { cards, errors } = parseVcardText(text);
    expect(cards.map((c) => [c.card, c.formattedName])).toEqual([[1, 'A Eins'], [3, 'Drei']]);
    expect(errors).toMatchObject([{ row: 2, code: 'vcard.malformed' }]);
  });

  it('treats company cards as accounts without a contact person', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Firma X\r\nORG:Firma X;\r\nX-ABShowAs:COMPANY\r\nTEL;type=WORK:089 1\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Firma Y\r\nEND:VCARD\r\n';
    const { cards } = parseVcardText(text);
    expect(cards.map((c) => c.isCompany)).toEqual([true, true]);
    const sheet = vcardsToSheet(cards);
    const { records } = buildRecords(sheet.rows, sheet.mapping, { rowNumbers: sheet.rowNumbers });
    expect(records).toEqual([
      { row: 1, account: { name: 'Firma X', kind: 'company', country: 'DE', phone: '089 1' } },
      { row: 2, account: { name: 'Firma Y', kind: 'company', country: 'DE' } },
    ]);
  });

  it('reads BDAY in basic and extended forms', () => {
    const card = (b: string) => parseVcardText(`BEGIN:VCARD\nVERSION:3.0\nFN:x\nBDAY:${b}\nEND:VCARD\n`).cards[0]?.birthday;
    expect(card('19851122')).toEqual({ day: 22, month: 11, year: 1985 });
    expect(card('1985-11-22')).toEqual({ day: 22, month: 11, year: 1985 });
    expect(card('--1122')).toEqual({ day: 22, month: 11 });
  });
});

describe('vCard 2.1 pre-processing', () => {
  it('decodes quoted-printable with the declared charset', () => {
    expect(decodeQuotedPrintable('M=C3=BCller', 'UTF-8')).toBe('Müller');
    expect(decodeQuotedPrintable('M=FCller =80', 'Windows-1252')).toBe('Müller €');
    expect(decodeQuotedPrintable('a=3Db', 'ISO-8859-1')).toBe('a=b');
  });

  it('rewrites bare params, escapes commas, drops binaries', () => {
    const out = upgradeVcard21(['BEGIN:VCARD', 'VERSION:2.1', 'TEL;WORK;VOICE:+49 1', 'item1.NOTE;QUOTED-PRINTABLE:a, b=0D=0Ac; d=', 'e', 'PHOTO;BASE64:', ' AAAA', '', 'END:VCARD']);
    expect(out).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nTEL;TYPE=WORK,VOICE:+49 1\r\nitem1.NOTE:a\\, b\\nc\\; de\r\nEND:VCARD\r\n');
  });
});
