import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, HlcClock } from './hlc';

describe('HLC', () => {
  it('string order equals clock order', () => {
    const parts = fc.record({
      wall: fc.integer({ min: 0, max: 2 ** 45 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
      device: fc.stringMatching(/^[a-z0-9-]{1,8}$/),
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const expected = a.wall - b.wall || a.counter - b.counter || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);
        expect(Math.sign(compareHlc(encodeHlc(a), encodeHlc(b)))).toBe(Math.sign(expected));
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('ticks are strictly increasing even when the wall clock goes back', () => {
    let t = 1000;
    const c = new HlcClock('a', () => t);
    const a = c.tick();
    t = 500;
    const b = c.tick();
    expect(compareHlc(b, a)).toBeGreaterThan(0);
    expect(decodeHlc(b).wall).toBe(1000);
  });

  it('after receiving, local stamps order after the received one', () => {
    const behind = new HlcClock('b', () => 1000);
    const remote = encodeHlc({ wall: 5000, counter: 7, device: 'a' });
    behind.receive(remote);
    expect(compareHlc(behind.tick(), remote)).toBeGreaterThan(0);
  });

  it('restores from a persisted stamp', () => {
    const c = new HlcClock('a', () => 10, encodeHlc({ wall: 99, counter: 3, device: 'a' }));
    expect(decodeHlc(c.tick())).toEqual({ wall: 99, counter: 4, device: 'a' });
  });

  it('rejects malformed stamps', () => {
    expect(() => decodeHlc('12-3-a')).toThrow();
    expect(() => decodeHlc('000000000000001-000001-a/b')).toThrow();
  });
});
