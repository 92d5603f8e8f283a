import type { NamedPlace } from './same-customer';

/** One pair of accounts and whether they look like the same customer. */
export type SameCustomerCase = { why: string; entered: Required<NamedPlace>; stored: Required<NamedPlace>; same: boolean };

/**
 * The cases both callers of the rule (the account form's warning, the import's matching) are tested
 * with, so they cannot drift apart again. Every name core has at least three letters (the form's threshold).
 */
export const SAME_CUSTOMER_CASES: readonly SameCustomerCase[] = [
  { why: 'another legal form: the same firm re-registered', entered: { name: 'Müller KG', postalCode: '80331' }, stored: { name: 'Müller GmbH', postalCode: '80331' }, same: true },
  { why: 'umlaut written out', entered: { name: 'Mueller GmbH', postalCode: '80331' }, stored: { name: 'Müller GmbH', postalCode: '80331' }, same: true },
  { why: 'umlaut dropped (keyboard without umlauts)', entered: { name: 'Muller GmbH', postalCode: '80331' }, stored: { name: 'Müller GmbH', postalCode: '80331' }, same: true },
  { why: 'ß as ss, legal form with dots', entered: { name: 'Bäckerei Weiss e.K.', postalCode: '01067' }, stored: { name: 'Baeckerei Weiß', postalCode: '01067' }, same: true },
  { why: 'case, spaces and punctuation', entered: { name: '  MÜLLER   Haus-Technik GmbH ', postalCode: '70 173' }, stored: { name: 'Müller Haustechnik GmbH', postalCode: '70173' }, same: true },
  { why: 'GmbH & Co. KG is a legal form too', entered: { name: 'Schmidt Bau GmbH & Co. KG', postalCode: '10115' }, stored: { name: 'Schmidt Bau AG', postalCode: '10115' }, same: true },
  { why: 'a longer name is another firm', entered: { name: 'Müller GmbH', postalCode: '80331' }, stored: { name: 'Mueller Haustechnik GmbH & Co. KG', postalCode: '80331' }, same: false },
  { why: 'same name in another town', entered: { name: 'Müller GmbH', postalCode: '70173' }, stored: { name: 'Müller GmbH', postalCode: '80331' }, same: false },
  { why: 'Cyrillic names compare too', entered: { name: 'Иванов ООО', postalCode: '80331' }, stored: { name: 'иванов  ООО', postalCode: '80331' }, same: true },
];
