import { describe, expect, it } from 'vitest';
import { nextView, rowKey, windowRange, type View } from './useRowWindow';

const OVERSCAN = 4;
const ROWS = 17;
const SLOTS = ROWS + 2 * OVERSCAN;

/** Keys of the rows from `first - overscan` on, as CustomerTable hands them out. */
function keys(v: View): number[] {
  const from = Math.max(0, v.first - OVERSCAN);
  return Array.from({ length: ROWS + 2 * OVERSCAN }, (_, i) => rowKey(from + i, v.base, SLOTS));
}

describe('row keys of the list window', () => {
  const start: View = { first: 40, rows: ROWS, width: 900, base: 0 };

  it('lets every row keep its key on a wheel step, so only the rows that leave hand their elements on', () => {
    const next = nextView(start, 43, ROWS, 900, OVERSCAN);
    for (let index = 43 - OVERSCAN; index < 40 + ROWS + OVERSCAN; index++) {
      expect(rowKey(index, next.base, SLOTS)).toBe(rowKey(index, start.base, SLOTS));
    }
    const before = new Set(keys(start));
    expect(keys(next).filter((k) => !before.has(k))).toHaveLength(0);
  });

  it('keeps the keys at their places on a jump of a screen, so no element moves', () => {
    const next = nextView(start, 40 + ROWS, ROWS, 900, OVERSCAN);
    expect(keys(next)).toEqual(keys(start));
  });

  it('never gives two rows of a window the same key', () => {
    let v = start;
    for (const first of [41, 45, 60, 61, 200, 150, 149, 0, 3]) {
      v = nextView(v, first, ROWS, 900, OVERSCAN);
      expect(new Set(keys(v)).size).toBe(ROWS + 2 * OVERSCAN);
    }
  });

  it('keeps the same view when nothing changed (no re-render)', () => {
    expect(nextView(start, 40, ROWS, 900, OVERSCAN)).toBe(start);
  });

  it('renders no overscan right after a jump (a fling), and brings it back on the next small step', () => {
    expect(windowRange(start, 1000, OVERSCAN)).toEqual({ first: 40, from: 36, to: 40 + ROWS + OVERSCAN });
    const jumped = nextView(start, 40 + ROWS, ROWS, 900, OVERSCAN);
    expect(windowRange(jumped, 1000, OVERSCAN)).toEqual({ first: 40 + ROWS, from: 40 + ROWS, to: 40 + 2 * ROWS });
    // The rows shown after the jump keep the keys they had at their places before it.
    const place = (v: View, p: number) => rowKey(v.first + p, v.base, SLOTS);
    for (let p = 0; p < ROWS; p++) expect(place(jumped, p)).toBe(place(start, p));
    const stepped = nextView(jumped, 40 + ROWS + 2, ROWS, 900, OVERSCAN);
    expect(windowRange(stepped, 1000, OVERSCAN)).toEqual({ first: 42 + ROWS, from: 38 + ROWS, to: 42 + 2 * ROWS + OVERSCAN });
    // A resize that changes nothing keeps the view, and so the window.
    expect(nextView(jumped, 40 + ROWS, ROWS, 900, OVERSCAN)).toBe(jumped);
    // Near the end of a shorter list the window is clamped.
    expect(windowRange({ ...jumped, first: 995 }, 1000, OVERSCAN)).toEqual({ first: 1000 - ROWS, from: 1000 - ROWS, to: 1000 });
  });
});
