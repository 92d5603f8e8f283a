import { describe, expect, it } from 'vitest';
import { parseVcardText, vcardsToSheet } from '../../../shared/import/vcard';
import { previewCounts } from './preview-counts';

const card = (name: string, end = true) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nN:${name};;;;\r\n${end ? 'END:VCARD\r\n' : ''}`;

describe('previewCounts', () => {
  it('counts a row with several issues once', () => {
    const issues = [{ row: 3, code: 'email.invalid' }, { row: 3, code: 'birthday.invalid' }];
    expect(previewCounts([2, 3, 4], issues)).toEqual({ rows: 3, valid: 2, invalid: 1, unlisted: [] });
  });

  it('agrees with the ✓ marks when a card could not be read into the table', () => {
    const damaged = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kaputt\r\nthis line has no colon\r\nEND:VCARD\r\n';
    const { cards, errors } = parseVcardText(card('Anna Becker') + damaged);
    const sheet = vcardsToSheet(cards);
    expect(sheet.rowNumbers).toEqual([1]);
    expect(errors.map((e) => [e.row, e.code])).toEqual([[2, 'vcard.malformed']]);
    // The table shows card 1 with a ✓; the summary must say 1 of 2 valid, not "0 of 1".
    expect(previewCounts(sheet.rowNumbers, errors)).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
  });

  it('counts a cut-off last card as a bad row listed below the table', () => {
    const { cards, errors } = parseVcardText(card('Anna Becker') + card('Jörg Weiß', false));
    expect(cards).toHaveLength(1);
    expect(errors).toEqual([{ row: 2, code: 'vcard.cut_off', params: { name: 'Jörg Weiß' } }]);
    const counts = previewCounts(vcardsToSheet(cards).rowNumbers, errors);
    expect(counts).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
    expect(counts.unlisted.map((e) => e.code)).toEqual(['vcard.cut_off']);
  });
});
