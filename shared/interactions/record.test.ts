import { asIsoDate } from '../time';
import { describe, expect, it } from 'vitest';
import type { Account } from '../domain';
import { validateInteraction, type InteractionInput } from './input';
import { recordInteraction, touchAccount } from './record';

const NOW = Date.UTC(2026, 10, 20, 12);
const stamp = { id: 'i1', now: NOW };

function input(extra: Partial<InteractionInput> = {}): InteractionInput {
  return {
    accountId: 'a', type: 'visit', mode: 'human', at: '2026-11-20T09:00:00.000Z', userId: 'u1', contactIds: ['c1'],
    subject: ' Besuch ', summary: 'Heizungsserie vorgestellt ', nextStep: '', ...extra,
  };
}

describe('interaction rules', () => {
  it('refuses what no caller may store, one code per field', () => {
    expect(validateInteraction(input())).toEqual({});
    expect(validateInteraction(input({
      accountId: '', at: 'gestern', durationMin: 0, subject: ' ', summary: '', userId: '',
    }))).toEqual({ accountId: 'required', at: 'invalidDate', durationMin: 'invalidDuration', subject: 'required', userId: 'required' });
    expect(validateInteraction(input({ durationMin: 24 * 60 + 1 })).durationMin).toBe('invalidDuration');
    expect(validateInteraction(input({ followUpDate: asIsoDate('2026-11-19') })).followUpDate).toBe('beforeStart');
    expect(validateInteraction(input({ followUpDate: asIsoDate('2026-11-20') })).followUpDate).toBeUndefined();
    expect(validateInteraction(input({ type: 'fax' as never, mode: 'telepathy' as never })).type).toBe('invalid');
    for (const nps of [0, 10]) expect(validateInteraction(input({ npsScore: nps }))).toEqual({});
    for (const nps of [11, -1, 9.5, Number.NaN]) expect(validateInteraction(input({ npsScore: nps })).npsScore).toBe('invalid');
    // A planned appointment has no answer yet: it is dropped, like the outcome.
    const planned = recordInteraction(input({ npsScore: 9 }), 'planned', stamp);
    expect(planned.ok && planned.value.npsScore).toBe(undefined);
  });

  it('records a done entry with trimmed texts and no empty optionals', () => {
    const r = recordInteraction(input({ outcome: 'successful', followUpDate: asIsoDate('2026-12-01'), durationMin: undefined }), 'done', stamp);
    expect(r).toEqual({
      ok: true,
      value: {
        accountId: 'a', type: 'visit', mode: 'human', at: '2026-11-20T09:00:00.000Z', userId: 'u1', contactIds: ['c1'],
        subject: 'Besuch', summary: 'Heizungsserie vorgestellt', nextStep: '', followUpDate: asIsoDate('2026-12-01'),
        id: 'i1', createdAt: NOW, updatedAt: NOW, status: 'done', outcome: 'successful',
      },
    });
  });

  it('books a planned appointment without outcome or follow-up', () => {
    const r = recordInteraction(input({ outcome: 'failed', followUpDate: asIsoDate('2026-01-01') }), 'planned', stamp);
    expect(r.ok && r.value.status).toBe('planned');
    expect(r.ok && 'outcome' in r.value).toBe(false);
    expect(r.ok && 'followUpDate' in r.value).toBe(false);
  });

  it('gives every complaint its handling, stamped when entered as resolved', () => {
    const open = recordInteraction(input({ type: 'complaint' }), 'done', stamp);
    expect(open.ok && open.value.complaint).toEqual({ status: 'open', ownerId: 'u1', resolution: '' });
    const resolved = recordInteraction(input({ type: 'complaint', complaint: { status: 'resolved', ownerId: 'u2', resolution: ' ersetzt ' } }), 'done', stamp);
    expect(resolved.ok && resolved.value.complaint).toEqual({ status: 'resolved', ownerId: 'u2', resolution: 'ersetzt', resolvedAt: new Date(NOW).toISOString() });
    const visit = recordInteraction(input({ complaint: { status: 'open', ownerId: 'u2', resolution: '' } }), 'done', stamp);
    expect(visit.ok && 'complaint' in visit.value).toBe(false);
  });

  it('refuses an invalid entry without building a row', () => {
    expect(recordInteraction(input({ subject: '', summary: '' }), 'done', stamp)).toEqual({ ok: false, errors: { subject: 'required' } });
  });
});

describe('touchAccount', () => {
  const account = { id: 'a', lastHumanContactAt: '2026-10-01T09:00:00.000Z' } as Account;
  const row = (extra: Partial<InteractionInput> = {}) => {
    const r = recordInteraction(input(extra), 'done', stamp);
    if (!r.ok) throw new Error('invalid');
    return r.value;
  };

  it('moves the matching last contact forward, never back', () => {
    expect(touchAccount(account, row(), NOW)).toEqual({ lastHumanContactAt: '2026-11-20T09:00:00.000Z', updatedAt: NOW });
    expect(touchAccount(account, row({ at: '2026-01-05T09:00:00.000Z' }), NOW)).toBeUndefined();
    expect(touchAccount(account, row({ type: 'email', mode: 'digital' }), NOW)).toEqual({ lastDigitalContactAt: '2026-11-20T09:00:00.000Z', updatedAt: NOW });
  });

  it('ignores planned, trashed entries and missing accounts', () => {
    const planned = recordInteraction(input(), 'planned', stamp);
    expect(planned.ok && touchAccount(account, planned.value, NOW)).toBeUndefined();
    expect(touchAccount(account, { ...row(), deletedAt: 1 }, NOW)).toBeUndefined();
    expect(touchAccount(undefined, row(), NOW)).toBeUndefined();
  });
});
