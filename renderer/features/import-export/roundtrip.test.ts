// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { customerLabelKeys } from '../../../shared/export/customer-columns';
import type { Account, Contact, Id } from '../../../shared/domain';
import { planImport } from '../../../shared/import/duplicates';
import { asIsoDate } from '../../../shared/time';
import { getDb, openDb, useDatabase } from '../../db/core/db';
import { customerExportBytes } from '../../db/transfer/customer-export';
import { applyImport, loadExistingIndex, loadImportLookups, newAccountRow, newContactRow } from '../../db/transfer/import';
import commonDe from '../../i18n/locales/de.json';
import commonEn from '../../i18n/locales/en.json';
import ownDe from './locales/de.json';
import ownEn from './locales/en.json';
import { buildInChunks, readSource } from './pipeline';

const NOW = 1_700_000_000_000;
const DAY = asIsoDate('2026-01-01');

/** The export's labels as CustomerExport.tsx makes them, from the real locale files. */
function labels(locale: 'de' | 'en'): Record<string, string> {
  const files = { de: { common: commonDe, own: ownDe }, en: { common: commonEn, own: ownEn } }[locale];
  const lookup = (tree: unknown, path: string) => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  return Object.fromEntries(customerLabelKeys().map((key) => {
    const value = key.startsWith('common:') ? lookup(files.common, key.slice(7)) : lookup(files.own, key);
    if (typeof value !== 'string') throw new Error(`no ${locale} label for ${key}`);
    return [key, value];
  }));
}

/** Team and lead sources under other ids than the exporting base's: the import must match them by name. */
async function seedTeam(prefix: string) {
  const db = getDb();
  await db.teamMembers.bulkAdd([
    { id: `${prefix}-anna`, name: 'Anna Schröder', initials: 'AS', color: '#000000', role: 'rep', email: '', active: true, updatedAt: NOW },
    { id: `${prefix}-jorg`, name: 'Jörg Weiß', initials: 'JW', color: '#000000', role: 'lead', email: '', active: true, updatedAt: NOW },
  ]);
  await db.leadSources.add({ id: `${prefix}-messe`, name: 'SHK-Messe Essen 2026', kind: 'trade_fair', cost: 1200, updatedAt: NOW });
}

async function seedAccounts() {
  const db = getDb();
  const acc = (values: Partial<Account> & { id: Id }) => newAccountRow(values, 'x-anna', NOW, DAY);
  await db.accounts.bulkAdd([
    acc({ id: 'a1', name: 'Bäckerei Weiß & Söhne', customerNumber: 'K-1001', street: 'Große Straße 3', postalCode: '01067', city: 'Dresden', phone: '0351 987654', email: 'info@baeckerei-weiss.de', website: 'https://baeckerei-weiss.de', category: 'A', accountType: 'expand', lifecycle: 'customer', ownerId: 'x-jorg', leadSourceId: 'x-messe', productLines: ['Heizung', 'Sanitär'], annualRevenue: 1234.56, tags: ['Stammkunde', 'Nord'], notes: 'Liefert freitags' }),
    acc({ id: 'a2', name: 'Huber GmbH', customerNumber: '0042', city: 'München', postalCode: '80331', category: 'D', accountType: 'maintain', lifecycle: 'former', churnReason: 'Zu teuer; Wettbewerber', annualRevenue: 12000 }),
    acc({ id: 'a3', name: 'Jürgen Weiß', kind: 'private', customerNumber: 'P-7', category: 'C', accountType: 'maintain', lifecycle: 'prospect', country: 'AT', postalCode: '1010', city: 'Wien' }),
    acc({ id: 'a4', name: 'Özdemir Bau', customerNumber: 'K-1002', category: 'B', accountType: 'expand', lifecycle: 'lead', productLines: ['Klima'], annualRevenue: 0.5 }),
  ]);
  await db.contacts.bulkAdd([
    newContactRow({ id: 'c1', accountId: 'a1', salutation: 'ms', title: 'Dr.', firstName: 'Greta', lastName: 'Weiß', position: 'Inhaberin', phone: '0351 987650', phoneLabel: 'Zentrale', mobile: '+49 171 2223334', mobileLabel: 'Diensthandy', email: 'greta@baeckerei-weiss.de', emailLabel: 'Büro', birthday: { day: 9, month: 8, year: 1975 } }, NOW),
    newContactRow({ id: 'c2', accountId: 'a1', salutation: 'mr', firstName: 'Jörg', lastName: 'Bäcker', birthday: { day: 29, month: 2 }, notes: 'Zeile 1\nZeile 2' }, NOW),
    newContactRow({ id: 'c3', accountId: 'a3', firstName: 'Jürgen', lastName: 'Weiß', mobile: '+43 660 1234567' }, NOW),
  ]);
}

const ACCOUNT_FIELDS = ['name', 'customerNumber', 'kind', 'street', 'postalCode', 'city', 'country', 'phone', 'email', 'website', 'category', 'accountType', 'lifecycle', 'churnReason', 'productLines', 'annualRevenue', 'tags', 'notes'] as const;
const CONTACT_FIELDS = ['salutation', 'title', 'firstName', 'lastName', 'position', 'phone', 'phoneLabel', 'mobile', 'mobileLabel', 'email', 'emailLabel', 'birthday', 'notes'] as const;

/** Every field the account page shows, with owner and lead source by name and the contacts in name order. */
async function snapshot() {
  const db = getDb();
  const { team, leadSources } = await loadImportLookups();
  const accounts = await db.accounts.toArray();
  const contacts = await db.contacts.toArray();
  return accounts
    .map((a): Record<string, unknown> => ({
      ...Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, a[f]])),
      owner: team.find((m) => m.id === a.ownerId)?.name,
      leadSource: leadSources.find((s) => s.id === a.leadSourceId)?.name,
      contacts: contacts
        .filter((c) => c.accountId === a.id)
        .map((c: Contact) => Object.fromEntries(CONTACT_FIELDS.map((f) => [f, c[f]])))
        .sort((x, y) => String(x.lastName).localeCompare(String(y.lastName))),
    }))
    .sort((x, y) => String(x.customerNumber).localeCompare(String(y.customerNumber)));
}

describe('export → import into an empty base round-trips every field shown on an account', { timeout: 60_000 }, () => {
  for (const [kind, locale] of [['csv', 'de'], ['csv', 'en'], ['xlsx', 'de'], ['xlsx', 'en']] as const) {
    it(`${kind.toUpperCase()} in ${locale}`, async () => {
      const source = openDb(`roundtrip-from-${crypto.randomUUID()}`);
      useDatabase(source);
      await seedTeam('x');
      await seedAccounts();
      const before = await snapshot();
      const { data } = await customerExportBytes(source, { kind, locale, labels: labels(locale), sheetName: 'Kunden' });

      useDatabase(openDb(`roundtrip-to-${crypto.randomUUID()}`));
      await seedTeam('y');
      const sheet = await readSource({ name: `kunden.${kind}`, data });
      // Every column the export writes is recognised by the mapping: none is left unmapped.
      expect(sheet.headers.filter((_, i) => sheet.mapping[i] === null)).toEqual([]);
      const built = await buildInChunks(sheet, sheet.mapping, { locale, lookups: await loadImportLookups() });
      expect(built.errors).toEqual([]);
      const plan = planImport(built.records, await loadExistingIndex(built.records), 'skip');
      expect(plan.errors).toEqual([]);
      await applyImport(plan, { fileName: `kunden.${kind}`, ownerId: 'y-anna' });

      expect(await snapshot()).toEqual(before);
    });
  }
});

describe('the import reads every label the app shows for kind, account type and status', () => {
  it('in German and English (shared/import/account-values.ts keeps its own word list; this holds it to the locale files)', async () => {
    const { buildRecords } = await import('../../../shared/import/mapping');
    for (const common of [commonDe, commonEn]) {
      const pairs = [
        ...Object.entries(common.accountKind).map(([code, label]) => ['account.kind', 'kind', code, label] as const),
        ...Object.entries(common.accountType).map(([code, label]) => ['account.accountType', 'accountType', code, label] as const),
        ...Object.entries(common.lifecycle).map(([code, label]) => ['account.lifecycle', 'lifecycle', code, label] as const),
      ];
      for (const [target, field, code, label] of pairs) {
        for (const written of [label, label.toUpperCase(), code]) {
          const { records, errors } = buildRecords([['Bauer KG', written]], ['account.name', target]);
          expect(errors, `${written}`).toEqual([]);
          expect((records[0]?.account as Record<string, unknown>)[field], written).toBe(code);
        }
      }
    }
  });
});
