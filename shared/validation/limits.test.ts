import { describe, expect, it } from 'vitest';
import type { InteractionInput } from '../interactions';
import { parseCsvText } from '../import/csv';
import { buildRecords, suggestMapping } from '../import/mapping';
import { hasDirectionControls, stripDirectionControls } from '../text/bidi';
import { validateAccount, type AccountInput } from './account';
import { validateContact } from './contact';
import { TEXT_MAX } from './limits';

const RLO = '\u202E';
const account: AccountInput = {
  name: 'Bäckerei Weiß', customerNumber: 'K-7', kind: 'company', street: 'Schloßstraße 5', postalCode: '80331', city: 'München',
  country: 'DE', phone: '', email: '', website: '', category: 'B', accountType: 'maintain', lifecycle: 'customer', lifecycleDates: {},
  churnReason: '', ownerId: 'u1', productLines: [], tags: [], notes: '',
};

describe('one length limit per field, wherever the text comes from', () => {
  it('takes a long note up to the limit in the form and refuses one character more', () => {
    expect(validateAccount({ ...account, notes: 'x'.repeat(TEXT_MAX.long) }).ok).toBe(true);
    const r = validateAccount({ ...account, notes: 'x'.repeat(TEXT_MAX.long + 1) });
    expect(r.ok ? {} : r.errors).toEqual({ notes: 'tooLong' });
  });

  it('refuses the same over-long note in an import row, naming row, column and length', () => {
    const csv = `Firma;PLZ;Ort;Notizen\nBäckerei Weiß;80331;München;${'x'.repeat(TEXT_MAX.long + 1)}\nMüller KG;80331;München;kurz\n`;
    const sheet = parseCsvText(csv);
    const { records, errors } = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers });
    expect(records.map((r) => r.account.name)).toEqual(['Müller KG']);
    expect(errors).toEqual([expect.objectContaining({ row: 2, field: 'account.notes', code: 'text.too_long', params: expect.objectContaining({ max: TEXT_MAX.long, length: TEXT_MAX.long + 1 }) })]);
  });
});

describe('direction controls', () => {
  it('are removed from typed text, so a street cannot reverse what is shown after it', () => {
    const r = validateAccount({ ...account, street: `Schloßstraße ${RLO}5`, name: `${RLO}Bäckerei Weiß`, tags: [`Messe${RLO}`] });
    expect(r.ok && [r.value.street, r.value.name, r.value.tags]).toEqual(['Schloßstraße 5', 'Bäckerei Weiß', ['Messe']]);
    const c = validateContact({ salutation: 'mr', title: '', firstName: 'Jörg', lastName: `Weiß\u2066`, position: '', phone: '', mobile: '', email: '', preferredChannel: 'phone', notes: '' });
    expect(c.ok && c.value.lastName).toBe('Weiß');
  });

  it('are removed from imported cells', () => {
    const sheet = parseCsvText(`Firma;Straße;PLZ;Ort\nBauer KG;Hauptstr. 1${RLO};80331;München\n`);
    const { records } = buildRecords(sheet.rows, suggestMapping(sheet.headers), { rowNumbers: sheet.rowNumbers });
    expect(records[0]?.account.street).toBe('Hauptstr. 1');
  });

  it('keeps the implicit marks and every other character', () => {
    const text = `a\u200Eb\u200Fc ÄÖÜß שלום`;
    expect(stripDirectionControls(text)).toBe(text);
    expect(hasDirectionControls(`x${RLO}`)).toBe(true);
    expect(hasDirectionControls(`x${RLO}`)).toBe(true);
    expect(hasDirectionControls(text)).toBe(false);
  });
});

describe('the same limit for a visit report', () => {
  it('refuses a 1 MB summary like a 1 MB account note, and takes one at the limit', async () => {
    const { validateInteraction } = await import('../interactions');
    const base: InteractionInput = { accountId: 'a1', type: 'visit', mode: 'human', at: '2026-12-07T09:00:00.000Z', userId: 'u1', contactIds: [], subject: 'Besuch', summary: '', nextStep: '' };
    expect(validateInteraction({ ...base, summary: 'x'.repeat(TEXT_MAX.long) })).toEqual({});
    expect(validateInteraction({ ...base, summary: 'x'.repeat(1_000_000) })).toEqual({ summary: 'tooLong' });
    expect(validateAccount({ ...account, notes: 'x'.repeat(1_000_000) }).ok).toBe(false);
  });
});
