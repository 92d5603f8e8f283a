import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIdIndex, firstOf, hashId, nextOf } from './id-index';

/** All positions of `id` through the index, in order. */
function positions(keys: string[], id: string): number[] {
  const ix = buildIdIndex(keys);
  const h = hashId(id);
  const out: number[] = [];
  for (let k = firstOf(ix, id, h); k >= 0; k = nextOf(ix, id, h, k)) out.push(k);
  return out;
}

describe('IdIndex', () => {
  it('finds every position of an id in input order, and nothing for unknown ids', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'acc-1', 'acc-10', 'x'.repeat(40), '550e8400-e29b-41d4-a716-446655440000'), { maxLength: 60 }), fc.string(), (keys, probe) => {
      for (const id of [...keys, probe, 'missing']) {
        const expected = keys.flatMap((k, n) => (k === id ? [n] : []));
        expect(positions(keys, id)).toEqual(expected);
      }
    }), { numRuns: 200 });
  });

  it('tells apart ids whose hashes collide (same length, same last characters)', () => {
    const keys = ['customer-A-000123', 'customer-B-000123', 'customer-A-000123', 'customer-C-000123'];
    expect(hashId('customer-A-000123')).toBe(hashId('customer-B-000123'));
    expect(positions(keys, 'customer-A-000123')).toEqual([0, 2]);
    expect(positions(keys, 'customer-B-000123')).toEqual([1]);
    expect(positions(keys, 'customer-D-000123')).toEqual([]);
  });

  it('works on an empty list and on thousands of UUID-like ids', () => {
    expect(positions([], 'a')).toEqual([]);
    const ids = Array.from({ length: 5000 }, (_, n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`);
    const ix = buildIdIndex(ids);
    for (const n of [0, 1, 255, 4096, 4999]) expect(firstOf(ix, ids[n] as string, hashId(ids[n] as string))).toBe(n);
  });
});
