import { beforeEach, describe, expect, it } from 'vitest';
import type { Account, Contact, Interaction } from '../../../shared/domain';
import { openDb, useDatabase, type RapportDb } from '../core/db';
import { eraseAccountPersonalData, eraseContact, listRetentionCandidates } from './gdpr';
import { setSetting } from '../team/settings';
import { asIsoDate } from '../../../shared/time';

function account(id: string, extra: Partial<Account> = {}): Account {
  return {
    id, updatedAt: 1, name: 'Schmidt Sanitär GmbH', customerNumber: id, kind: 'company', street: 'Hauptstr. 1', postalCode: '80331',
    city: 'München', country: 'DE', phone: '089 1234', email: 'info@schmidt.de', website: '', category: 'A', accountType: 'expand',
    lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u', productLines: [], tags: [], notes: '',
    archived: false, createdAt: Date.UTC(2010, 0, 1), ...extra,
  };
}

const renate: Contact = {
  id: 'c1', accountId: 'a1', updatedAt: 1, salutation: 'ms', title: 'Dr.', firstName: 'Renate', lastName: 'Schmidt',
  position: 'Einkauf', phone: '089 5550123', mobile: '0171 5550123', email: 'renate@schmidt.de', preferredChannel: 'email',
  birthday: { day: 29, month: 2, year: 1970 }, consent: { granted: true, date: asIsoDate('2024-03-01'), source: 'Messe' }, notes: 'mag Kaffee schwarz',
};

function interaction(id: string, extra: Partial<Interaction>): Interaction {
  return {
    id, updatedAt: 1, accountId: 'a1', type: 'visit', mode: 'human', status: 'done', at: '2026-10-01T09:00:00.000Z', userId: 'u',
    contactIds: [], subject: '', summary: '', nextStep: '', createdAt: 1, ...extra,
  } as Interaction;
}

const SECRETS = ['Renate', 'renate@schmidt.de', '5550123', 'Kaffee', 'Einkauf', '1970', 'Messe'];

let db: RapportDb;
beforeEach(async () => {
  db = openDb(`gdpr-${crypto.randomUUID()}`);
  useDatabase(db);
  await db.accounts.add(account('a1'));
  await db.contacts.bulkAdd([renate, { ...renate, id: 'c2', title: '', firstName: 'Karl', lastName: 'Weber', email: 'kw@schmidt.de', phone: '', mobile: '', notes: '' }]);
  await db.interactions.bulkAdd([
    interaction('i1', { contactIds: ['c1', 'c2'], subject: 'Besuch bei Dr. Renate Schmidt', summary: 'Frau Schmidt will ein Angebot, Rückruf unter 0171 5550123.', nextStep: 'Mail an renate@schmidt.de' }),
    interaction('i2', { subject: 'Telefonat', summary: 'Herr Weber erwähnte, dass Frau Dr. Schmidt im Urlaub ist. Schmidt Sanitär GmbH zahlt pünktlich.' }),
    interaction('i3', { accountId: 'other', subject: 'Renate Schmidt (andere Firma)' }),
  ]);
});

describe('eraseContact', () => {
  it('leaves no personal data in the contact or its interactions, and keeps the references', async () => {
    const result = await eraseContact('c1', '[gelöscht]', db);
    expect(result.interactions).toBe(2);
    const c = (await db.contacts.get('c1'))!;
    expect(c).toMatchObject({ id: 'c1', accountId: 'a1', erased: true, firstName: '', lastName: '', email: '' });
    expect(c.birthday).toBeUndefined();
    expect(c.consent).toBeUndefined();
    const rows = JSON.stringify([c, await db.interactions.get('i1'), await db.interactions.get('i2')]);
    for (const secret of SECRETS) expect(rows).not.toContain(secret);
    const i1 = (await db.interactions.get('i1'))!;
    expect(i1.contactIds).toEqual(['c1', 'c2']);
    expect(i1.subject).toBe('Besuch bei [gelöscht]');
    expect(i1.summary).toBe('[gelöscht] will ein Angebot, Rückruf unter [gelöscht].');
    // The company name that shares the family name stays; the other contact stays.
    expect((await db.interactions.get('i2'))!.summary).toBe('Herr Weber erwähnte, dass [gelöscht] im Urlaub ist. Schmidt Sanitär GmbH zahlt pünktlich.');
    expect((await db.contacts.get('c2'))!.firstName).toBe('Karl');
    // Other accounts' interactions are not this person.
    expect((await db.interactions.get('i3'))!.subject).toBe('Renate Schmidt (andere Firma)');
  });
});

describe('retention', () => {
  it('proposes former customers older than the setting, and erasing them leaves no personal data', async () => {
    await db.accounts.bulkAdd([
      account('old', { lifecycle: 'former', kind: 'private', name: 'Hans Meier', lastHumanContactAt: '2014-05-01T10:00:00.000Z' }),
      account('recent', { lifecycle: 'former', lastHumanContactAt: '2024-05-01T10:00:00.000Z' }),
    ]);
    await db.contacts.add({ ...renate, id: 'c9', accountId: 'old' });
    await db.contacts.add({ ...renate, id: 'c8', accountId: 'recent' });
    const now = new Date('2026-11-23T10:00:00Z');
    expect((await listRetentionCandidates(now, db)).map((c) => c.account.id)).toEqual(['old']);
    await setSetting('retentionYears', 1);
    expect((await listRetentionCandidates(now, db)).map((c) => c.account.id)).toEqual(['old', 'recent']);
    await eraseAccountPersonalData('old', '[gelöscht]', db);
    const rows = JSON.stringify([await db.accounts.get('old'), await db.contacts.get('c9')]);
    for (const secret of [...SECRETS, 'Hans Meier', '089 1234', 'Hauptstr']) expect(rows).not.toContain(secret);
    expect((await listRetentionCandidates(now, db)).map((c) => c.account.id)).toEqual(['recent']);
  });
});
