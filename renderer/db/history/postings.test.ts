import { describe, expect, it } from 'vitest';
import { applyEdit, joinParts, listOf, partKey, rowsOf, termRange, unionOf } from './postings';

const list = (...ns: number[]) => new Uint32Array(ns.flatMap((n) => [n, n * 10]));

describe('posting lists in parts', () => {
  it('cut into full parts and an open one, joined again in order, each part a copy', () => {
    const whole = list(...Array.from({ length: 7 }, (_, i) => i + 1));
    const rows = rowsOf('0001\u0001angebot', whole, 0, 3);
    expect(rows.map((r) => [r.k, r.p.length, r.f])).toEqual([
      ['0001\u0001angebot\u0001000', 6, undefined],
      ['0001\u0001angebot\u0001001', 6, undefined],
      ['0001\u0001angebot', 2, 2],
    ]);
    expect(rows.every((r) => r.p.buffer !== whole.buffer)).toBe(true);
    // The open part sorts first by key but holds the newest pairs.
    expect(joinParts([...rows].sort((a, b) => (a.k < b.k ? -1 : 1)))).toEqual(whole);
    expect(joinParts([...rows].reverse())).toEqual(whole);
    // A list that fits stays open; a full open part stays open until the next pair arrives.
    expect(rowsOf('k', list(1, 2, 3), 0, 3)).toEqual([{ k: 'k', p: list(1, 2, 3) }]);
    expect(rowsOf('k', undefined)).toEqual([]);
    // An append after two stored full parts numbers the next full part 2.
    expect(rowsOf('k', list(7, 8, 9, 10), 2, 3).map((r) => [r.k, r.f])).toEqual([['k\u0001002', undefined], ['k', 3]]);
  });

  it('keep every part of a word inside its prefix range, apart from longer words', () => {
    const [lower, upper] = termRange(1, 'angebot');
    const keys = ['0001\u0001angebot', partKey('0001\u0001angebot', 0), partKey('0001\u0001angebot', 40), partKey('0001\u0001angebote', 2)];
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
