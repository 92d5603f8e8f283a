import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchPlanning } from './bench';
import { heapPush, heapReplaceTop } from './top-k';

describe('bounded heap', () => {
  it('keeps exactly the k best items of any sequence', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: 1, max: 12 }), (items, k) => {
      const better = (a: number, b: number): boolean => a < b;
      const heap: number[] = [];
      for (const x of items) {
        if (heap.length < k) heapPush(heap, x, better);
        else if (better(x, heap[0] as number)) heapReplaceTop(heap, x, better);
      }
      expect([...heap].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b).slice(0, k));
    }));
  });
});

describe('benchPlanning', () => {
  // Shape only: timings are asserted nowhere in unit tests (see tests/bench).
  it('returns finite timings and ratios', () => {
    const r = benchPlanning(300, 1);
    expect(r.n).toBe(300);
    for (const v of [r.floorMs, r.remindersMs, r.weekPlanMs, r.remindersRatio, r.weekPlanRatio]) expect(Number.isFinite(v)).toBe(true);
    expect(r.planned).toBeGreaterThan(0);
  });
});
