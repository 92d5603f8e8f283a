import { describe, expect, it } from 'vitest';
import type { Interaction } from '../domain';
import { cancelAppointment, completeAppointment, moveAppointment } from './appointments';
import { updateComplaint } from './complaint';
import { recordInteraction } from './record';
import type { InteractionInput } from './input';

const NOW = Date.UTC(2026, 11, 5, 12);

function planned(extra: Partial<InteractionInput> = {}, status: 'planned' | 'done' = 'planned'): Interaction {
  const r = recordInteraction({
    accountId: 'a', type: 'visit', mode: 'human', at: '2026-12-03T09:00:00.000Z', userId: 'u1', contactIds: [],
    subject: 'Termin', summary: '', nextStep: '', ...extra,
  }, status, { id: 'p1', now: 1 });
  if (!r.ok) throw new Error('invalid fixture');
  return r.value;
}

describe('appointments', () => {
  it('completes only planned appointments, with what happened', () => {
    const done = completeAppointment(planned(), { outcome: 'successful', summary: 'Vertrag besprochen', nextStep: 'Muster liefern', followUpDate: undefined }, NOW);
    expect(done).toMatchObject({ ok: true, value: { status: 'done', outcome: 'successful', nextStep: 'Muster liefern', updatedAt: NOW, at: '2026-12-03T09:00:00.000Z' } });
    expect(done.ok && 'followUpDate' in done.value).toBe(false);
    expect(completeAppointment(planned({}, 'done'), {}, NOW)).toEqual({ ok: false, errors: { status: 'notPlanned' } });
    expect(completeAppointment(planned(), { subject: '', summary: '' }, NOW)).toEqual({ ok: false, errors: { subject: 'required' } });
  });

  it('keeps a complaint\'s handling on completion, and drops it when the entry stops being one', () => {
    const complaint = planned({ type: 'complaint', complaint: { status: 'open', ownerId: 'u2', resolution: '' } });
    const kept = completeAppointment(complaint, { summary: 'besprochen' }, NOW);
    expect(kept.ok && kept.value.complaint).toEqual({ status: 'open', ownerId: 'u2', resolution: '' });
    const given = completeAppointment(complaint, { complaint: { status: 'in_progress', ownerId: 'u3', resolution: 'läuft' } }, NOW);
    expect(given.ok && given.value.complaint).toEqual({ status: 'in_progress', ownerId: 'u3', resolution: 'läuft' });
    const visit = completeAppointment(complaint, { type: 'visit' }, NOW);
    expect(visit.ok && 'complaint' in visit.value).toBe(false);
  });

  it('moves keeping the earlier starts, and cancels, only while planned', () => {
    const p = planned();
    expect(moveAppointment(p, '2026-12-04T10:00:00.000Z', NOW)).toEqual({
      ok: true, value: { at: '2026-12-04T10:00:00.000Z', movedFrom: ['2026-12-03T09:00:00.000Z'], updatedAt: NOW },
    });
    expect(moveAppointment({ ...p, movedFrom: ['2026-12-01T09:00:00.000Z'] }, '2026-12-04T10:00:00.000Z', NOW)).toMatchObject({
      value: { movedFrom: ['2026-12-01T09:00:00.000Z', '2026-12-03T09:00:00.000Z'] },
    });
    expect(moveAppointment(p, p.at, NOW)).toEqual({ ok: true, value: undefined });
    expect(moveAppointment(p, 'bald', NOW)).toEqual({ ok: false, errors: { at: 'invalidDate' } });
    expect(cancelAppointment(p, NOW)).toEqual({ ok: true, value: { status: 'cancelled', updatedAt: NOW } });
    const done = planned({}, 'done');
    expect(moveAppointment(done, '2026-12-04T10:00:00.000Z', NOW).ok).toBe(false);
    expect(cancelAppointment(done, NOW).ok).toBe(false);
  });
});

describe('complaint handling', () => {
  it('stamps resolvedAt when resolved and clears it when reopened', () => {
    const c = planned({ type: 'complaint' }, 'done');
    const resolved = updateComplaint(c, { status: 'resolved', resolution: 'Ersatz geliefert' }, NOW);
    expect(resolved.ok && resolved.value.complaint).toEqual({ status: 'resolved', ownerId: 'u1', resolution: 'Ersatz geliefert', resolvedAt: new Date(NOW).toISOString() });
    if (!resolved.ok) return;
    const again = updateComplaint(resolved.value, { resolution: 'Ersatz geliefert und montiert' }, NOW + 1);
    expect(again.ok && again.value.complaint?.resolvedAt).toBe(new Date(NOW).toISOString());
    const reopened = updateComplaint(resolved.value, { status: 'open' }, NOW);
    expect(reopened.ok && 'resolvedAt' in (reopened.value.complaint ?? {})).toBe(false);
  });

  it('refuses anything but a complaint, and treats a stored complaint without handling as open', () => {
    expect(updateComplaint(planned({}, 'done'), { status: 'resolved' }, NOW)).toEqual({ ok: false, errors: { type: 'notComplaint' } });
    const legacy = { ...planned({ type: 'complaint' }, 'done'), complaint: undefined } as unknown as Interaction;
    const r = updateComplaint(legacy, { ownerId: 'u2' }, NOW);
    expect(r.ok && r.value.complaint).toEqual({ status: 'open', ownerId: 'u2', resolution: '' });
  });
});
