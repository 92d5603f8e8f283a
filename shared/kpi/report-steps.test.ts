import { describe, expect, it } from 'vitest';
import { computeReport, computeReportSteps } from './report';
import { FIXTURE, Q1, TODAY } from './test-fixtures';

describe('computeReportSteps', () => {
  it('yields a rising share of rows done and returns exactly what computeReport returns', () => {
    // 40k copies of the fixture's interactions: more than two chunks of 16k rows inside one pass.
    const base = FIXTURE.interactions;
    const interactions = Array.from({ length: 40_000 }, (_, k) => ({ ...base[k % base.length]!, id: `i${k}` }));
    const data = { ...FIXTURE, interactions };
    const steps = computeReportSteps(data, { ...Q1 }, TODAY);
    const shares: number[] = [];
    let next = steps.next();
    while (next.done !== true) {
      shares.push(next.value);
      next = steps.next();
    }
    // 40k interactions give two mid-pass yields, plus the one after the sales.
    expect(shares.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < shares.length; k += 1) expect(shares[k]!).toBeGreaterThanOrEqual(shares[k - 1]!);
    expect(shares.every((s) => s > 0 && s <= 1)).toBe(true);
    expect(next.value).toEqual(computeReport(data, { ...Q1 }, TODAY));
  });
});
