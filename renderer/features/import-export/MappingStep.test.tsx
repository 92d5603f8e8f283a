// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, i18next } from '../../i18n';
import { formatters } from '../../i18n/format';
import { MappingStep } from './MappingStep';
import { readSource } from './pipeline';
import { columnSamples } from './samples';
import { useImportWizard } from './wizard';

// As Apple Contacts (macOS) exports: 3.0, CRLF, item groups with X-ABLabel (a free one and Apple's own
// `_$!<…>!$_`), a line folded in the middle of a word, a yearless birthday, a base64 PHOTO to skip.
const APPLE = [
  'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Apple Inc.//macOS 14.5//EN', 'N:Weiß;Greta;;Dr.;', 'FN:Dr. Greta Weiß', 'ORG:Bäckerei Weiß & Sö',
  ' hne;', 'item1.TEL;type=pref:0351 987650', 'item1.X-ABLabel:Zentrale', 'item2.TEL:+49 171 2223334', 'item2.X-ABLabel:_$!<Mobile>!$_',
  'BDAY:1975-08-09', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD/4QBMRXhpZgAATU0AKgAAAAgAAYdpAAQAAAABAAAAGgAAAAAA',
  ' A6ABAAMAAAABAAEAAKACAAQAAAABAAAAoKADAAQAAAABAAAAoAAAAAD/7QA4UGhvdG9zaG9w', 'END:VCARD',
  'BEGIN:VCARD', 'VERSION:3.0', 'N:Bäcker;Jörg;;;', 'FN:Jörg Bäcker', 'ORG:Bäckerei Weiß & Söhne;', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29', 'END:VCARD', '',
].join('\r\n');

beforeAll(async () => {
  await initI18n('de');
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('de');
});

async function show(text: string) {
  const source = await readSource({ name: 'kontakte.vcf', data: new TextEncoder().encode(text) });
  useImportWizard.setState({ step: 'mapping', source, mapping: source.mapping, slashOrder: undefined });
  render(<MappingStep />);
  return screen.getByRole('table');
}

const row = (table: HTMLElement, header: string) => within(table).getByRole('rowheader', { name: header }).closest('tr') as HTMLElement;

describe('mapping step for a vCard', () => {
  it('names columns by their field and shows values as the app will (German)', async () => {
    const table = await show(APPLE);
    expect(within(table).queryByText(/account\.|contact\./)).toBeNull();
    expect(row(table, 'Firma').textContent).toContain('Bäckerei Weiß & Söhne');
    expect(within(row(table, 'Geburtstag')).getByText('09.08.1975 · 29.02.')).toBeTruthy();
    expect(row(table, 'Bezeichnung Telefon').textContent).toContain('Zentrale');
    expect(row(table, 'Telefon (Person)').textContent).toContain('0351 987650');
  });

  it('in English too', async () => {
    await i18next.changeLanguage('en');
    const table = await show(APPLE);
    expect(within(row(table, 'Birthday')).getByText('09/08/1975 · 29/02')).toBeTruthy();
    expect(row(table, 'Company').textContent).toContain('Bäckerei Weiß & Söhne');
  });
});

describe('columnSamples', () => {
  const de = formatters('de');
  it('shows money as read in the column style, and what it cannot read as written', () => {
    expect(columnSamples([['1.234,56 €'], ['12.000'], ['zwölf']], 0, 'account.annualRevenue', de, { numberStyle: 'comma' })).toEqual(['1.234,56\u00a0€', '12.000,00\u00a0€', 'zwölf']);
  });

  it('reads slashed birthdays in the column order, and leaves an undecidable column as written', () => {
    expect(columnSamples([['11/22/1985'], ['03/04/1990']], 0, 'contact.birthday', de)).toEqual(['22.11.1985', '04.03.1990']);
    expect(columnSamples([['03/04/1990']], 0, 'contact.birthday', de)).toEqual(['03/04/1990']);
    expect(columnSamples([['03/04/1990']], 0, 'contact.birthday', de, { slashOrder: 'dmy' })).toEqual(['03.04.1990']);
  });
});
