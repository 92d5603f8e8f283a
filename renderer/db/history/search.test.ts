import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { openDb, useDatabase as setAppDb, type RapportDb } from '../core/db';
import { searchHistory } from './search';

const opened: RapportDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const WORDS = ['wartung', 'wartungsvertrag', 'warten', 'wasser', 'angebot', 'anlage', 'termin'];
const DENSE = ['angebot', 'anlage', 'wasser'];

describe('history search paging', () => {
  it('returns exactly the newest matches of a brute-force scan, across words and equal times', async () => {
    const db = openDb(`search-${crypto.randomUUID()}`);
    opened.push(db);
    setAppDb(db);
    const next = random(7);
    const rows: Interaction[] = [];
    for (let i = 0; i < 400; i++) {
      // Few distinct days, so many rows share a time: the merge must neither lose nor repeat them.
      const at = new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 40), 9)).toISOString();
      const summary = [0, 1, 2].map(() => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
      rows.push({
        id: `r${String(i).padStart(3, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at, userId: 'u',
        contactIds: [], subject: '', summary, nextStep: '', createdAt: 1, ...(i % 17 === 0 ? { deletedAt: 1 } : {}),
      });
    }
    await db.interactions.bulkAdd(rows);
    await expectBruteForce(rows, [['wa', 10], ['wart', 37], ['wartung angebot', 5], ['an termin', 60], ['wasser', 500]] as const);
  });

  it('matches the brute-force scan when two words occur together in thousands of rows', async () => {
    const db = openDb(`search-${crypto.randomUUID()}`);
    opened.push(db);
    setAppDb(db);
    const next = random(11);
    const rows: Interaction[] = [];
    for (let i = 0; i < 3000; i++) {
      const at = new Date(Date.UTC(2025, 0, 1 + Math.floor(next() * 300), 9)).toISOString();
      const summary = ['termin', ...[0, 1].map(() => DENSE[Math.floor(next() * DENSE.length)])].join(' ');
      rows.push({
        id: `d${String(i).padStart(4, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done', at, userId: 'u',
        contactIds: [], subject: '', summary, nextStep: '', createdAt: 1, ...(i % 13 === 0 ? { deletedAt: 1 } : {}),
      });
    }
    await db.interactions.bulkAdd(rows);
    // Over 2000 common matches: the intersection filters the walk instead of being read at once.
    const both = rows.filter((r) => r.deletedAt === undefined && r.summary.split(' ').some((w) => w.startsWith('an')));
    expect(both.length).toBeGreaterThan(2000);
    await expectBruteForce(rows, [['an termin', 50], ['termin an', 120], ['wasser termin', 30]]);
  });
});

async function expectBruteForce(rows: Interaction[], cases: ReadonlyArray<readonly [string, number]>): Promise<void> {
    for (const [query, limit] of cases) {
      const terms = query.split(' ');
      const expected = rows
        .filter((r) => r.deletedAt === undefined && terms.every((t) => r.summary.split(' ').some((w) => w.startsWith(t))))
        .sort((a, b) => b.at.localeCompare(a.at));
      const got = await searchHistory(query, { limit });
      const ids = got.hits.map((h) => h.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(got.hits.map((h) => h.at)).toEqual(expected.slice(0, limit).map((r) => r.at));
      expect(got.hasMore).toBe(expected.length > limit);
      for (const h of got.hits) expect(expected.some((r) => r.id === h.id)).toBe(true);
    }
}
