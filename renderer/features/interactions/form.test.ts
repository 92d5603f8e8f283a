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
});
