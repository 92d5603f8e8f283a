import { describe, expect, it } from 'vitest';
import { emptyForm, toInput, validate } from './form';

const NOW = new Date(2026, 10, 20, 12, 0);

describe('log form validation', () => {
  it('accepts a quick note and shows the interaction rules at the fields that were typed', () => {
    const ok = { ...emptyForm(NOW, 'u1', 'a'), summary: 'Kurz angerufen' };
    expect(validate(ok, NOW)).toEqual({});
    expect(validate({ ...ok, accountId: '', userId: '', summary: '', duration: 'abc', followUpDate: '2026-11-19' }, NOW)).toEqual({
      accountId: 'error.account', userId: 'error.user', subject: 'error.subject', duration: 'error.duration', followUpDate: 'error.followUp',
    });
  });

  it('knows what only the form knows: the typed day and that an appointment lies ahead', () => {
    const note = { ...emptyForm(NOW, 'u1', 'a'), summary: 'x' };
    expect(validate({ ...note, date: '20.11.2026' }, NOW)).toEqual({ date: 'error.date' });
    expect(validate({ ...note, planned: true }, NOW)).toEqual({ date: 'error.plannedInPast' });
    expect(validate(emptyForm(NOW, 'u1', 'a', true), NOW)).toEqual({ subject: 'error.subject' });
  });

  it('does not refuse a planned appointment for a follow-up day it does not save', () => {
    const plan = { ...emptyForm(NOW, 'u1', 'a', true), subject: 'Termin', followUpDate: '2026-01-01' };
    expect(validate(plan, NOW)).toEqual({});
    expect(toInput(plan).followUpDate).toBeUndefined();
  });

  it('records the NPS answer as typed, 0 included, and refuses what is not 0–10', () => {
    const note = { ...emptyForm(NOW, 'u1', 'a'), summary: 'Zufriedenheit abgefragt' };
    expect(toInput(note).npsScore).toBeUndefined();
    expect(toInput({ ...note, nps: ' 9 ' }).npsScore).toBe(9);
    expect(toInput({ ...note, nps: '0' }).npsScore).toBe(0);
    for (const bad of ['11', 'zehn', '9,5', '-1']) expect(validate({ ...note, nps: bad }, NOW)).toEqual({ nps: 'error.nps' });
    // A draft saved before the field existed has no `nps`; an appointment cannot have an answer yet.
    const { nps: _nps, ...oldDraft } = note;
    expect(validate(oldDraft, NOW)).toEqual({});
    expect(toInput({ ...emptyForm(NOW, 'u1', 'a', true), subject: 'T', nps: '8' }).npsScore).toBeUndefined();
  });
});
