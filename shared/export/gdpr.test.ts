import { describe, expect, it } from 'vitest';
import type { Contact, Interaction } from '../domain';
import { buildGdprExport, gdprDocument } from './gdpr';
import { asIsoDate } from '../time';

const contact: Contact = {
  id: 'c1', updatedAt: 1, accountId: 'a1', salutation: 'ms', title: 'Dr.', firstName: 'Greta', lastName: 'Weiß', position: 'Inhaberin',
  phone: '0351 1', mobile: '', email: 'greta@example.de', birthday: { day: 15, month: 3 }, preferredChannel: 'phone',
  consent: { granted: true, date: asIsoDate('2026-05-04'), source: 'Messeformular' }, notes: '',
};
const base: Omit<Interaction & { type: 'visit'; status: 'done' }, 'id' | 'at' | 'contactIds' | 'summary' | 'accountId'> = {
  updatedAt: 1, type: 'visit', mode: 'human', status: 'done', userId: 'u1', subject: 'Besuch', nextStep: '', createdAt: 1,
};
const interactions: Interaction[] = [
  { ...base, id: 'i2', accountId: 'a1', at: '2026-06-01T08:00:00.000Z', contactIds: ['c1'], summary: 'Sortiment besprochen', outcome: 'successful' },
  { ...base, id: 'i1', accountId: 'a1', at: '2026-01-01T08:00:00.000Z', contactIds: [], summary: 'Frau Greta Weiss war krank' },
  { ...base, id: 'i3', accountId: 'a1', at: '2026-02-01T08:00:00.000Z', contactIds: [], summary: 'Nur der Chef' },
  { ...base, id: 'i4', accountId: 'a9', at: '2026-02-01T08:00:00.000Z', contactIds: [], summary: 'Greta Weiß woanders' },
  { ...base, id: 'i5', accountId: 'a1', at: '2026-03-01T08:00:00.000Z', contactIds: ['c1'], summary: 'gelöscht', deletedAt: 5 },
];

describe('GDPR access export', () => {
  const exp = buildGdprExport({ contact, account: { id: 'a1', name: 'Bäckerei Weiß' }, interactions, team: [{ id: 'u1', name: 'Tom Rep' }] }, new Date('2026-11-23T00:00:00.000Z'));

  it('collects the person, consent and the interactions that list or name them, oldest first', () => {
    expect(exp.person).toBe(contact);
    expect(exp.account).toEqual({ id: 'a1', name: 'Bäckerei Weiß' });
    expect(exp.consent).toEqual(contact.consent);
    expect(exp.interactions.map((i) => [i.id, i.via, i.by])).toEqual([['i1', 'named', 'Tom Rep'], ['i2', 'listed', 'Tom Rep']]);
    expect(JSON.parse(JSON.stringify(exp))).toEqual(exp);
  });

  it('lays out a readable document with i18n keys and raw values only', () => {
    const doc = gdprDocument(exp);
    expect(doc.subject).toBe('Dr. Greta Weiß');
    expect(doc.sections.map((s) => s.title)).toEqual(['gdpr.section.person', 'gdpr.section.consent', 'gdpr.section.interaction', 'gdpr.section.interaction']);
    expect(doc.sections[0]?.rows).toContainEqual({ label: 'gdpr.field.salutation', value: { kind: 'key', key: 'salutation.ms' } });
    expect(doc.sections[0]?.rows.some((r) => r.label === 'gdpr.field.mobile')).toBe(false);
    expect(doc.sections[1]?.rows).toContainEqual({ label: 'gdpr.field.consentDate', value: { kind: 'date', iso: asIsoDate('2026-05-04') } });
    expect(doc.sections[3]?.rows).toContainEqual({ label: 'gdpr.field.outcome', value: { kind: 'key', key: 'outcome.successful' } });
  });
});
