import { asIsoDate } from '../time';
import { describe, expect, it } from 'vitest';
import { applyStage, editedDeal, effectiveProbability, movedDeal, newDeal, type DealInput } from './deal';

const T0 = new Date('2026-11-01T10:00:00.000Z');
const T1 = new Date('2026-11-10T10:00:00.000Z');
const T2 = new Date('2026-11-20T10:00:00.000Z');

const input = (extra: Partial<DealInput> = {}): DealInput => ({
  accountId: 'a', title: ' Wartungsvertrag ', value: -5, probability: 140, stage: 'lead', ownerId: 'u1', lostReason: '', expectedClose: undefined, ...extra,
});

describe('deal rules', () => {
  it('stamps the offer once and the close on won/lost, keeping an earlier close on the same stage', () => {
    expect(applyStage({}, 'qualified', 'now')).toEqual({ stage: 'qualified' });
    expect(applyStage({}, 'negotiation', 'now')).toEqual({ stage: 'negotiation', offerSentAt: 'now' });
    expect(applyStage({ offerSentAt: 'then' }, 'won', 'now')).toEqual({ stage: 'won', closedAt: 'now', probability: 100 });
    expect(applyStage({}, 'lost', 'now')).toEqual({ stage: 'lost', closedAt: 'now', probability: 0 });
    expect(applyStage({ stage: 'won', closedAt: 'then', offerSentAt: 'then' }, 'won', 'now')).toEqual({ stage: 'won', closedAt: 'then', probability: 100 });
  });

  it('creates a cleaned deal stamped for its first stage', () => {
    expect(newDeal(input({ stage: 'offer_sent' }), 'd1', T0)).toEqual({
      accountId: 'a', title: 'Wartungsvertrag', value: 0, probability: 100, stage: 'offer_sent', ownerId: 'u1', lostReason: '',
      id: 'd1', updatedAt: T0.getTime(), createdAt: T0.toISOString(), offerSentAt: T0.toISOString(),
    });
  });

  it('edits: stamps a changed stage, keeps the close of a still-closed deal, clears it when reopened', () => {
    const won = editedDeal(newDeal(input(), 'd1', T0), input({ stage: 'won', expectedClose: asIsoDate('2026-12-01') }), T1);
    expect(won).toMatchObject({ stage: 'won', closedAt: T1.toISOString(), offerSentAt: T1.toISOString(), expectedClose: asIsoDate('2026-12-01') });
    const retitled = editedDeal(won, input({ stage: 'won', title: 'Neu' }), T2);
    expect(retitled).toMatchObject({ title: 'Neu', closedAt: T1.toISOString(), updatedAt: T2.getTime() });
    expect('expectedClose' in retitled).toBe(false);
    const reopened = editedDeal(won, input({ stage: 'negotiation' }), T2);
    expect('closedAt' in reopened).toBe(false);
    expect(reopened.offerSentAt).toBe(T1.toISOString());
  });

  it('moves to another stage, or says there is nothing to do', () => {
    const lead = newDeal(input(), 'd1', T0);
    expect(movedDeal(lead, 'lead', T1)).toBeUndefined();
    const lost = movedDeal(lead, 'lost', T1);
    expect(lost).toMatchObject({ stage: 'lost', closedAt: T1.toISOString(), updatedAt: T1.getTime() });
    expect(lost?.offerSentAt).toBeUndefined();
    const back = lost && movedDeal(lost, 'qualified', T2);
    expect(back && 'closedAt' in back).toBe(false);
  });

  it('settles the probability of a closed deal: won 100 %, lost 0 %, on every path', () => {
    const qualified = newDeal(input({ stage: 'qualified', probability: 25 }), 'd1', T0);
    expect(qualified.probability).toBe(25);
    // The board: dragged to won / lost.
    expect(movedDeal(qualified, 'won', T1)?.probability).toBe(100);
    expect(movedDeal(qualified, 'lost', T1)?.probability).toBe(0);
    // The dialog: stage changed but the old estimate left in the field, or typed over on a won deal.
    const won = editedDeal(qualified, input({ stage: 'won', probability: 25 }), T1);
    expect(won.probability).toBe(100);
    expect(editedDeal(won, input({ stage: 'won', probability: 40 }), T2).probability).toBe(100);
    expect(newDeal(input({ stage: 'lost', probability: 60 }), 'd2', T0).probability).toBe(0);
    // Reopened: the estimate typed in the dialog counts again.
    expect(editedDeal(won, input({ stage: 'negotiation', probability: 70 }), T2).probability).toBe(70);
  });

  it('reads old, imported or merged rows through the same rule', () => {
    expect(effectiveProbability({ stage: 'won', probability: 25 })).toBe(100);
    expect(effectiveProbability({ stage: 'lost', probability: 80 })).toBe(0);
    expect(effectiveProbability({ stage: 'offer_sent', probability: 140 })).toBe(100);
    expect(effectiveProbability({ stage: 'lead', probability: -5 })).toBe(0);
    expect(effectiveProbability({ stage: 'negotiation', probability: Number.NaN })).toBe(0);
    expect(effectiveProbability({ stage: 'qualified', probability: 25 })).toBe(25);
  });
});
