import { describe, expect, it } from 'vitest';
import { GramIndex, hasBit } from './gram-index';

const haystacks = ['mueller haustechnik muenchen', 'schulze bau koeln', 'weiss elektro berlin', 'creme brulee cafe strassburg'];

function indexOf(list: readonly string[]): GramIndex {
  const index = new GramIndex();
  list.forEach((h, seq) => index.add(seq, h));
  return index;
}

/** Serials the index offers for the terms, and whether it says they all match. */
function offered(index: GramIndex, terms: string[], count: number): { seqs: number[]; exact: boolean } {
  const c = index.candidates(terms);
  return { seqs: Array.from({ length: count }, (_, i) => i).filter((i) => hasBit(c.bits, i)), exact: c.exact };
}

describe('gram index', () => {
  it('answers one- and two-letter terms exactly', () => {
    const index = indexOf(haystacks);
    expect(offered(index, ['k'], 4)).toEqual({ seqs: [0, 1, 2], exact: true });
    expect(offered(index, ['ue'], 4)).toEqual({ seqs: [0], exact: true });
    expect(offered(index, ['b', 'ko'], 4)).toEqual({ seqs: [1], exact: true });
  });

  it('narrows longer terms to rows holding all their letter pairs, never dropping a match', () => {
    const index = indexOf(haystacks);
    const c = offered(index, ['bau'], 4);
    expect(c?.exact).toBe(false);
    expect(c?.seqs).toContain(1);
    expect(c?.seqs).not.toContain(0);
    // "lektro" and "berl" are both in row 2 only.
    expect(offered(index, ['lektro', 'berl'], 4)?.seqs).toEqual([2]);
  });

  it('knows a letter or pair no row holds', () => {
    const index = indexOf(haystacks);
    expect(offered(index, ['q'], 4)).toEqual({ seqs: [], exact: true });
    expect(offered(index, ['zz'], 4)).toEqual({ seqs: [], exact: true });
  });

  it('grows past its first size and keeps every bit', () => {
    const index = new GramIndex();
    for (let seq = 0; seq < 70_000; seq += 7) index.add(seq, seq % 2 === 0 ? 'even row' : 'odd row');
    const c = index.candidates(['od']);
    expect(hasBit(c.bits, 7)).toBe(true);
    expect(hasBit(c.bits, 14)).toBe(false);
    expect(hasBit(c.bits, 69_993)).toBe(true);
  });

  it('past its alphabet, lumps rare characters together and has them checked', () => {
    const index = new GramIndex();
    // 80 distinct characters: more than the index gives codes to.
    const wide = Array.from({ length: 80 }, (_, i) => String.fromCharCode(0x3b1 + i)).join('');
    index.add(1, 'plain');
    index.add(0, wide);
    const last = wide.slice(-1);
    const c = index.candidates([last]);
    expect(c?.exact).toBe(false);
    expect(hasBit(c.bits, 0)).toBe(true);
    expect(hasBit(c.bits, 1)).toBe(false);
  });
});
