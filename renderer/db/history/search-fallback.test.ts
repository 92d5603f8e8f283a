import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Interaction } from '../../../shared/domain';
import { openDb, useDatabase as setAppDb } from '../core/db';
import { searchHistory } from './search';
import { newStats, walkHistory } from './walk';
import { queryTerms } from './words';

// A database from before schema v6 whose postings are still being built: the search walks the history by `at`.
vi.mock('./postings-build', () => ({ postingsBuilt: async () => false, buildPostings: async () => undefined }));

const db = openDb(`fallback-${crypto.randomUUID()}`);
afterAll(async () => {
  db.close();
  await db.delete();
});

const SUMMARIES = ['angebot termin', 'angebot', 'termin', 'newsletter', 'angebot becker', 'wartungsvertrag', 'wartung rueckruf'];

const rows: Interaction[] = Array.from({ length: 600 }, (_, i) => ({
  id: `f${String(i).padStart(3, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done',
  at: new Date(Date.UTC(2025, 0, 1 + (i % 90), 9)).toISOString(), userId: 'u', contactIds: [], subject: '',
  summary: SUMMARIES[(i * 3) % SUMMARIES.length]!, nextStep: '', createdAt: 1, ...(i % 11 === 0 ? { deletedAt: 1 } : {}),
}));

function want(query: string): Interaction[] {
  const terms = query.split(' ');
  return rows
    .filter((r) => r.deletedAt === undefined && terms.every((t) => r.summary.split(' ').some((w) => w.startsWith(t))))
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
}

describe('history search while the postings are built', () => {
  it('walks the history newest first and checks the rows, matching a brute-force filter', async () => {
    setAppDb(db);
    await db.interactions.bulkAdd(rows);
    const cases = [['angebot termin', 30], ['becker angebot', 500], ['newsletter angebot', 50], ['wart', 20], ['wartung', 500], ['rueckruf wa', 7]] as const;
    for (const [query, limit] of cases) {
      const all = want(query);
      const stats = newStats();
      const got = await searchHistory(query, { limit, stats });
      expect(stats.blocks, 'no postings read').toBe(0);
      expect(stats.rows).toBeGreaterThan(0);
      expect(got.hits.map((h) => h.id), query).toEqual(all.slice(0, limit).map((r) => r.id));
      expect(got.hasMore, query).toBe(all.length > limit);
    }
  });

  it('stops after its budget of rows and says there may be more; a higher limit goes further back', async () => {
    // "becker" is in every seventh row: with 60 rows per page read, a page of 50 cannot fill.
    const terms = queryTerms('becker');
    const all = want('becker');
    const stats = { rows: 0 };
    const first = await walkHistory(terms, 50, stats, 60);
    expect(stats.rows).toBe(60);
    expect(first.hasMore).toBe(true);
    expect(first.hits.map((h) => h.id)).toEqual(all.slice(0, first.hits.length).map((r) => r.id));
    expect(first.hits.length).toBeLessThan(50);
    // "Load more": twice the limit, twice the budget; the first results stay first.
    const more = await walkHistory(terms, 100, undefined, 60);
    expect(more.hits.length).toBeGreaterThan(first.hits.length);
    expect(more.hits.map((h) => h.id)).toEqual(all.slice(0, more.hits.length).map((r) => r.id));
    // A budget past the whole history: exactly the matches, and no more to come.
    const whole = await walkHistory(terms, 1000, undefined, 60);
    expect(whole.hits.map((h) => h.id)).toEqual(all.map((r) => r.id));
    expect(whole.hasMore).toBe(false);
  });
});
