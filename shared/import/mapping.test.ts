import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from './csv';
import { readFixture } from './fixtures/read-fixture';
import { splitLabelledPhones } from './labelled-columns';
import { buildRecords, duplicateTargets, inspectColumns, suggestMapping, type TargetField } from './mapping';

/** Header → suggested target, for readable expectations. */
const suggest = (headers: string[]) => Object.fromEntries(headers.map((h, i) => [h, suggestMapping(headers)[i]]));

describe('suggestMapping', () => {
  it('maps Outlook (English) export headers', () => {
    const h = ['Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title', 'Business Street', 'Business City', 'Business Postal Code', 'Business Country/Region', 'Business Phone', 'Mobile Phone', 'Company Main Phone', 'Birthday', 'Categories', 'Notes', 'E-mail Address', 'E-mail 2 Address', 'Web Page'];
    expect(suggest(h)).toEqual({
      Title: 'contact.salutation', 'First Name': 'contact.firstName', 'Middle Name': null, 'Last Name': 'contact.lastName', Suffix: null,
      Company: 'account.name', Department: null, 'Job Title': 'contact.position', 'Business Street': 'account.street', 'Business City': 'account.city',
      'Business Postal Code': 'account.postalCode', 'Business Country/Region': 'account.country', 'Business Phone': 'contact.phone', 'Mobile Phone': 'contact.mobile',
      'Company Main Phone': 'account.phone', Birthday: 'contact.birthday', Categories: 'account.tags', Notes: 'contact.notes', 'E-mail Address': 'contact.email',
      'E-mail 2 Address': null, 'Web Page': 'account.website',
    });
  });

  it('maps Outlook (German) export headers from the fixture', () => {
    const r = parseCsvBytes(readFixture('outlook-de.csv'));
    const m = suggest(r.headers);
    expect(m).toMatchObject({
      Anrede: 'contact.salutation', Vorname: 'contact.firstName', Nachname: 'contact.lastName', Firma: 'account.name', Position: 'contact.position',
      'Straße geschäftlich': 'account.street', 'Postleitzahl geschäftlich': 'account.postalCode', 'Ort geschäftlich': 'account.city',
      'Land/Region geschäftlich': 'account.country', 'Telefon geschäftlich': 'contact.phone', Mobiltelefon: 'contact.mobile', 'Telefon Firma': 'account.phone',
      Geburtstag: 'contact.birthday', Kategorien: 'account.tags', Notizen: 'contact.notes', 'E-Mail-Adresse': 'contact.email', 'E-Mail 2: Adresse': null, Webseite: 'account.website',
    });
  });

  it('maps old and new Google Contacts headers', () => {
    expect(suggest(['Name', 'Given Name', 'Family Name', 'Birthday', 'E-mail 1 - Type', 'E-mail 1 - Value', 'Phone 1 - Value', 'Address 1 - Street', 'Address 1 - Postal Code', 'Organization 1 - Name', 'Organization 1 - Title', 'Group Membership'])).toEqual({
      Name: null, 'Given Name': 'contact.firstName', 'Family Name': 'contact.lastName', Birthday: 'contact.birthday', 'E-mail 1 - Type': null, 'E-mail 1 - Value': 'contact.email',
      'Phone 1 - Value': 'contact.phone', 'Address 1 - Street': 'account.street', 'Address 1 - Postal Code': 'account.postalCode', 'Organization 1 - Name': 'account.name',
      'Organization 1 - Title': 'contact.position', 'Group Membership': 'account.tags',
    });
    expect(suggest(['First Name', 'Last Name', 'Organization Name', 'Organization Title', 'Labels'])).toEqual({
      'First Name': 'contact.firstName', 'Last Name': 'contact.lastName', 'Organization Name': 'account.name', 'Organization Title': 'contact.position', Labels: 'account.tags',
    });
  });

  it('puts generic phone/e-mail on the account when there are no person columns', () => {
    expect(suggestMapping(['Name', 'PLZ', 'Telefon', 'E-Mail'])).toEqual(['account.name', 'account.postalCode', 'account.phone', 'account.email']);
    expect(suggestMapping(['Vorname', 'Name', 'Telefon', 'EMAIL'])).toEqual(['contact.firstName', 'contact.lastName', 'contact.phone', 'contact.email']);
    expect(suggestMapping(['Mobil', 'Handy'])).toEqual(['contact.mobile', null]);
  });

  it('finds targets used twice', () => {
    expect(duplicateTargets(['account.name', null, 'account.name', 'contact.email'])).toEqual(['account.name']);
  });
});

describe('buildRecords', () => {
  it('builds accounts from the German Excel fixture and reports the broken row by its Excel number', () => {
    const r = parseCsvBytes(readFixture('excel-de-cp1252.csv'));
    const { records, errors } = buildRecords(r.rows, suggestMapping(r.headers), { rowNumbers: r.rowNumbers });
    expect(records.map((x) => x.row)).toEqual([2, 3, 4]);
    expect(records[0]).toEqual({
      row: 2,
      account: { name: 'Müller Haustechnik GmbH', kind: 'company', customerNumber: 'K-1001', street: 'Königstraße 12', postalCode: '70173', city: 'Stuttgart', country: 'DE', phone: '+49 711 123456', email: 'info@mueller-haustechnik.de', category: 'A', annualRevenue: 1234.56, notes: 'Stammkunde seit 2019' },
    });
    expect(records[1]?.account).toMatchObject({ category: 'B', annualRevenue: 99.5, notes: 'Lieferung nur vormittags;\nHintereingang benutzen' });
    expect(records[2]?.account).toMatchObject({ postalCode: '01069', annualRevenue: 12000 });
    expect(errors).toEqual([
      { row: 6, field: 'account.email', code: 'email.invalid', params: { value: 'info(at)hofmann.de' } },
      { row: 6, field: 'account.category', code: 'category.invalid', params: { value: 'E' } },
    ]);
  });

  it('builds account + contact from the Outlook fixture, including a private person', () => {
    const r = parseCsvBytes(readFixture('outlook-de.csv'));
    const { records, errors } = buildRecords(r.rows, suggestMapping(r.headers), { rowNumbers: r.rowNumbers });
    expect(errors).toEqual([]);
    expect(records[0]?.contact).toEqual({ salutation: 'mr', firstName: 'Hans', lastName: 'Müller', position: 'Einkaufsleiter', phone: '+49 711 123456', mobile: '+49 170 1234567', email: 'hans.mueller@mueller-haustechnik.de', birthday: { day: 22, month: 11, year: 1985 }, notes: 'Mag Kaffee schwarz.\nKinder: 2' });
    expect(records[0]?.account).toMatchObject({ name: 'Müller Haustechnik GmbH', phone: '+49 711 1200', tags: ['Kunden', 'Messe 2026'], website: 'www.mueller-haustechnik.de' });
    expect(records[1]).toEqual({
      row: 3,
      account: { name: 'Greta Weiß', kind: 'private', street: 'Große Straße 3', postalCode: '01067', city: 'Dresden', country: 'DE' },
      contact: { salutation: 'ms', title: 'Dr.', firstName: 'Greta', lastName: 'Weiß', mobile: '0171 2223334', email: 'greta.weiss@example.de' },
    });
  });

  it('builds records from the Google fixture with phone labels split into phone and mobile', () => {
    const sheet = splitLabelledPhones(parseCsvBytes(readFixture('google-contacts.csv')));
    const { records, errors } = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers });
    expect(errors).toEqual([]);
    expect(records[0]?.contact).toEqual({ title: 'Dr.', firstName: 'Jürgen', lastName: 'Schäfer', position: 'Geschäftsführer', phone: '+49 351 4455', mobile: '+49 172 9876543', email: 'juergen@schaefer-elektro.de', birthday: { day: 22, month: 11, year: 1985 }, notes: 'Rückruf erbeten, dringend' });
    expect(records[0]?.account).toMatchObject({ name: 'Schäfer Elektro e.K.', postalCode: '01069', country: 'DE', tags: ['Kunden'], website: 'https://schaefer-elektro.de' });
    expect(records[1]?.contact).toMatchObject({ mobile: '+49 160 5550000', birthday: { day: 15, month: 3 } });
    expect(records[1]?.contact?.phone).toBeUndefined();
  });

  it('leaves out rows the CSV reader already reported', () => {
    const { records, errors } = buildRecords([['A'], ['B']], ['account.name'], { rowNumbers: [2, 5], readErrors: [{ row: 5, code: 'csv.too_many_cells' }] });
    expect(records.map((r) => r.row)).toEqual([2]);
    expect(errors).toEqual([]);
  });

  it('asks for the order of ambiguous slashed birthdays and applies the answer', () => {
    const mapping: TargetField[] = ['account.name', 'contact.lastName', 'contact.birthday'];
    const rows = [['A', 'X', '01/02/1980'], ['B', 'Y', '03/04/1990']];
    expect(inspectColumns(rows, mapping)).toEqual([{ kind: 'slash_order', column: 2 }]);
    expect(buildRecords(rows, mapping).errors.map((e) => [e.row, e.code])).toEqual([[2, 'date.order_unknown'], [3, 'date.order_unknown']]);
    expect(buildRecords(rows, mapping, { slashOrder: 'mdy' }).records[0]?.contact?.birthday).toEqual({ day: 2, month: 1, year: 1980 });
  });

  it('validates postal codes, countries, e-mails, birthdays and names', () => {
    const mapping: TargetField[] = ['account.name', 'account.postalCode', 'account.country', 'contact.lastName', 'contact.email', 'contact.birthday', 'account.annualRevenue'];
    const { errors } = buildRecords([
      ['A', '1234', 'Österreich', '', '', '', ''],
      ['B', '123', 'Deutschland', 'X', 'x@', '31.04.1990', '1,2,3'],
      ['C', '', 'Atlantis', '', '', '', ''],
      ['', '', '', '', '', '', '12'],
    ], mapping);
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'account.postalCode', 'postalCode.invalid'],
      [3, 'account.annualRevenue', 'number.invalid'],
      [3, 'contact.email', 'email.invalid'],
      [3, 'contact.birthday', 'birthday.invalid'],
      [4, 'account.country', 'country.unknown'],
      [5, undefined, 'row.no_name'],
    ]);
  });
});
