import { describe, expect, it } from 'vitest';
import { assessLoss, LOSS_THRESHOLDS } from './loss';

const manifest = (counts: Record<string, number>) => ({ counts });

describe('assessLoss', () => {
  it('is ok without a backup or when the backup held nothing', () => {
    expect(assessLoss({}, undefined)).toEqual({ status: 'ok' });
    expect(assessLoss({}, manifest({ accounts: 0, settings: 5 }))).toEqual({ status: 'ok' });
  });

  it('says empty when the core tables are empty but the last backup was not', () => {
    // A fresh first run writes settings and team rows: those do not count.
    expect(assessLoss({ settings: 3, teamMembers: 1 }, manifest({ accounts: 700, contacts: 1400 }))).toEqual({ status: 'empty', expected: 2100 });
    expect(assessLoss({}, manifest({ accounts: 1 }))).toEqual({ status: 'empty', expected: 1 });
  });

  it('says much_smaller below half, by at least the minimum number of rows', () => {
    expect(assessLoss({ accounts: 100 }, manifest({ accounts: 700 }))).toEqual({ status: 'much_smaller', expected: 700, actual: 100 });
    expect(assessLoss({ accounts: 350 }, manifest({ accounts: 700 }))).toEqual({ status: 'ok' });
    // Small databases: 10 → 3 is 7 rows, below the minimum.
    expect(LOSS_THRESHOLDS.minRowsLost).toBeGreaterThan(7);
    expect(assessLoss({ accounts: 3 }, manifest({ accounts: 10 }))).toEqual({ status: 'ok' });
  });

  it('is ok when the database grew', () => {
    expect(assessLoss({ accounts: 800, interactions: 5000 }, manifest({ accounts: 700, interactions: 4000 }))).toEqual({ status: 'ok' });
  });
});
