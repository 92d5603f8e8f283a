import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../time';
import { npsEntryInput, parseNpsScore } from './nps-entry';
import { validateInteraction } from './input';

const ctx = {
  accountId: 'a1', userId: 'u1', today: asIsoDate('2026-12-07'),
  subject: (score: number) => `NPS-Antwort: ${score}`, at: (day: string) => `${day}T11:00:00.000Z`,
};
const values = { contactId: 'c1', score: '9', day: '2026-12-01', comment: ' Schneller Service ' };

describe('an NPS answer entered by hand', () => {
  it('takes a whole number from 0 to 10, as typed by people', () => {
    expect(['0', '10', ' 7 ', '07'].map(parseNpsScore)).toEqual([0, 10, 7, 7]);
    expect(['11', '100', '-1'].map(parseNpsScore)).toEqual(['outOfRange', 'outOfRange', 'outOfRange']);
    expect(['9,5', '9.5', ',5'].map(parseNpsScore)).toEqual(['notWhole', 'notWhole', 'notWhole']);
    expect(['zehn', '9 Punkte', '1e1', '½'].map(parseNpsScore)).toEqual(['notDigits', 'notDigits', 'notDigits', 'notDigits']);
    expect(parseNpsScore('  ')).toBe('required');
  });

  it('becomes a done, digital note on the account that the write path accepts', () => {
    const r = npsEntryInput(values, ctx);
    expect(r).toEqual({
      ok: true,
      value: {
        accountId: 'a1', type: 'note', mode: 'digital', at: '2026-12-01T11:00:00.000Z', userId: 'u1', contactIds: ['c1'],
        subject: 'NPS-Antwort: 9', summary: 'Schneller Service', nextStep: '', npsScore: 9,
      },
    });
    if (r.ok) expect(validateInteraction(r.value)).toEqual({});
    // No comment is fine: the subject carries the score.
    expect(npsEntryInput({ ...values, comment: '' }, ctx).ok).toBe(true);
  });

  it('names every field that is wrong: no contact, a bad score, no day or a day after today, a too long comment', () => {
    const r = npsEntryInput({ contactId: '', score: 'zehn', day: '', comment: 'x'.repeat(20_001) }, ctx);
    expect(r).toEqual({ ok: false, errors: { contactId: 'required', score: 'notDigits', day: 'required', comment: 'tooLong' } });
    expect(npsEntryInput({ ...values, day: '2026-12-08' }, ctx)).toEqual({ ok: false, errors: { day: 'future' } });
    expect(npsEntryInput({ ...values, day: '2026-12-07', score: '11' }, ctx)).toEqual({ ok: false, errors: { score: 'outOfRange' } });
  });
});
