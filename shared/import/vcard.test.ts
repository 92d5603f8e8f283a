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

describe('labelled phones and e-mails keep their label (#17)', () => {
  const read = (text: string) => {
    const { cards, errors } = parseVcardText(text);
    expect(errors).toEqual([]);
    const sheet = vcardsToSheet(cards);
    return buildRecords(sheet.rows, sheet.mapping, { rowNumbers: sheet.rowNumbers });
  };

  it('Apple 3.0: item groups, a free label, Apple\'s own labels, a folded line, a photo to skip', () => {
    const { records, errors } = read([
      'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Apple Inc.//macOS 14.5//EN', 'N:Weiß;Greta;;Dr.;', 'FN:Dr. Greta Weiß', 'ORG:Bäckerei Weiß & Sö', ' hne;',
      'item1.TEL;type=pref:0351 987650', 'item1.X-ABLabel:Zentrale', 'item2.TEL:+49 171 2223334', 'item2.X-ABLabel:_$!<Mobile>!$_',
      'item3.EMAIL;type=INTERNET;type=pref:greta@baeckerei-weiss.de', 'item3.X-ABLabel:_$!<Work>!$_',
      'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD/4QBMRXhpZgAATU0AKgAAAAgAAYdpAAQAAAABAAAAGgAAAAAA', ' A6ABAAMAAAABAAEAAKACAAQAAAABAAAAoKAD', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Bäcker;Jörg;;;', 'FN:Jörg Bäcker', 'item1.TEL:0351 1', 'item1.X-ABLabel:_$!<Main>!$_', 'item2.TEL:0171 2', 'item2.X-ABLabel:Diensthandy', 'END:VCARD', '',
    ].join('\r\n'));
    expect(errors).toEqual([]);
    expect(records[0]?.account.name).toBe('Bäckerei Weiß & Söhne');
    expect(records[0]?.contact).toMatchObject({ phone: '0351 987650', phoneLabel: 'Zentrale', mobile: '+49 171 2223334', email: 'greta@baeckerei-weiss.de', emailLabel: 'Work' });
    expect(records[0]?.contact?.mobileLabel).toBeUndefined();
    // "Diensthandy" is a mobile ("Handy") with a label worth keeping; Apple's "Main" is kept as the word (the app translates it).
    expect(records[1]?.contact).toMatchObject({ phone: '0351 1', phoneLabel: 'Main', mobile: '0171 2', mobileLabel: 'Diensthandy' });
  });

  it('Google 3.0: TYPE=CELL for the mobile, an item label for the head office', () => {
    const { records } = read([
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Greta Weiß', 'N:Weiß;Greta;;;', 'EMAIL;TYPE=INTERNET;TYPE=WORK:greta@baeckerei-weiss.de', 'TEL;TYPE=CELL:+49 171 2223334',
      'item1.TEL:0351 987650', 'item1.X-ABLabel:Zentrale', 'ADR;TYPE=WORK:;;Große Straße 3;Dresden;;01067;Deutschland', 'ORG:Bäckerei Weiß & Söhne', 'TITLE:Inhaberin',
      'BDAY:1975-08-09', 'item2.URL:https\\://baeckerei-weiss.de', 'item2.X-ABLabel:', 'CATEGORIES:myContacts,Kunden', 'END:VCARD', '',
    ].join('\r\n'));
    expect(records).toEqual([{
      row: 1,
      account: { name: 'Bäckerei Weiß & Söhne', kind: 'company', street: 'Große Straße 3', postalCode: '01067', city: 'Dresden', country: 'DE', website: 'https://baeckerei-weiss.de', tags: ['Kunden'] },
      contact: { firstName: 'Greta', lastName: 'Weiß', position: 'Inhaberin', phone: '0351 987650', phoneLabel: 'Zentrale', mobile: '+49 171 2223334', email: 'greta@baeckerei-weiss.de', birthday: { day: 9, month: 8, year: 1975 } },
    }]);
  });

  it('Outlook 2.1 (QUOTED-PRINTABLE, Windows-1252) has no labels and gets none', () => {
    const { cards } = parseVcardBytes(readFixture('outlook-2.1-cp1252.vcf'));
    const sheet = vcardsToSheet(cards);
    const labels = ['contact.phoneLabel', 'contact.mobileLabel', 'contact.emailLabel'].map((t) => sheet.rows[0]?.[sheet.mapping.indexOf(t as never)]);
    expect(labels).toEqual(['', '', '']);
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
