import { describe, expect, it } from 'vitest';
import { applyEdit, joinParts, listOf, partKey, partsOf, termRange, unionOf, type Posting } from './history-postings';

const list = (...ns: number[]) => new Uint32Array(ns.flatMap((n) => [n, n * 10]));

describe('posting lists in parts', () => {
  it('cut into parts of a size and joined again in key order, each part a copy', () => {
    const whole = list(...Array.from({ length: 7 }, (_, i) => i + 1));
    const parts = partsOf(whole, 3);
    expect(parts.map((p) => p.length)).toEqual([6, 6, 2]);
    expect(parts.every((p) => p.buffer !== whole.buffer)).toBe(true);
    const rows: Posting[] = parts.map((p, i) => ({ k: partKey('0001\u0001angebot', i), p })).reverse();
    expect(joinParts(rows)).toEqual(whole);
    expect(partsOf(list(1, 2), 3)).toEqual([list(1, 2)]);
    expect(partsOf(undefined)).toEqual([]);
  });

  it('keep every part of a word inside its prefix range, apart from longer words', () => {
    const [lower, upper] = termRange(1, 'angebot');
    const keys = [partKey('0001\u0001angebot', 0), partKey('0001\u0001angebot', 1), partKey('0001\u0001angebot', 40), partKey('0001\u0001angebote', 2)];
    for (const k of keys) expect(k >= lower && k <= upper, k).toBe(true);
    expect(keys.map(listOf)).toEqual(['0001\u0001angebot', '0001\u0001angebot', '0001\u0001angebot', '0001\u0001angebote']);
    // The parts of "angebot" sort before any longer word, so a list's parts are one range.
    expect(partKey('0001\u0001angebot', 40) < '0001\u0001angebota').toBe(true);
    expect(unionOf([{ k: keys[0]!, p: list(1) }, { k: keys[1]!, p: list(5) }])).toEqual(new Map([[1, 10], [5, 50]]));
  });

  it('append new doc numbers as the general edit would', () => {
    const old = list(2, 4, 9);
    const appended = applyEdit(old, { drop: new Set(), set: new Map([[12, 120], [10, 100]]) });
    expect(appended).toEqual(list(2, 4, 9, 10, 12));
    // A doc number below the last one, or a drop, takes the general path.
    expect(applyEdit(old, { drop: new Set(), set: new Map([[3, 30], [12, 120]]) })).toEqual(list(2, 3, 4, 9, 12));
    expect(applyEdit(old, { drop: new Set([4]), set: new Map([[12, 120]]) })).toEqual(list(2, 9, 12));
    expect(applyEdit(list(2), { drop: new Set([2]), set: new Map() })).toBeUndefined();
  });
});
