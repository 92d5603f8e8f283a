import { describe, expect, it } from 'vitest';
import { splitList, validateAccount, type AccountInput } from './account';
import { validateContact, type ContactInput } from './contact';
import { asIsoDate } from '../time';

const account: AccountInput = {
  name: ' Müller Haustechnik GmbH ', customerNumber: 'K-1001', kind: 'company', street: 'Sendlinger Str. 1', postalCode: '80331',
  city: 'München', country: 'de', phone: '+49 89 123456', email: 'info@mueller.de', website: 'www.mueller-haustechnik.de',
  category: 'A', accountType: 'expand', lifecycle: 'customer', lifecycleDates: { customer: asIsoDate('2026-01-02') }, churnReason: '',
  ownerId: 'u1', productLines: ['Heizung'], tags: ['Messe'], notes: '',
};

const contact: ContactInput = {
  salutation: 'mr', title: 'Dr.', firstName: 'Jürgen', lastName: 'Weiß', position: 'Einkauf', phone: '', mobile: '0171 1234567',
  email: 'jw@mueller.de', birthday: { day: 29, month: 2 }, preferredChannel: 'phone', notes: '',
  consent: { granted: true, date: asIsoDate('2026-03-01'), source: 'Messeformular' },
};

describe('account validation', () => {
  it('accepts a complete account, trimming text and upper-casing the country', () => {
    const r = validateAccount(account);
    expect(r.ok && r.value.name).toBe('Müller Haustechnik GmbH');
    expect(r.ok && r.value.country).toBe('DE');
  });
  it('reports one code per field', () => {
    const r = validateAccount({ ...account, name: ' ', email: 'nope', postalCode: '8033', website: 'not a site', phone: 'abc', annualRevenue: -1 });
    expect(r.ok ? {} : r.errors).toEqual({
      name: 'required', email: 'invalidEmail', postalCode: 'invalidPostalCode', website: 'invalidWebsite', phone: 'invalidPhone', annualRevenue: 'negative',
    });
  });
  it('requires a churn reason for former customers and knows Austrian postal codes', () => {
    const r = validateAccount({ ...account, lifecycle: 'former', country: 'AT', postalCode: '1010' });
    expect(r.ok ? {} : r.errors).toEqual({ churnReason: 'churnReasonRequired' });
  });
  it('splits comma lists without repeats', () => {
    expect(splitList('Heizung, Sanitär ,,heizung; Lüftung')).toEqual(['Heizung', 'Sanitär', 'Lüftung']);
  });
});

describe('contact validation', () => {
  it('accepts a birthday without a year, even 29 February', () => {
    expect(validateContact(contact).ok).toBe(true);
  });
  it('rejects impossible birthdays and a leap day in a common year', () => {
    const bad = (birthday: ContactInput['birthday']) => {
      const r = validateContact({ ...contact, birthday });
      return r.ok ? undefined : r.errors.birthday;
    };
    expect(bad({ day: 31, month: 4 })).toBe('invalidBirthday');
    expect(bad({ day: 29, month: 2, year: 2023 })).toBe('invalidBirthday');
    expect(bad({ day: 29, month: 2, year: 2024 })).toBeUndefined();
  });
  it('requires a last name and a consent source', () => {
    const r = validateContact({ ...contact, lastName: '', consent: { granted: false, date: asIsoDate('2026-03-01'), source: '' } });
    expect(r.ok ? {} : r.errors).toEqual({ lastName: 'required', 'consent.source': 'consentSourceRequired' });
  });
});

describe('team member validation', async () => {
  const { validateTeamMember } = await import('./team');
  it('upper-cases initials and rejects bad colours and initials', () => {
    const ok = validateTeamMember({ name: 'Jürgen Krämer', initials: 'jk', color: '#2f6f9f', role: 'rep', email: '', active: true });
    expect(ok.ok && ok.value.initials).toBe('JK');
    const bad = validateTeamMember({ name: '', initials: 'J1', color: 'blue', role: 'rep', email: 'x', active: true });
    expect(bad.ok ? {} : bad.errors).toEqual({ name: 'required', initials: 'invalidInitials', color: 'invalidColor', email: 'invalidEmail' });
  });
});
