import { describe, expect, it } from 'vitest';
import { customerKey, looksLikeSameCustomer, mayBeExistingCustomer, nameCore } from './same-customer';
import { SAME_CUSTOMER_CASES } from './same-customer.test-support';

describe('looks like the same customer', () => {
  it.each(SAME_CUSTOMER_CASES)('$why', ({ entered, stored, same }) => {
    expect(looksLikeSameCustomer(entered, stored)).toBe(same);
    expect(looksLikeSameCustomer(stored, entered)).toBe(same);
    expect(mayBeExistingCustomer(entered, stored)).toBe(same);
  });

  it('takes legal forms, umlaut spellings, ß, case and spacing out of the name', () => {
    expect(nameCore('Müller GmbH')).toBe(nameCore('MUELLER kg'));
    expect(nameCore('Straßenbau Weiß OHG')).toBe(nameCore('Strassenbau Weiss'));
    expect(nameCore('  A.  B.  C. Handel UG ')).toBe('abchandel');
  });

  it('uses the search fold: what the search finds as one name, the rule compares as one', () => {
    for (const name of ['Muller GmbH', 'Mueller GmbH', 'MÜLLER gmbh']) expect(nameCore(name)).toBe(nameCore('Müller GmbH'));
    expect(nameCore('Kölner Hauptstr. Bäckerei')).toBe(nameCore('Koelner Hauptstraße Baeckerei'));
    // An e ending a word is not an umlaut's: "Joe" is not "Jo".
    expect(nameCore('Joe Bau GmbH')).not.toBe(nameCore('Jo Bau GmbH'));
  });

  it('compares nothing when the name has nothing left', () => {
    expect(customerKey({ name: 'GmbH', postalCode: '80331' })).toBeUndefined();
    expect(looksLikeSameCustomer({ name: 'GmbH', postalCode: '80331' }, { name: 'AG', postalCode: '80331' })).toBe(false);
  });

  it('in the form: waits for three letters, and a postal code not typed yet matches any', () => {
    expect(mayBeExistingCustomer({ name: 'Mü', postalCode: '' }, { name: 'Mü GmbH', postalCode: '80331' })).toBe(false);
    expect(mayBeExistingCustomer({ name: 'Mueller', postalCode: '' }, { name: 'Müller KG', postalCode: '80331' })).toBe(true);
    expect(mayBeExistingCustomer({ name: 'Mueller', postalCode: '70173' }, { name: 'Müller KG', postalCode: '80331' })).toBe(false);
  });
});
