import { describe, expect, it } from 'vitest';
import { choiceKey, matchOwner } from './account-values';
import { buildRecords, suggestMapping } from './mapping';

const team = [
  { id: 'm-anna', name: 'Anna Schröder', email: 'anna@firma.de' },
  { id: 'm-jorg', name: 'Jörg Weiß' },
  { id: 'm-ali', name: 'Ali Yılmaz' },
];
const leadSources = [{ id: 'ls-messe', name: 'SHK-Messe Essen 2026' }, { id: 'ls-web', name: 'Website' }];

/** Builds one CSV-like table with German Excel headers and reads it as the wizard would. */
function read(headers: string[], rows: string[][], locale: 'de' | 'en' = 'de') {
  return buildRecords(rows, suggestMapping(headers), { team, leadSources, locale });
}

describe('suggestMapping for the fields shown on an account', () => {
  it('knows the German and English headers (the export writes them, people type them)', () => {
    const de = ['Kundennummer', 'Firma', 'Art', 'Kategorie', 'Kundentyp', 'Status', 'Kündigungsgrund', 'Betreuer', 'Herkunft', 'Produktlinien', 'Jahresumsatz'];
    expect(suggestMapping(de)).toEqual([
      'account.customerNumber', 'account.name', 'account.kind', 'account.category', 'account.accountType', 'account.lifecycle', 'account.churnReason',
      'account.owner', 'account.leadSource', 'account.productLines', 'account.annualRevenue',
    ]);
    const en = ['Customer Number', 'Company', 'Kind', 'Category', 'Account Type', 'Lifecycle', 'Churn Reason', 'Owner', 'Lead Source', 'Product Lines', 'Annual Revenue'];
    expect(suggestMapping(en)).toEqual(suggestMapping(de));
    expect(suggestMapping(['Typ', 'Kundenbetreuer', 'Lead-Quelle', 'Produkte', 'Umsatz'])).toEqual([
      'account.accountType', 'account.owner', 'account.leadSource', 'account.productLines', 'account.annualRevenue',
    ]);
  });
});

describe('buildRecords reads the account fields', () => {
  const headers = ['Firma', 'Kundentyp', 'Status', 'Betreuer', 'Herkunft', 'Kategorie', 'Produktlinien', 'Kundennummer', 'Jahresumsatz'];

  it('reads type, status, owner, source, category, product lines, number and German money', () => {
    const { records, errors } = read(headers, [
      ['Bauer KG', 'Erweitern', 'Kunde', 'Anna Schröder', 'SHK-Messe Essen 2026', 'a', 'Heizung; Sanitär, Klima', 'K-1001', '1.234,56 €'],
      ['Huber GmbH', 'BEIBEHALTEN', 'Interessent', 'joerg weiss', 'website', 'D', 'Heizung', '0042', '12.000'],
      ['Meier OHG', 'expand', 'former', 'Schroder, Anna', '', 'B', '', '', '0,50'],
      ['Yilmaz Bau', 'Maintain', 'Ehemaliger Kunde', 'ALI YILMAZ', '', '', '', '', '1500'],
      ['Koch AG', 'Expand', 'Prospect', 'anna@firma.de', '', '', '', '', ''],
    ]);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.account)).toEqual([
      { country: 'DE', name: 'Bauer KG', customerNumber: 'K-1001', kind: 'company', category: 'A', accountType: 'expand', lifecycle: 'customer', ownerId: 'm-anna', leadSourceId: 'ls-messe', productLines: ['Heizung', 'Sanitär', 'Klima'], annualRevenue: 1234.56 },
      { country: 'DE', name: 'Huber GmbH', customerNumber: '0042', kind: 'company', category: 'D', accountType: 'maintain', lifecycle: 'prospect', ownerId: 'm-jorg', leadSourceId: 'ls-web', productLines: ['Heizung'], annualRevenue: 12000 },
      { country: 'DE', name: 'Meier OHG', kind: 'company', category: 'B', accountType: 'expand', lifecycle: 'former', ownerId: 'm-anna', annualRevenue: 0.5 },
      { country: 'DE', name: 'Yilmaz Bau', kind: 'company', accountType: 'maintain', lifecycle: 'former', ownerId: 'm-ali', annualRevenue: 1500 },
      { country: 'DE', name: 'Koch AG', kind: 'company', accountType: 'expand', lifecycle: 'prospect', ownerId: 'm-anna' },
    ]);
  });

  it('reads English money in an English file', () => {
    const { records } = read(['Company', 'Annual Revenue'], [['Acme Ltd', '1,500.50'], ['Beta Inc', '€ 2,000']], 'en');
    expect(records.map((r) => r.account.annualRevenue)).toEqual([1500.5, 2000]);
  });

  it('refuses a row with an unknown owner, naming the column, the value and the team', () => {
    const { records, errors } = read(headers, [
      ['Bauer KG', '', '', 'Hans Unbekannt', '', '', '', '', ''],
      ['Huber GmbH', '', '', 'Anna Schröder', '', '', '', '', ''],
    ]);
    expect(records.map((r) => r.account.name)).toEqual(['Huber GmbH']);
    expect(errors).toEqual([{ row: 2, field: 'account.owner', code: 'owner.unknown', params: { value: 'Hans Unbekannt', known: 'Anna Schröder, Jörg Weiß, Ali Yılmaz' } }]);
  });

  it('refuses unknown words and sources on their columns, and an ambiguous owner', () => {
    const twins = [...team, { id: 'm-anna2', name: 'Anna  Schroeder' }];
    const { errors } = buildRecords(
      [['Bauer KG', 'Vielleicht', 'Schläft', 'Anna Schröder', 'Zeitung', 'E', '', '', 'zwölf']],
      suggestMapping(headers),
      { team: twins, leadSources },
    );
    expect(errors.map((e) => [e.field, e.code, e.params?.value])).toEqual([
      ['account.category', 'category.invalid', 'E'],
      ['account.accountType', 'accountType.invalid', 'Vielleicht'],
      ['account.lifecycle', 'lifecycle.invalid', 'Schläft'],
      ['account.owner', 'owner.ambiguous', 'Anna Schröder'],
      ['account.leadSource', 'leadSource.unknown', 'Zeitung'],
      ['account.annualRevenue', 'number.invalid', 'zwölf'],
    ]);
  });

  it('keeps an explicit kind: a private customer exported as "Privatkunde" comes back private', () => {
    const { records } = read(['Firma', 'Art', 'Vorname', 'Nachname'], [['Jürgen Weiß', 'Privatkunde', 'Jürgen', 'Weiß'], ['Bauer KG', 'Firma', '', ''], ['', '', 'Eva', 'Berg']]);
    expect(records.map((r) => [r.account.name, r.account.kind])).toEqual([['Jürgen Weiß', 'private'], ['Bauer KG', 'company'], ['Eva Berg', 'private']]);
  });

  it('keeps the labels of phone, mobile and e-mail only together with their values', () => {
    const { records } = read(
      ['Firma', 'Vorname', 'Nachname', 'Telefon geschäftlich', 'Bezeichnung Telefon', 'Mobil', 'Bezeichnung Mobil', 'E-Mail-Adresse', 'Bezeichnung E-Mail'],
      [['Bauer KG', 'Eva', 'Berg', '0351 1', 'Zentrale', '', 'Diensthandy', 'eva@bauer.de', 'Büro']],
    );
    expect(records[0]?.contact).toEqual({ firstName: 'Eva', lastName: 'Berg', phone: '0351 1', phoneLabel: 'Zentrale', email: 'eva@bauer.de', emailLabel: 'Büro' });
  });
});

describe('matchOwner and choiceKey', () => {
  it('folds case, accents, ß and spelled-out umlauts alike', () => {
    expect(choiceKey('Jörg Weiß')).toBe(choiceKey('JOERG WEISS'));
    expect(choiceKey('Jörg Weiß')).toBe(choiceKey('jorg weiss'));
    expect(choiceKey('Ehemaliger Kunde')).toBe(choiceKey('ehemaliger-kunde'));
  });

  it('finds a member by name, "Last, First" or e-mail; nobody by a part of a name', () => {
    expect(matchOwner('Weiß, Jörg', team)).toBe('m-jorg');
    expect(matchOwner(' ANNA@FIRMA.DE ', team)).toBe('m-anna');
    expect(matchOwner('Anna', team)).toEqual({ problem: 'unknown' });
    expect(matchOwner('Anna Schröder', [])).toEqual({ problem: 'unknown' });
  });
});
