import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Interaction } from '../../shared/domain';
import { openDb, useDatabase as setAppDb } from './db';
import { searchHistory } from './history-search';
import { newStats } from './history-walk';

// A database from before schema v6 whose postings are still being built: the search walks the words index.
vi.mock('./history-postings-build', () => ({ postingsBuilt: async () => false, buildPostings: async () => undefined }));

const db = openDb(`fallback-${crypto.randomUUID()}`);
afterAll(async () => {
  db.close();
  await db.delete();
});

const SUMMARIES = ['angebot termin', 'angebot', 'termin', 'newsletter', 'angebot becker'];

describe('history search while the postings are built', () => {
  it('walks the sparsest word and checks the rows, matching a brute-force filter', async () => {
    setAppDb(db);
    const rows: Interaction[] = Array.from({ length: 600 }, (_, i) => ({
      id: `f${String(i).padStart(3, '0')}`, updatedAt: 1, accountId: 'a', type: 'visit', mode: 'human', status: 'done',
      at: new Date(Date.UTC(2025, 0, 1 + (i % 90), 9)).toISOString(), userId: 'u', contactIds: [], subject: '',
      summary: SUMMARIES[(i * 7) % SUMMARIES.length]!, nextStep: '', createdAt: 1, ...(i % 11 === 0 ? { deletedAt: 1 } : {}),
    }));
    await db.interactions.bulkAdd(rows);
    for (const [query, limit] of [['angebot termin', 30], ['becker angebot', 500], ['newsletter angebot', 50]] as const) {
      const terms = query.split(' ');
      const want = rows
        .filter((r) => r.deletedAt === undefined && terms.every((t) => r.summary.split(' ').includes(t)))
        .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
      const stats = newStats();
      const got = await searchHistory(query, { limit, stats });
      expect(stats.blocks).toBe(0);
      expect(got.hits.map((h) => h.id), query).toEqual(want.slice(0, limit).map((r) => r.id));
      expect(got.hasMore, query).toBe(want.length > limit);
    }
  });
});
