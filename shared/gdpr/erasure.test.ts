import { describe, expect, it } from 'vitest';
import type { Account, Contact, Interaction } from '../domain';
import { eraseContactRows, privateAccountErasure } from './erasure';

const renate: Contact = {
  id: 'c1', accountId: 'a1', updatedAt: 1, salutation: 'ms', title: 'Dr.', firstName: 'Renate', lastName: 'Schmidt', position: 'Einkauf',
  phone: '089 5550123', mobile: '', email: 'renate@schmidt.de', preferredChannel: 'email', notes: 'mag Kaffee', deletedAt: 7,
};

const row = (id: string, summary: string): Interaction => ({
  id, updatedAt: 1, accountId: 'a1', type: 'visit', mode: 'human', status: 'done', at: '2026-10-01T09:00:00.000Z', userId: 'u',
  contactIds: [], subject: 'Besuch', summary, nextStep: '', createdAt: 1,
});

describe('erasing a person', () => {
  it('keeps a stub of the contact and scrubs the texts that name them, writing nothing else', () => {
    const r = eraseContactRows(renate, [
      row('i1', 'Mit Dr. Renate Schmidt gesprochen, Rückruf 089 5550123'),
      row('i2', 'Frau Schmidt war im Urlaub; renate@schmidt.de'),
      row('i3', 'Schmidt GmbH liefert'),
    ], '[gelöscht]', 99);
    expect(r.contact).toEqual({
      id: 'c1', accountId: 'a1', updatedAt: 99, deletedAt: 7, salutation: 'none', title: '', firstName: '', lastName: '', position: '',
      phone: '', mobile: '', email: '', preferredChannel: 'none', notes: '', erased: true,
    });
    expect(r.interactions.map((i) => [i.id, i.summary, i.updatedAt])).toEqual([
      ['i1', 'Mit [gelöscht] gesprochen, Rückruf [gelöscht]', 99],
      ['i2', '[gelöscht] war im Urlaub; [gelöscht]', 99],
    ]);
  });

  it('erases a private customer\'s own fields once, and never a company\'s', () => {
    const a = { id: 'a1', kind: 'private', name: 'Renate Schmidt', street: 'Weg 1', phone: '1', email: 'r@s.de', website: 'x.de', notes: 'n' } as Account;
    expect(privateAccountErasure(a, '[gelöscht]', 5)).toMatchObject({ name: '[gelöscht]', street: '', phone: '', email: '', website: '', notes: '', updatedAt: 5 });
    expect(privateAccountErasure({ ...a, name: '[gelöscht]' }, '[gelöscht]', 5)).toBeUndefined();
    expect(privateAccountErasure({ ...a, kind: 'company' }, '[gelöscht]', 5)).toBeUndefined();
    expect(privateAccountErasure(undefined, '[gelöscht]', 5)).toBeUndefined();
  });
});
