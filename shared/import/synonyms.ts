import { foldForSearch } from '../text/normalize';
import type { TargetField } from './fields';

/**
 * Header synonyms per target, German and English, including the headers of Outlook's CSV export
 * (German and English Outlook) and Google Contacts' CSV export in its current form ("First Name",
 * "Organization Name", "E-mail 1 - Label") and its older "Google CSV" form ("Given Name",
 * "Organization 1 - Name", "E-mail 1 - Type"). Compared after `headerKey` folding.
 * `*.phone`/`*.email` generic words go to the contact when the file has person columns (see mapping.ts).
 */
export const SYNONYMS: Record<TargetField, readonly string[]> = {
  'account.name': ['Firma', 'Firmenname', 'Unternehmen', 'Kunde', 'Kundenname', 'Name der Firma', 'Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Organization 1 - Name', 'Account', 'Account Name'],
  'account.customerNumber': ['Kundennummer', 'Kunden-Nr.', 'Kundennr', 'Kd.-Nr.', 'Kd-Nr', 'Debitor', 'Debitorennummer', 'Debitoren-Nr.', 'Externe ID', 'External ID', 'Customer Number', 'Customer No', 'Customer ID', 'Account Number', 'Kontonummer'],
  'account.kind': ['Art', 'Kundenart', 'Firma/Privat', 'Kind', 'Account Kind', 'Customer Kind'],
  'account.street': ['Straße', 'Strasse', 'Str.', 'Anschrift', 'Adresse', 'Straße geschäftlich', 'Street', 'Address', 'Business Street', 'Address 1 - Street'],
  'account.postalCode': ['PLZ', 'Postleitzahl', 'Postleitzahl geschäftlich', 'Postal Code', 'Zip', 'ZIP Code', 'Postcode', 'Business Postal Code', 'Address 1 - Postal Code'],
  'account.city': ['Ort', 'Stadt', 'Ort geschäftlich', 'City', 'Town', 'Business City', 'Address 1 - City'],
  'account.country': ['Land', 'Staat', 'Land/Region geschäftlich', 'Country', 'Country/Region', 'Business Country/Region', 'Address 1 - Country'],
  'account.phone': ['Telefon', 'Tel.', 'Telefonnummer', 'Phone', 'Telephone', 'Telefon Firma', 'Firmentelefon', 'Zentrale', 'Company Main Phone', 'Main Phone'],
  'account.email': ['E-Mail', 'Email', 'Mail', 'E-Mail Firma', 'Company E-mail'],
  'account.website': ['Webseite', 'Website', 'Homepage', 'Internet', 'Web Page', 'Web', 'URL', 'Website 1 - Value'],
  'account.category': ['Kategorie', 'Klasse', 'ABC', 'ABC-Klasse', 'Category', 'Class', 'Segment'],
  'account.accountType': ['Kundentyp', 'Typ', 'Account-Typ', 'Accounttyp', 'Erweitern/Beibehalten', 'Account Type', 'Customer Type', 'Type', 'Expand/Maintain'],
  'account.lifecycle': ['Status', 'Kundenstatus', 'Lebenszyklus', 'Phase', 'Lifecycle', 'Lifecycle Stage', 'Stage', 'Customer Status'],
  'account.churnReason': ['Kündigungsgrund', 'Verlustgrund', 'Grund für Verlust', 'Churn Reason', 'Reason Lost', 'Lost Reason'],
  'account.owner': ['Betreuer', 'Kundenbetreuer', 'Betreuer/in', 'Verantwortlich', 'Zuständig', 'Außendienst', 'Vertriebsmitarbeiter', 'Owner', 'Account Owner', 'Account Manager', 'Sales Rep', 'Rep'],
  'account.leadSource': ['Herkunft', 'Lead-Quelle', 'Leadquelle', 'Quelle', 'Kampagne', 'Lead Source', 'Source', 'Campaign'],
  'account.productLines': ['Produktlinien', 'Produktlinie', 'Produkte', 'Produktgruppen', 'Sparten', 'Product Lines', 'Product Line', 'Products'],
  'account.tags': ['Tags', 'Schlagwörter', 'Stichwörter', 'Kategorien', 'Categories', 'Labels', 'Group Membership', 'Gruppen'],
  'account.notes': ['Bemerkung', 'Bemerkungen', 'Notiz', 'Notizen', 'Anmerkungen', 'Notes', 'Note', 'Comments'],
  'account.annualRevenue': ['Umsatz', 'Jahresumsatz', 'Umsatz p.a.', 'Revenue', 'Annual Revenue', 'Turnover'],
  'contact.salutation': ['Anrede', 'Salutation', 'Title', 'Name Prefix', 'Prefix'],
  'contact.title': ['Titel', 'Akad. Titel', 'Akademischer Titel', 'Academic Title'],
  'contact.firstName': ['Vorname', 'First Name', 'Given Name', 'Firstname', 'Forename'],
  'contact.lastName': ['Nachname', 'Familienname', 'Name', 'Last Name', 'Family Name', 'Surname', 'Lastname'],
  'contact.position': ['Position', 'Funktion', 'Berufsbezeichnung', 'Job Title', 'Organization Title', 'Organization 1 - Title', 'Role'],
  'contact.phone': ['Telefon', 'Tel.', 'Telefonnummer', 'Telefon geschäftlich', 'Telefon (geschäftlich)', 'Phone', 'Telephone', 'Business Phone', 'Phone 1 - Value'],
  'contact.phoneLabel': ['Bezeichnung Telefon', 'Telefon Bezeichnung', 'Phone Label'],
  'contact.mobile': ['Mobil', 'Mobiltelefon', 'Handy', 'Mobilnummer', 'Mobile', 'Mobile Phone', 'Cell', 'Cell Phone'],
  'contact.mobileLabel': ['Bezeichnung Mobil', 'Mobil Bezeichnung', 'Mobile Label'],
  'contact.email': ['E-Mail', 'Email', 'E-Mail-Adresse', 'E-Mail Adresse', 'Mail', 'E-mail Address', 'Email Address', 'E-mail 1 - Value'],
  'contact.emailLabel': ['Bezeichnung E-Mail', 'E-Mail Bezeichnung', 'E-mail Label'],
  'contact.birthday': ['Geburtstag', 'Geburtsdatum', 'Birthday', 'Date of Birth', 'Birth Date'],
  'contact.notes': ['Notizen', 'Notes', 'Note', 'Bemerkung', 'Bemerkungen', 'Notizen Person', 'Contact Notes'],
};

/** Folds a header for comparison: case, umlauts/ß, accents, punctuation and spacing do not matter. */
export function headerKey(header: string): string {
  return foldForSearch(header).replace(/[^a-z0-9]+/g, '');
}

/** Words too general to decide alone; they are mapped after the specific headers (see mapping.ts). */
export const GENERIC_KEYS: ReadonlySet<string> = new Set(
  ['Name', 'Telefon', 'Tel.', 'Telefonnummer', 'Phone', 'Telephone', 'E-Mail', 'Email', 'Mail', 'Notizen', 'Notes', 'Note', 'Bemerkung', 'Bemerkungen'].map(headerKey),
);
