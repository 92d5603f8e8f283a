import { describe, expect, it } from 'vitest';
import { PostingsBuilder } from './postings-bulk';
import { builtMeta, PART_SIZE, postingsOf, rowsOf, type PostDoc, type Posting } from './postings';
import { interactionWords } from './words';

const row = (i: number, summary: string) => ({
  at: new Date(Date.UTC(2026, 2, 2, 8, i % 600)).toISOString(), subject: '', summary, nextStep: '',
});

describe('PostingsBuilder', () => {
  it('cuts lists into full parts and an open part exactly as rowsOf does, across many rows', () => {
    const b = new PostingsBuilder(7);
    const docs: PostDoc[] = [];
    const full: Posting[] = [];
    const pairs = new Map<string, number[]>();
    // 'angebot' in every row of one block: 2.6 parts; 'termin' in every third: under one part.
    for (let i = 0; i < 2.6 * PART_SIZE; i++) {
      const words = interactionWords(row(i, i % 3 === 0 ? 'Angebot Termin' : 'Angebot'), [['müller']]);
      b.add(`r${i}`, words, docs, full);
      for (const [k, d] of postingsOf(words)) pairs.set(k, [...(pairs.get(k) ?? []), 7 + i, d]);
    }
    const { open, meta } = b.finish();
    expect(meta).toEqual(builtMeta(7 + Math.ceil(2.6 * PART_SIZE)));
    expect(docs.slice(0, 2)).toEqual([{ id: 'r0', n: 7 }, { id: 'r1', n: 8 }]);
    const want = [...pairs].flatMap(([k, p]) => rowsOf(k, Uint32Array.from(p)));
    const key = (p: Posting) => p.k;
    expect([...full, ...open].sort((a, c) => (key(a) < key(c) ? -1 : 1))).toEqual(want.sort((a, c) => (key(a) < key(c) ? -1 : 1)));
    expect(full.length).toBeGreaterThanOrEqual(4);
    expect(open.some((p) => p.f === 2)).toBe(true);
  });
});
