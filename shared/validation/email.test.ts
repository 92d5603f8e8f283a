import { describe, expect, it } from 'vitest';
import { buildRecords } from '../import/records';
import { validateAccount } from './account';
import { validateContact } from './contact';
import { emailKey, isEmail } from './email';
import { validateTeamMember } from './team';

const GOOD = [
  'jörg@bäckerei-weiß.de',
  'jörg.3@example.de',
  'Jörg.Weiß@Example.de',
  'müller+angebote@firma.de',
  'info@xn--bckerei-wei-ocb7j.de',
  'a.b-c_d@sub.domain.co.uk',
  "o'neill@example.ie",
  'иван@пример.рф',
  '用户@例子.中国',
];
const BAD = [
  'nope',
  'jörg.example.de',
  'jörg@@example.de',
  'jörg@bäcker@ei.de',
  'jörg weiß@example.de',
  'jörg@bäckerei weiß.de',
  '@example.de',
  'jörg@',
  'jörg@localhost',
  'jörg@example..de',
  'jörg@.example.de',
  'jörg@example.de.',
  'jörg@-bäckerei.de',
  'jörg@example.123',
  '.jörg@example.de',
  'jörg.@example.de',
  'jö..rg@example.de',
  '"jörg weiß"@example.de',
  'jörg@exa\u0000mple.de',
  'jörg@example.d',
];

describe('one e-mail check for form, import and team', () => {
  it.each(GOOD)('accepts %s', (address) => expect(isEmail(address)).toBe(true));
  it.each(BAD)('refuses %j', (address) => expect(isEmail(address)).toBe(false));

  it('the contact form, the account form, the team settings and the import agree on every address', () => {
    for (const address of [...GOOD, ...BAD]) {
      const expected = isEmail(address);
      const contact = validateContact({ salutation: 'none', title: '', firstName: '', lastName: 'Weiß', position: '', phone: '', mobile: '', email: address, preferredChannel: 'none', notes: '' });
      expect(contact.ok || contact.errors.email !== 'invalidEmail', address).toBe(expected);
      const account = validateAccount({ name: 'Bäckerei Weiß', customerNumber: '', kind: 'company', street: '', postalCode: '', city: '', country: 'DE', phone: '', email: address, website: '', category: 'C', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {}, churnReason: '', ownerId: 'u1', productLines: [], tags: [], notes: '' });
      expect(account.ok || account.errors.email !== 'invalidEmail', address).toBe(expected);
      const member = validateTeamMember({ name: 'Jörg', initials: 'JW', color: '#2f6f9f', role: 'rep', email: address, active: true });
      expect(member.ok || member.errors.email !== 'invalidEmail', address).toBe(expected);
      const built = buildRecords([['Bäckerei Weiß', 'Jörg', 'Weiß', address]], ['account.name', 'contact.firstName', 'contact.lastName', 'contact.email']);
      expect(built.records.length === 1, address).toBe(expected);
    }
  });

  it('keeps the address exactly as typed: no punycode, ß stays ß, the case stays', () => {
    const typed = 'Jörg.Weiß@Bäckerei-Weiß.de';
    const contact = validateContact({ salutation: 'none', title: '', firstName: 'Jörg', lastName: 'Weiß', position: '', phone: '', mobile: '', email: ` ${typed} `, preferredChannel: 'none', notes: '' });
    expect(contact.ok && contact.value.email).toBe(typed);
    const built = buildRecords([['Bäckerei Weiß', 'Jörg', 'Weiß', typed, typed]], ['account.name', 'contact.firstName', 'contact.lastName', 'contact.email', 'account.email']);
    expect(built.records[0]?.contact?.email).toBe(typed);
    expect(built.records[0]?.account.email).toBe(typed);
  });

  it('compares addresses without case and Unicode composition, for duplicate checks only', () => {
    expect(emailKey('Jörg@Bäckerei.de')).toBe(emailKey('jo\u0308rg@bäckerei.de'));
    expect(emailKey('weiß@x.de')).not.toBe(emailKey('weiss@x.de'));
  });
});
